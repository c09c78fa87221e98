using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// The pass with its stages side by side stores exactly what it stores one entry and one source
/// at a time: the same stories, each with the same places it was seen.
/// </summary>
public sealed class ConcurrentPassTests(FixtureWebHost host) : IClassFixture<FixtureWebHost>
{
    [Fact]
    public async Task Side_by_side_and_one_at_a_time_store_the_same_stories_and_sightings()
    {
        using var together = new TempWorkspace();
        using var oneByOne = new TempWorkspace();
        SourcesJson.Write(together, FixtureNews.Sources(host.Web));
        SourcesJson.Write(oneByOne, FixtureNews.Sources(host.Web));

        var concurrent = await CommandRun.OnceAsync(together, "--Fetch:MinDelayPerHostMilliseconds=0", "--Fetch:MaxRetries=0");
        var sequential = await CommandRun.OnceAsync(oneByOne,
            "--MaxParallelSources=1", "--Fetch:MaxConcurrentPerHost=1", "--Fetch:MinDelayPerHostMilliseconds=0", "--Fetch:MaxRetries=0");

        Assert.Equal(sequential.ExitCode, concurrent.ExitCode);
        Assert.Equal(Stories(oneByOne), Stories(together));
        Assert.Equal(
            sequential.Summaries.Select(s => (s.SourceId, s.Succeeded)).Order(),
            concurrent.Summaries.Select(s => (s.SourceId, s.Succeeded)).Order());
    }

    /// <summary>Each story as the sorted places it was seen at, with its text: independent of ids and of which copy came first.</summary>
    private static List<string> Stories(TempWorkspace workspace)
    {
        var rows = StoredRows.Read(workspace.DatabasePath);
        Assert.NotEmpty(rows.Articles);
        return rows.Articles
            .Select(article => string.Join(" | ", rows.Sightings.Where(s => s.ArticleId == article.Id).Select(s => $"{s.SourceId} {s.Url}").Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
