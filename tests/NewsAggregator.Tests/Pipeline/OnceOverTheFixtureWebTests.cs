using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// <c>--once</c> end to end: real HTTP to the fixture web, real extraction, real SQLite; the
/// assertions read only the public contracts (exit code, summary lines, database tables).
/// </summary>
public sealed class OnceOverTheFixtureWebTests(TwoRunsOverTheFixtureWeb runs) : IClassFixture<TwoRunsOverTheFixtureWeb>
{
    private const int DistinctStories = 10;
    private const int Sightings = 11; // each story once, plus the syndicated copy's second site

    private static readonly string[] TrackingMarkers = ["utm_", "fbclid", "gclid"];

    [Fact]
    public void Exit_code_is_1_when_some_sources_fail()
    {
        Assert.True(runs.FirstRun.ExitCode == 1, runs.FirstRun.ToString());
    }

    [Fact]
    public void Broken_sources_are_reported_FAILED_and_the_others_ok()
    {
        Assert.All(FixtureNews.BrokenSourceIds, id => Assert.False(runs.FirstRun.SummaryOf(id).Succeeded, runs.FirstRun.SummaryOf(id).Line));
        Assert.All(FixtureNews.WorkingSourceIds, id => Assert.True(runs.FirstRun.SummaryOf(id).Succeeded, runs.FirstRun.SummaryOf(id).Line));
    }

    [Theory]
    [InlineData(FixtureNews.MissingFeed, "404")]
    [InlineData(FixtureNews.FailingServer, "500")]
    public void Failed_line_gives_the_HTTP_status(string sourceId, string status)
    {
        Assert.Contains(status, runs.FirstRun.SummaryOf(sourceId).Line);
    }

    [Fact]
    public void Sources_table_mirrors_sources_json()
    {
        Assert.Equal(
            FixtureNews.WorkingSourceIds.Concat(FixtureNews.BrokenSourceIds).Order(StringComparer.Ordinal),
            runs.AfterFirstRun.SourceIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void One_article_row_per_distinct_story()
    {
        Assert.True(runs.AfterFirstRun.Articles.Count == DistinctStories,
            $"{runs.AfterFirstRun.Articles.Count} articles:\n" + string.Join("\n", runs.AfterFirstRun.Articles.Select(a => a.Url)));
    }

    [Fact]
    public void Summaries_add_up_to_ten_new_and_one_duplicate()
    {
        // Per source the split depends on which of the two sites carrying the syndicated story
        // runs first, so only the totals are fixed.
        var summaries = runs.FirstRun.Summaries;

        Assert.Equal(DistinctStories, summaries.Sum(summary => summary.Count("new") ?? 0));
        Assert.Equal(1, summaries.Sum(summary => summary.Count("duplicate") ?? 0));
    }

    [Fact]
    public void Article_text_holds_every_paragraph_of_the_story()
    {
        Assert.All(FixtureNews.Stories, story => Assert.All(runs.RowsOf(story), article =>
        {
            var text = StoryBody.Fold(article.Text);
            Assert.All(story.Body.Paragraphs(), paragraph => Assert.True(text.Contains(paragraph),
                $"\"{story}\" ({article.Url}): paragraph missing:\n  {paragraph}\nstored text:\n{article.Text}"));
        }));
    }

    [Fact]
    public void Paragraphs_are_separated_by_a_blank_line()
    {
        Assert.All(FixtureNews.Stories, story => Assert.All(runs.RowsOf(story), article =>
        {
            var text = article.Text.ReplaceLineEndings("\n");
            var blocks = text.Split("\n\n").Select(StoryBody.Fold).ToHashSet();
            Assert.All(story.Body.Paragraphs(), paragraph => Assert.True(blocks.Contains(paragraph),
                $"\"{story}\" ({article.Url}): not a block of its own:\n  {paragraph}\nstored text:\n{text}"));
        }));
    }

    [Fact]
    public void Article_text_holds_none_of_the_page_furniture()
    {
        Assert.All(FixtureNews.Stories, story => Assert.All(runs.RowsOf(story), article =>
        {
            var found = FixtureNews.PageFurniture.Where(furniture => article.Text.Contains(furniture, StringComparison.Ordinal)).ToList();
            Assert.True(found.Count == 0,
                $"\"{story}\" ({article.Url}) holds {string.Join(", ", found.Select(f => $"\"{f}\""))}:\n{article.Text}");
        }));
    }

