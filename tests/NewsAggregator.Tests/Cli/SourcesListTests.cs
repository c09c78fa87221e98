using System.Text.Json;
using NewsAggregator.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// <c>sources list</c>: each source of the file with its health from a real database (one that
/// ran ok, one failing twice, one never run, one gone from the file); never creates a database.
/// </summary>
public sealed class SourcesListTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>
    /// wire ran ok, stored two articles and gave one entry up (another waits for its retry); desk
    /// succeeded a day ago, then failed twice; fresh never ran; retired left the file.
    /// </summary>
    private void Prepare()
    {
        _workspace.WriteFile("sources.json", """
            {
              "sources": [
                { "id": "wire", "name": "The Wire", "type": "rss", "url": "https://wire.example/feed.xml" },
                { "id": "desk", "name": "The Desk", "type": "rss", "url": "https://desk.example/feed.xml" },
                { "id": "fresh", "name": "Fresh", "type": "rss", "url": "https://fresh.example/feed.xml", "enabled": false }
              ]
            }
            """);
        var database = NewsDatabase.Open(_workspace.DatabasePath);
        try
        {
            database.SyncSources(Storage.TemporaryDatabase.Sources("wire", "desk", "retired"), Now);
            database.RecordRun(Run("wire", Now, null, Now.AddHours(1)) with
            {
                EntryRetries = [FailedEntry("https://wire.example/dead", gaveUpAt: Now), FailedEntry("https://wire.example/late", gaveUpAt: null)],
            });
            Store(database, "wire", "https://wire.example/a", "First story of the wire.");
            Store(database, "wire", "https://wire.example/b", "Second story of the wire.");
            Store(database, "retired", "https://retired.example/a", "The only story of the retired source.");
            database.RecordRun(Run("desk", Now.AddDays(-1), null, Now.AddDays(-1).AddHours(1)));
            database.RecordRun(Run("desk", Now.AddHours(-1), "HTTP 500 Internal Server Error", Now.AddHours(1)));
            database.RecordRun(Run("desk", Now, "HTTP 502 Bad Gateway\nand a second line \u001b]0;from the server\u0007", Now.AddHours(4)));
        }
        finally
        {
            database.Close();
        }
    }

    private static SourceRunRecord Run(string id, DateTimeOffset at, string? error, DateTimeOffset nextDue) => new()
    {
        SourceId = id,
        StartedAt = at,
        FinishedAt = at,
        Error = error,
        NextDueAt = nextDue,
    };

    private static EntryRetryState FailedEntry(string url, DateTimeOffset? gaveUpAt) => new()
    {
        SourceId = "wire",
        Url = url,
        Failures = gaveUpAt is null ? 1 : 4,
        FirstFailedAt = Now,
        LastFailedAt = Now,
        NextAttemptAt = gaveUpAt is null ? Now.AddHours(1) : null,
        LastError = "HTTP 404 Not Found",
        GaveUpAt = gaveUpAt,
    };

    private static void Store(NewsDatabase database, string sourceId, string url, string text) =>
        database.StoreArticle(new ArticleRecord { SourceId = sourceId, Url = url, Text = text, FetchedAt = Now });

    private Task<CommandRun> ListAsync(params string[] more) =>
        CommandRun.RunAsync(["sources", "list", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath, .. more]);

    [Fact]
    public async Task The_table_shows_each_source_with_its_health_aligned()
    {
        Prepare();

        var run = await ListAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "ID       STATUS       ENABLED  LAST SUCCESS          FAILURES  NEXT DUE              ARTICLES  GIVEN UP  LAST ERROR",
                "wire     ok           yes      2026-03-04T05:06:07Z  0         2026-03-04T06:06:07Z  2         1         -",
                "desk     failing      yes      2026-03-03T05:06:07Z  2         2026-03-04T09:06:07Z  0         0         HTTP 502 Bad Gateway and a second line  ]0;from the server",
                "fresh    never-run    no       -                     0         -                     0         0         -",
                "retired  not-in-file  yes      -                     0         -                     1         0         -",
            ],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task A_database_copied_without_its_log_is_read_too()
    {
        Prepare();
        // What a backup copy of the main file looks like: a WAL database with no -wal or -shm
        // beside it (Close copied the log into the file).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_workspace.DatabasePath + "-wal");
        File.Delete(_workspace.DatabasePath + "-shm");

        var run = await ListAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("(?m)^desk +failing +yes +2026-03-03T05:06:07Z +2 ", run.Output);
        Assert.Matches("(?m)^wire +ok +yes .* 2 +1 +-$", run.Output);
    }

    [Fact]
    public async Task Json_is_an_array_of_objects_with_camel_case_names()
    {
        Prepare();

        var run = await ListAsync("--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var rows = json.RootElement.EnumerateArray().ToDictionary(row => row.GetProperty("id").GetString()!);
        Assert.Equal(["wire", "desk", "fresh", "retired"], rows.Keys);

        var desk = rows["desk"];
        Assert.Equal("The Desk", desk.GetProperty("name").GetString());
        Assert.Equal("failing", desk.GetProperty("status").GetString());
        Assert.True(desk.GetProperty("inSourcesFile").GetBoolean());
        Assert.True(desk.GetProperty("enabled").GetBoolean());
        Assert.Equal("2026-03-04T05:06:07Z", desk.GetProperty("lastRunAt").GetString());
        Assert.Equal("2026-03-03T05:06:07Z", desk.GetProperty("lastSuccessAt").GetString());
        Assert.Equal(2, desk.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal("HTTP 502 Bad Gateway\nand a second line \u001b]0;from the server\u0007", desk.GetProperty("lastError").GetString());
        Assert.Equal("2026-03-04T09:06:07Z", desk.GetProperty("nextDueAt").GetString());
        Assert.Equal(0, desk.GetProperty("articles").GetInt64());

        Assert.Equal(2, rows["wire"].GetProperty("articles").GetInt64());
        Assert.Equal(1, rows["wire"].GetProperty("givenUpEntries").GetInt64());
        Assert.Equal(0, desk.GetProperty("givenUpEntries").GetInt64());
        Assert.Equal("never-run", rows["fresh"].GetProperty("status").GetString());
        Assert.False(rows["fresh"].GetProperty("enabled").GetBoolean());
        // Every property is there on every object, null when there is nothing to say.
        Assert.Equal(JsonValueKind.Null, rows["fresh"].GetProperty("lastSuccessAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows["fresh"].GetProperty("nextDueAt").ValueKind);
        Assert.False(rows["retired"].GetProperty("inSourcesFile").GetBoolean());
        Assert.Equal("not-in-file", rows["retired"].GetProperty("status").GetString());
        Assert.Equal(1, rows["retired"].GetProperty("articles").GetInt64());
    }

    [Fact]
    public async Task A_missing_database_is_exit_2_and_is_not_created()
    {
        Prepare();
        await ReadOnlyReportChecks.MissingDatabaseIsRefusedAsync(_workspace, () => ListAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_exit_2_and_left_untouched()
    {
        Prepare();
        await ReadOnlyReportChecks.FileNotOursIsLeftUntouchedAsync(_workspace, () => ListAsync());
    }

    [Fact]
    public async Task Listing_writes_nothing_to_the_database()
    {
        Prepare();
        _workspace.DeleteDatabase();
        // A database of schema version 1 (before next_due_at): the worker would migrate it, listing must not.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_workspace.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE sources (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, url TEXT NOT NULL, enabled INTEGER NOT NULL DEFAULT 1, updated_at TEXT NOT NULL);
                CREATE TABLE articles (id INTEGER PRIMARY KEY, source_id TEXT NOT NULL, url TEXT NOT NULL UNIQUE, text TEXT NOT NULL, fetched_at TEXT NOT NULL);
                CREATE TABLE article_sightings (article_id INTEGER NOT NULL, source_id TEXT NOT NULL, url TEXT NOT NULL, seen_at TEXT NOT NULL);
                CREATE TABLE source_state (source_id TEXT PRIMARY KEY, last_run_at TEXT, last_success_at TEXT, consecutive_failures INTEGER NOT NULL DEFAULT 0, last_error TEXT);
                CREATE TABLE runs (id INTEGER PRIMARY KEY, source_id TEXT NOT NULL);
                INSERT INTO sources VALUES ('wire', 'The Wire', 'rss', 'https://wire.example/feed.xml', 1, '2026-03-04T05:06:07Z');
                INSERT INTO source_state VALUES ('wire', '2026-03-04T05:06:07Z', '2026-03-04T05:06:07Z', 0, NULL);
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(_workspace.DatabasePath);

        var run = await ListAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("(?m)^wire +ok +yes +2026-03-04T05:06:07Z +0 +- +0 +0 +-$", run.Output);
        Assert.Equal(before, File.ReadAllBytes(_workspace.DatabasePath));
    }

    [Fact]
    public async Task Help_describes_the_command()
    {
        var run = await CommandRun.RunAsync("sources", "list", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("health from the database", run.Output);
        Assert.Contains("--json", run.Output);
        Assert.Contains("--db", run.Output);
        Assert.Contains("never created or changed", run.Output);
    }
}
