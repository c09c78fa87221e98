using Microsoft.Data.Sqlite;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// <c>rm news.db</c> leaves <c>news.db-wal</c> behind; SQLite would replay that log into the next
/// database made at the path, and the "fresh" database would hold the old articles.
/// </summary>
public sealed class OrphanedLogTests
{
    private static readonly string Story =
        new Uri(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html")).AbsoluteUri;

    [Fact]
    public async Task A_new_database_does_not_take_in_the_log_of_a_deleted_one()
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("sources.json", $$"""{ "sources": [ { "id": "story", "name": "Story", "type": "page", "url": "{{Story}}" } ] }""");
        var first = await CommandRun.OnceAsync(workspace);
        Assert.True(first.ExitCode == 0, first.ToString());
        SqliteConnection.ClearAllPools();
        Assert.True(File.Exists(workspace.DatabasePath + "-wal"), "the worker leaves its log in place for readers");

        File.Delete(workspace.DatabasePath);
        var second = await CommandRun.OnceAsync(workspace);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(1, second.SummaryOf("story").Count("new"));
        Assert.Single(Directory.GetFiles(workspace.Folder, "news.db-wal.orphaned-*"));
        using var connection = new SqliteConnection($"Data Source={workspace.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles";
        Assert.Equal(1L, command.ExecuteScalar());
    }
}
