using NewsAggregator.Storage;
using NewsAggregator.Tests.Cli;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Storage;

/// <summary>A file at the database path that cannot be our database, and what the user must be told.</summary>
/// <param name="Name">Also the case's name.</param>
/// <param name="Prepare">Puts the file in the data folder and returns the path to give <c>--db</c>.</param>
/// <param name="Says">What the one-line message must say besides the path.</param>
/// <param name="Unprivileged">Run by a user without write permission on what Prepare closed (<see cref="UnprivilegedWorker"/>).</param>
public sealed record UnusableDatabase(string Name, Func<string, string> Prepare, string[] Says, bool Unprivileged = false)
{
    public override string ToString() => Name;
}

/// <summary>
/// Files the worker must refuse at start, through the real command line: exit 2, one line naming
/// the file and what to do, no stack trace, nothing fetched (the database is checked before any
/// source runs), and nothing written: the data folder holds the same files, byte for byte.
/// </summary>
public sealed class DatabaseFailureTests(FixtureWebHost host) : IClassFixture<FixtureWebHost>
{
    public static TheoryData<UnusableDatabase> Cases() => new()
    {
        new("a folder", data =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(data, "news.db")).FullName;
            File.WriteAllText(Path.Combine(folder, "keep.txt"), "not for the worker");
            return folder;
        }, ["is a folder", "news.db"]),

        new("a text file", data =>
        {
            var path = Path.Combine(data, "notes.db");
            File.WriteAllText(path, string.Concat(Enumerable.Repeat("Shopping list: bread, milk, a new hard disk.\n", 40)));
            return path;
        }, ["is not an SQLite database"]),

        new("another program's database with an articles table of its own", data =>
        {
            var path = Path.Combine(data, "blog.db");
            DatabaseFiles.Foreign(path, """
                CREATE TABLE articles (id INTEGER PRIMARY KEY, slug TEXT, body TEXT);
                INSERT INTO articles (slug, body) VALUES ('hello', 'Hello, world.'), ('again', 'Hello again.');
                """);
            return path;
        }, ["another program", "articles"]),

        new("another program's database with unrelated tables", data =>
        {
            var path = Path.Combine(data, "atlas.db");
            DatabaseFiles.Foreign(path, """
                CREATE TABLE cities (name TEXT, country TEXT);
                CREATE TABLE rivers (name TEXT, length_km INTEGER);
                INSERT INTO cities VALUES ('Lyon', 'FR');
                """);
            return path;
        }, ["another program", "cities"]),

        new("a database marked as another program's", data =>
        {
            var path = Path.Combine(data, "marked.db");
            // A schema version and every table name of ours: only the application_id tells it apart.
            DatabaseFiles.Foreign(path, $"""
                PRAGMA application_id = 1598903374;
                PRAGMA user_version = 3;
                {string.Concat(Schema.FirstTables.Select(table => $"CREATE TABLE {table} (x);"))}
                """);
            return path;
        }, ["another program", "application_id"]),

        new("our database truncated to half", data =>
        {
            var path = Path.Combine(data, "news.db");
            DatabaseFiles.Ours(path, alone: true);
            DatabaseFiles.Truncate(path, length => length / 2);
            return path;
        }, ["damaged", "backup"]),

        new("our database cut inside its last page", data =>
        {
            var path = Path.Combine(data, "news.db");
            DatabaseFiles.Ours(path, alone: true);
            DatabaseFiles.Truncate(path, length => length - 100);
            return path;
        }, ["damaged", "cut short"]),

        new("our database from a newer version", data =>
        {
            var path = Path.Combine(data, "news.db");
            DatabaseFiles.Ours(path, alone: true);
            DatabaseFiles.Foreign(path, "PRAGMA user_version = 99;");
            return path;
        }, ["schema version 99 is newer", "upgrade NewsAggregator"]),

        new("our database in a file the user cannot write", data =>
        {
            var path = Path.Combine(data, "news.db");
            DatabaseFiles.Ours(path);
            UnprivilegedWorker.DenyWrite(path);
            return path;
        }, ["cannot write", "write access"], Unprivileged: true),

        new("a new database in a folder the user cannot write", data =>
        {
            UnprivilegedWorker.DenyWrite(data);
            return Path.Combine(data, "news.db");
        }, ["cannot create", "write access"], Unprivileged: true),

        new("our database alone in a folder the user cannot write", data =>
        {
            // SQLite must create news.db-wal and news.db-shm beside the file to use it.
            var path = Path.Combine(data, "news.db");
            DatabaseFiles.Ours(path, alone: true);
            UnprivilegedWorker.AllowWrite(path);
            UnprivilegedWorker.DenyWrite(data);
            return path;
        }, ["cannot write", "folder"], Unprivileged: true),

        new("our database with a -wal left read-only by a run as another user", data =>
        {
            var path = Path.Combine(data, "news.db");
            DatabaseFiles.Ours(path);
            UnprivilegedWorker.AllowWrite(data);
            UnprivilegedWorker.AllowWrite(path);
            UnprivilegedWorker.AllowWrite(path + "-shm");
            UnprivilegedWorker.DenyWrite(path + "-wal");
            return path;
        }, ["cannot write", "news.db-wal"], Unprivileged: true),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Unusable_database_exits_2_naming_the_file_and_leaves_it_untouched(UnusableDatabase bad)
    {
        using var workspace = new TempWorkspace();
        SourcesJson.Write(workspace, [new SourceEntry("wire", "The Wire Times", "rss", host.Web.Url("/wire-times/feed.rss").ToString())]);
        var data = Directory.CreateDirectory(workspace.PathOf("data")).FullName;
        var requestsBefore = host.Web.TotalRequests;
        try
        {
            var path = bad.Prepare(data);
            var before = DatabaseFiles.Snapshot(data);
            string[] args = ["--once", "--sources", workspace.SourcesPath, "--db", path];

            var run = bad.Unprivileged ? await UnprivilegedWorker.RunAsync(args) : await CommandRun.RunAsync(args);

            Assert.True(run.ExitCode == 2, run.ToString());
            var message = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", message);
            Assert.Contains(path, message);
            Assert.All(bad.Says, words => Assert.Contains(words, message));
            SourcesFileErrorTests.AssertNoStackTrace(run);
            Assert.Empty(run.Summaries);
            Assert.Equal(requestsBefore, host.Web.TotalRequests);
            Assert.Equal(before, DatabaseFiles.Snapshot(data));
        }
        finally
        {
            // Lets the workspace be deleted by a user whose own write bits were taken.
            UnprivilegedWorker.AllowWrite(data);
        }
    }

    [Fact]
    public void Database_locked_by_another_process_at_start_is_refused_as_locked_not_as_unusable()
    {
        using var files = new TemporaryDatabase();
        DatabaseFiles.Ours(files.Path);
        using var holder = new Resilience.WriteLockHolder(files.Path);
        holder.Take();

        var error = Assert.Throws<StorageException>(() => NewsDatabase.Open(files.Path, new StorageOptions { BusyTimeout = TimeSpan.FromSeconds(1) }));

        // Exit 1 rather than 2 from the command line: the same command may succeed once the lock is let go.
        Assert.Equal(StorageFailure.Locked, error.Failure);
        Assert.StartsWith("the database is locked by another process for more than 1 s", error.Message);
        holder.Release();
        NewsDatabase.Open(files.Path).Close();
    }

    [Fact]
    public async Task An_empty_file_is_taken_as_a_new_database_and_marked_as_ours()
    {
        using var workspace = new TempWorkspace();
        SourcesJson.Write(workspace, [new SourceEntry("wire", "The Wire Times", "rss", host.Web.Url("/wire-times/feed.rss").ToString()) { Enabled = false }]);
        File.WriteAllBytes(workspace.DatabasePath, []);

        var run = await CommandRun.OnceAsync(workspace);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((long)Schema.ApplicationId, DatabaseFiles.Scalar(workspace.DatabasePath, "PRAGMA application_id"));
        Assert.Equal(1L, DatabaseFiles.Scalar(workspace.DatabasePath, "SELECT count(*) FROM sources"));
    }

    [Fact]
    public void A_database_of_an_earlier_version_is_recognised_by_its_tables_and_marked_as_ours()
    {
        using var files = new TemporaryDatabase();
        DatabaseFiles.Foreign(files.Path, string.Concat(Schema.Migrations.Take(4)) + """
            PRAGMA user_version = 4;
            INSERT INTO sources (id, name, type, url, updated_at) VALUES ('a', 'A', 'rss', 'https://a.example/feed', '2026-03-04T00:00:00Z');
            INSERT INTO articles (id, source_id, url, fetched_at, text) VALUES (7, 'a', 'https://a.example/old', '2026-03-04T05:06:07Z', 'Old text.');
            """);

        var database = files.Open();

        Assert.Equal(Schema.Migrations.Length, database.SchemaVersion);
        Assert.Equal((long)Schema.ApplicationId, files.Scalar("PRAGMA application_id"));
        Assert.Equal("Old text.", files.Scalar("SELECT text FROM articles WHERE id = 7"));
        database.Close();
    }
}
