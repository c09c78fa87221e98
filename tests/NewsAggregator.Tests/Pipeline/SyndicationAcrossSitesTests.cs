using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// <c>--once</c> over three news sites (Fixtures/Syndication, each on a server of its own, so
/// each is its own site) that run one agency story in their own templates: with another
/// dateline, a byline, an advert and a contributor line; cut short with straight quotes under a
/// tracking link. Whatever the order, the story ends as one article seen three times, and the
/// follow-up that reuses a background paragraph stays a story of its own.
/// </summary>
public sealed class SyndicationAcrossSitesTests : IAsyncLifetime
{
    private const string Wire = "coastal-wire";
    private const string Gazette = "harbour-gazette";
    private const string Courier = "valley-courier";

    private const string WirePage = "/2025/06/porthaven-electric-ferries.html";
    private const string GazettePage = "/news/2025-06-12-ferry-operator-orders-electric-boats/";
    private const string CourierPage = "/stories/electric-ferries-porthaven.html";
    private const string CourierFollowUp = "/stories/ferry-crews-electric-timetable.html";

    // The story's last paragraph, which the courier's cut copy lacks.
    private const string LastParagraph = "Fares, she added, would not rise to pay for the new vessels.";

    private readonly TempWorkspace workspace = new();
    private readonly Dictionary<string, FixtureWeb> sites = [];

    public async Task InitializeAsync()
    {
        foreach (var site in new[] { Wire, Gazette, Courier })
        {
            sites[site] = await FixtureWeb.StartAsync(Path.Combine(FixturePaths.Root, "Syndication", site));
        }
        SourcesJson.Write(workspace,
        [
            new SourceEntry(Wire, "Coastal Wire", "rss", sites[Wire].Url("/feed.rss").ToString()),
            new SourceEntry(Gazette, "The Harbour Gazette", "rss", sites[Gazette].Url("/feed.atom").ToString()),
            new SourceEntry(Courier, "Valley Courier", "rss", sites[Courier].Url("/feed.rss").ToString()),
        ]);
    }

    public async Task DisposeAsync()
    {
        foreach (var site in sites.Values)
        {
            await site.DisposeAsync();
        }
        workspace.Dispose();
    }

    [Fact]
    public async Task Story_run_by_three_sites_is_one_article_with_three_sightings()
    {
        var run = await CommandRun.OnceAsync(workspace);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = StoredRows.Read(workspace.DatabasePath);
        var story = StoryRow(rows);
        Assert.Equal(
            [(Wire, Url(Wire, WirePage)), (Gazette, Url(Gazette, GazettePage)), (Courier, Url(Courier, CourierPage))],
            rows.SightingsOf(story).Select(s => (s.SourceId, s.Url)).Order());
        Assert.Equal(2, run.Summaries.Sum(summary => summary.Count("new") ?? 0));
        Assert.Equal(2, run.Summaries.Sum(summary => summary.Count("duplicate") ?? 0));
    }

    [Fact]
    public async Task Follow_up_on_the_same_event_stays_an_article_of_its_own()
    {
        await CommandRun.OnceAsync(workspace);

        var rows = StoredRows.Read(workspace.DatabasePath);
        Assert.True(rows.Articles.Count == 2, string.Join("\n", rows.Articles.Select(a => a.Url)));
        var followUp = Assert.Single(rows.Articles, a => a.Url == Url(Courier, CourierFollowUp));
        Assert.Equal([(Courier, Url(Courier, CourierFollowUp))], rows.SightingsOf(followUp).Select(s => (s.SourceId, s.Url)));
    }

    [Fact]
    public async Task Cut_copy_seen_first_keeps_its_article_and_gets_the_whole_text_from_a_later_copy()
    {
        var first = await CommandRun.OnceAsync(workspace, "--source", Courier);
        var cut = StoryRow(StoredRows.Read(workspace.DatabasePath));
        Assert.DoesNotContain(LastParagraph, cut.Text);

        var later = await CommandRun.OnceAsync(workspace, "--source", Wire, "--source", Gazette);

        Assert.True(first.ExitCode == 0 && later.ExitCode == 0, first + "\n" + later);
        var rows = StoredRows.Read(workspace.DatabasePath);
        var story = StoryRow(rows);
        Assert.Equal(cut.Id, story.Id);
        Assert.Equal((Courier, Url(Courier, CourierPage)), (story.SourceId, story.Url));
        Assert.Contains(LastParagraph, story.Text);
        Assert.Equal(3, rows.SightingsOf(story).Count());
    }

    private string Url(string site, string path) => sites[site].Url(path).ToString();

    // The one row holding the agency story (the follow-up shares a paragraph, not its opening).
    private static StoredArticle StoryRow(DatabaseSnapshot rows) =>
        Assert.Single(rows.Articles, a => a.Text.Contains("has ordered two battery-electric vessels", StringComparison.Ordinal));
}
