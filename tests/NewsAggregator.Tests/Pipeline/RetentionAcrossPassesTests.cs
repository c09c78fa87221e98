using Microsoft.Data.Sqlite;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// Retention seen from the passes: a pruned story its source still lists is not stored again, and
/// <c>Storage:RetentionDays</c> prunes after a <c>--once</c> run.
/// </summary>
public sealed class RetentionAcrossPassesTests : IDisposable
{
    private static readonly string Story = new Uri(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html")).AbsoluteUri;

    private readonly TempWorkspace _workspace = new();

    public RetentionAcrossPassesTests() =>
        _workspace.WriteFile("sources.json", $$"""{ "sources": [ { "id": "harbour", "name": "Harbour", "type": "page", "url": "{{Story}}" } ] }""");

    public void Dispose() => _workspace.Dispose();

    private long Scalar(string sql)
    {
        using var reader = new SqliteConnection($"Data Source={_workspace.DatabasePath};Mode=ReadOnly;Pooling=False");
        reader.Open();
        using var command = reader.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Stores, as source "harbour", a story of its own first seen at <paramref name="fetchedAt"/>.</summary>
    private void StoreOther(string url, int number, DateTimeOffset fetchedAt)
    {
        var database = NewsDatabase.Open(_workspace.DatabasePath);
        database.SyncSources(TemporaryDatabase.Sources("harbour"), fetchedAt);
        database.StoreArticle(ChangeSequenceTests.Article("harbour", url, ChangeSequenceTests.DistinctText(number)) with { FetchedAt = fetchedAt });
        database.Close();
    }

    [Fact]
    public async Task A_pruned_story_its_source_still_lists_is_known_on_the_next_pass_not_stored_again()
    {
        var first = await CommandRun.OnceAsync(_workspace);
        Assert.Equal(1, first.SummaryOf("harbour").Count("new"));
        // A later story, so that the page's is not the newest (which a prune always keeps).
        StoreOther("https://harbour.example/later", 1, DateTimeOffset.UtcNow.AddSeconds(1));
        var database = NewsDatabase.Open(_workspace.DatabasePath);
        Assert.Equal(1, database.Prune(DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow).Articles);
        database.Close();

        var second = await CommandRun.OnceAsync(_workspace);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(0, second.SummaryOf("harbour").Count("new"));
        Assert.Equal(1, second.SummaryOf("harbour").Count("known"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM articles"));
        Assert.Equal(1, Scalar("SELECT count(*) FROM pruned_urls"));
    }

    [Fact]
    public async Task Once_with_retention_days_prunes_after_its_passes_and_says_so()
    {
        StoreOther("https://harbour.example/old-1", 1, DateTimeOffset.UtcNow.AddDays(-40));
        StoreOther("https://harbour.example/old-2", 2, DateTimeOffset.UtcNow.AddDays(-35));
        StoreOther("https://harbour.example/recent", 3, DateTimeOffset.UtcNow.AddDays(-20));

        var run = await CommandRun.OnceAsync(_workspace, "--Storage:RetentionDays=30");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\nretention: pruned 2 articles first seen before ", run.Output, StringComparison.Ordinal);
        Assert.Contains("(older than 30d); database ", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, Scalar("SELECT count(*) FROM articles"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM articles WHERE url LIKE '%/old-%'"));
    }

    [Fact]
    public async Task Once_without_retention_days_keeps_every_article()
    {
        StoreOther("https://harbour.example/old-1", 1, DateTimeOffset.UtcNow.AddDays(-4000));

        var run = await CommandRun.OnceAsync(_workspace);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("retention", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, Scalar("SELECT count(*) FROM articles"));
    }
}
