using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>Every source type works from file:// URLs: saved feeds and pages, no network at all.</summary>
public sealed class OfflineSourcesTests : IDisposable
{
    private static readonly string Folder = FixturePath.Of("Offline");
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static string FileUrl(string relative) => new Uri(Path.Combine(Folder, relative)).AbsoluteUri;

    [Fact]
    public async Task Feed_section_page_and_page_sources_all_read_from_disk()
    {
        SourcesJson.Write(_workspace,
        [
            new SourceEntry("saved-feed", "Saved feed", "rss", FileUrl("feed.atom")),
            new SourceEntry("saved-section", "Saved section", "html", FileUrl("section.html")) { LinkSelector = "a.headline" },
            new SourceEntry("saved-page", "Saved page", "page", FileUrl("2024/05/orchard-cooperative-buys-press.html")),
        ]);

        var run = await CommandRun.OnceAsync(_workspace);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var rows = StoredRows.Read(_workspace.DatabasePath);
        // Two stories: the feed's relative link and the section's links resolve to the same files.
        Assert.Equal(
            [FileUrl("2024/05/orchard-cooperative-buys-press.html"), FileUrl("2024/05/reservoir-highest-level.html")],
            rows.Articles.Select(a => a.Url).Order(StringComparer.Ordinal));
        var reservoir = rows.Articles.Single(a => a.Url.EndsWith("reservoir-highest-level.html", StringComparison.Ordinal));
        Assert.Equal("Reservoir reaches its highest level in twenty years", reservoir.Title);
        Assert.StartsWith("After the wettest spring since records began", reservoir.Text);
        Assert.DoesNotContain("About us", reservoir.Text);
        Assert.Equal(["saved-feed", "saved-section"], rows.SightingsOf(reservoir).Select(s => s.SourceId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_sources_selectors_shape_what_is_stored_and_a_selector_that_matches_nothing_is_reported()
    {
        SourcesJson.Write(_workspace,
        [
            new SourceEntry("with-rules", "With rules", "page", new Uri(FixturePath.Of("Extraction", "Rules", "split-story.html")).AbsoluteUri)
            {
                ContentSelector = "div.q7",
                RemoveSelectors = ["p.x3f"],
            },
            new SourceEntry("stale-rules", "Stale rules", "page", FileUrl("2024/05/orchard-cooperative-buys-press.html"))
            {
                ContentSelector = "div.story-body-v1",
            },
        ]);

        var run = await CommandRun.OnceAsync(_workspace);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var rows = StoredRows.Read(_workspace.DatabasePath);
        var story = rows.Articles.Single(a => a.SourceId == "with-rules");
        Assert.Equal(File.ReadAllText(FixturePath.Of("Extraction", "Rules", "split-story.both.expected.txt")).ReplaceLineEndings("\n").TrimEnd('\n'), story.Text);
        Assert.DoesNotContain("Coast Courier on your phone", story.Html);
        Assert.StartsWith("Orchard", rows.Articles.Single(a => a.SourceId == "stale-rules").Title);
        Assert.Contains("contentSelector \"div.story-body-v1\" matched nothing; the article was found without it", EntryProblems("stale-rules"));
    }

    [Fact]
    public async Task A_section_page_whose_links_lie_past_the_caps_says_the_page_was_cut()
    {
        // Real front pages hold a few thousand elements; the story links here come after 20 000 empty ones.
        var page = _workspace.WriteFile("huge-front.html",
            "<html><body>" + string.Concat(Enumerable.Repeat("<span></span>", NewsAggregator.Extraction.PageLimits.MaxElements)) +
            "<h2><a href=\"/2024/05/reservoir-highest-level.html\">Reservoir reaches its highest level in twenty years</a></h2></body></html>");
        SourcesJson.Write(_workspace, [new SourceEntry("huge-front", "Huge front page", "html", new Uri(page).AbsoluteUri)]);

        var run = await CommandRun.OnceAsync(_workspace);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no article links found on the page (the page was read only up to its first 20,000 elements or 3,000,000 characters, and is longer)", RunError("huge-front"));
    }

    private string RunError(string sourceId) => FromRuns(sourceId, "group_concat(error, '\n')");

    private string EntryProblems(string sourceId) => FromRuns(sourceId, "group_concat(entry_problems, '\n')");

    /// <summary>The value of <paramref name="expression"/> over the source's rows of the runs table.</summary>
    private string FromRuns(string sourceId, string expression)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_workspace.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {expression} FROM runs WHERE source_id = $source";
        command.Parameters.AddWithValue("$source", sourceId);
        return command.ExecuteScalar() as string ?? "";
    }
}
