using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// The read-only commands on a database whose folder their user may not write (a copy on a share,
/// a folder of the worker's user): SQLite cannot create the <c>-shm</c> it reads a WAL database
/// through. Run as a user without write permission (<see cref="UnprivilegedWorker"/>: nobody, when
/// the tests run as root, whom permissions do not bind).
/// </summary>
public sealed class ReadOnlyFolderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TempWorkspace _workspace = new();

    public void Dispose()
    {
        UnprivilegedWorker.AllowWrite(_workspace.Folder);
        _workspace.Dispose();
    }

    public static TheoryData<string, string> Reads => new()
    {
        { "stats --sources SOURCES", "total" },
        { "sources list --sources SOURCES", "ARTICLES" },
        { "export", "\"change_seq\":1" },
        { "search harbour", "id 1" },
        { "prune --older-than 90d --dry-run", "would prune 0 articles" },
    };

    /// <summary>One article stored, the database closed: the file and, as the worker leaves them, its -wal and -shm.</summary>
    private void Stored()
    {
        SourcesJson.Write(_workspace, [new SourceEntry("a", "Source a", "rss", "https://a.example/feed.xml")]);
        using var database = new WorkspaceDatabase(_workspace, Now);
        database.Open().StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/harbour", "The harbour " + ChangeSequenceTests.DistinctText(1), 1));
    }

    private Task<CommandRun> RunAsync(string command) => UnprivilegedWorker.RunAsync(
        [.. command.Replace("SOURCES", _workspace.SourcesPath, StringComparison.Ordinal).Split(' '), "--db", _workspace.DatabasePath]);

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_database_copied_without_its_log_into_a_folder_the_user_cannot_write_is_read(string command, string expected)
    {
        Stored();
        // As a copy of news.db alone would be: everything is in the file after the worker's close.
        File.Delete(_workspace.DatabasePath + "-wal");
        File.Delete(_workspace.DatabasePath + "-shm");
        UnprivilegedWorker.DenyWrite(_workspace.Folder);

        var run = await RunAsync(command);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(expected, run.Output + run.Error, StringComparison.Ordinal);
        Assert.Equal(["news.db"], Directory.GetFiles(_workspace.Folder, "news.db*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_log_with_commits_but_no_index_in_a_folder_the_user_cannot_write_is_exit_2_saying_why()
    {
        SourcesJson.Write(_workspace, []);
        var database = NewsDatabase.Open(_workspace.DatabasePath);
        var copy = Directory.CreateDirectory(_workspace.PathOf("copy")).FullName;
        try
        {
            database.SyncSources(TemporaryDatabase.Sources("a"), Now);
            // The worker still has it open: its commits are in the log, which needs the -shm to be read.
            Assert.True(new FileInfo(_workspace.DatabasePath + "-wal").Length > 0);
            File.Copy(_workspace.DatabasePath, Path.Combine(copy, "news.db"));
            File.Copy(_workspace.DatabasePath + "-wal", Path.Combine(copy, "news.db-wal"));
            UnprivilegedWorker.DenyWrite(copy);

            var run = await UnprivilegedWorker.RunAsync("sources", "list", "--sources", _workspace.SourcesPath, "--db", Path.Combine(copy, "news.db"));

            Assert.True(run.ExitCode == 2, run.ToString());
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("its log news.db-wal holds changes that SQLite reads through news.db-shm", line, StringComparison.Ordinal);
            Assert.Contains("give it write access to that folder", line, StringComparison.Ordinal);
        }
        finally
        {
            UnprivilegedWorker.AllowWrite(copy);
            database.Close();
        }
    }
}
