using NewsAggregator.Storage;
using NewsAggregator.Tests.Resilience;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// The commands that open the worker's database take the worker's settings (<c>--config</c>, or
/// ./appsettings.json, then <c>NEWSAGGREGATOR_*</c>): a prune from cron beside a busy service
/// waits for its write lock as long as the operator set, not the built-in 30 s.
/// </summary>
public sealed class DatabaseCommandSettingsTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>Each command that opens the database, as typed; SOURCES stands for the workspace's sources file.</summary>
    public static TheoryData<string> DatabaseCommands() =>
    [
        "prune --older-than 90d",
        "reextract --sources SOURCES",
        "export --since 0",
        "search storm",
        "stats --sources SOURCES",
        "sources list --sources SOURCES",
    ];

    [Theory]
    [MemberData(nameof(DatabaseCommands))]
    public async Task A_settings_file_that_is_not_JSON_is_exit_2_naming_the_file(string command)
    {
        var settings = _workspace.WriteFile("settings.json", "{ \"Storage\": { \"BusyTimeoutSeconds\": ");

        var run = await RunAsync(command, settings);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(settings, run.Error, StringComparison.Ordinal);
        Assert.Contains("JSON", run.Error, StringComparison.Ordinal);
        SourcesFileErrorTests.AssertNoStackTrace(run);
    }

    [Theory]
    [MemberData(nameof(DatabaseCommands))]
    public async Task A_busy_timeout_out_of_range_is_exit_2_with_the_accepted_range(string command)
    {
        var settings = _workspace.WriteFile("settings.json", """{ "Storage": { "BusyTimeoutSeconds": 0 } }""");

        var run = await RunAsync(command, settings);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Storage:BusyTimeoutSeconds", run.Error, StringComparison.Ordinal);
        Assert.Contains("accepted 1 to 3600 (seconds)", run.Error, StringComparison.Ordinal);
    }

    private Task<CommandRun> RunAsync(string command, string settings)
    {
        StoredDatabase();
        var args = command.Split(' ').Select(arg => arg == "SOURCES" ? _workspace.SourcesPath : arg);
        return CommandRun.RunAsync([.. args, "--db", _workspace.DatabasePath, "--config", settings]);
    }

    [Fact]
    public async Task Prune_waits_for_the_write_lock_as_long_as_the_settings_say()
    {
        StoredDatabase();
        var settings = _workspace.WriteFile("settings.json", """{ "Storage": { "BusyTimeoutSeconds": 1 } }""");
        using var holder = new WriteLockHolder(_workspace.DatabasePath);
        holder.Take();

        var run = await CommandRun.RunAsync("prune", "--older-than", "1d", "--db", _workspace.DatabasePath, "--config", settings);
        holder.Release();

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("the database is locked by another process for more than 1 s", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A database of the current schema, with the one source the sources file lists.</summary>
    private void StoredDatabase()
    {
        _workspace.WriteFile("sources.json", """{ "sources": [ { "id": "a", "name": "A", "type": "rss", "url": "https://a.example/feed.xml" } ] }""");
        var database = NewsDatabase.Open(_workspace.DatabasePath);
        database.SyncSources(TemporaryDatabase.Sources("a"), DateTimeOffset.UtcNow);
        database.Close();
    }
}