    [Fact]
    public void Article_html_holds_the_story_and_no_markup_outside_the_allow_list()
    {
        var unsafeMarkup = new System.Text.RegularExpressions.Regex(@"<(script|style|iframe|form)\b|<[^>]*\s(on\w+|class|style|id)=|javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        Assert.All(FixtureNews.Stories, story => Assert.All(runs.RowsOf(story), article =>
        {
            Assert.False(string.IsNullOrEmpty(article.Html), $"\"{story}\" ({article.Url}) has no html");
            var text = StoryBody.Fold(NewsAggregator.Extraction.ArticleText.FromHtmlFragment(article.Html));
            Assert.All(story.Body.Paragraphs(), paragraph => Assert.Contains(paragraph, text));
            Assert.All(FixtureNews.PageFurniture, furniture => Assert.DoesNotContain(furniture, article.Html));
            Assert.DoesNotMatch(unsafeMarkup, article.Html);
        }));
    }

    [Fact]
    public void Article_whose_page_is_gone_keeps_the_feeds_full_text()
    {
        var story = FixtureNews.StoryWithMissingPage;
        var text = StoryBody.Fold(runs.RowsOf(story).Single().Text);

        Assert.True(runs.RequestsAfterFirstRun.GetValueOrDefault(story.Copies[0].Path) > 0, "the missing page was never asked for");
        Assert.All(story.Body.Paragraphs(), paragraph => Assert.Contains(paragraph, text));
    }

    [Fact]
    public void No_stored_url_carries_tracking_parameters()
    {
        var tracked = runs.AfterFirstRun.AllUrls
            .Where(url => TrackingMarkers.Any(marker => url.Contains(marker, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.Empty(tracked);
    }

    [Fact]
    public void Article_url_is_the_canonical_url_of_a_copy()
    {
        // Rows are matched on canonical URLs only, so a tracked or mangled URL leaves its story unfound.
        Assert.All(FixtureNews.Stories, story => runs.RowsOf(story));
    }

    [Fact]
    public void Syndicated_story_is_one_article_seen_by_both_sites()
    {
        var story = FixtureNews.SyndicatedStory;
        var article = runs.ArticleOf(story);

        var sightings = runs.AfterFirstRun.SightingsOf(article).ToList();

        Assert.Equal(
            story.Copies.Select(copy => (copy.SourceId, runs.UrlOf(copy))).Order(),
            sightings.Select(sighting => (sighting.SourceId, sighting.Url)).Order());
        Assert.Contains(article.SourceId, story.Copies.Select(copy => copy.SourceId));
    }

    [Fact]
    public void Every_story_has_one_sighting_per_place_it_was_seen_first_included()
    {
        Assert.All(FixtureNews.Stories, story =>
        {
            var article = runs.ArticleOf(story);
            Assert.Equal(
                story.Copies.Select(copy => (copy.SourceId, runs.UrlOf(copy))).Order(),
                runs.AfterFirstRun.SightingsOf(article).Select(sighting => (sighting.SourceId, sighting.Url)).Order());
        });
        Assert.Equal(Sightings, runs.AfterFirstRun.Sightings.Count);
    }

    [Fact]
    public void Title_is_the_headline()
    {
        Assert.All(FixtureNews.Stories, story =>
            Assert.All(runs.RowsOf(story), article => Assert.Contains(story.Headline, article.Title ?? "")));
    }

    [Fact]
    public void Second_run_adds_no_article_and_no_sighting()
    {
        Assert.Equal(runs.AfterFirstRun.Articles.Select(a => (a.Id, a.Url)), runs.AfterSecondRun.Articles.Select(a => (a.Id, a.Url)));
        Assert.Equal(runs.AfterFirstRun.Sightings, runs.AfterSecondRun.Sightings);
    }

    [Fact]
    public void Second_run_reports_nothing_new_and_the_same_failures()
    {
        Assert.True(runs.SecondRun.ExitCode == 1, runs.SecondRun.ToString());
        Assert.Equal(0, runs.SecondRun.Summaries.Sum(summary => summary.Count("new") ?? 0));
        Assert.All(FixtureNews.BrokenSourceIds, id => Assert.False(runs.SecondRun.SummaryOf(id).Succeeded));
    }

    [Fact]
    public void Second_run_fetches_no_stored_article_page_again()
    {
        // Pages found through a feed or a section page. A `page` source's own URL is left out:
        // it is the source itself, which a worker may rightly re-check on every run.
        var articlePages = FixtureNews.Stories
            .SelectMany(story => story.Copies)
            .Where(copy => copy.SourceId != FixtureNews.HeraldFeature)
            .Select(copy => copy.Path)
            .ToList();

        Assert.All(articlePages, path =>
        {
            var before = runs.RequestsAfterFirstRun.GetValueOrDefault(path);
            var after = runs.RequestsAfterSecondRun.GetValueOrDefault(path);
            Assert.True(before > 0, $"{path} was never fetched by the first run");
            Assert.True(after == before, $"{path} fetched again by the second run ({before} then {after} requests)");
        });
    }

    [Fact]
    public void Second_run_reports_every_working_source_ok()
    {
        // A run that skips what it knows must still succeed: nothing new is not a failure.
        foreach (var source in FixtureNews.Sources(runs.Web).Where(source => FixtureNews.WorkingSourceIds.Contains(source.Id)))
        {
            Assert.True(runs.SecondRun.SummaryOf(source.Id).Succeeded, runs.SecondRun.SummaryOf(source.Id).Line);
        }
    }
}
