using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// A <c>--db</c> that holds no database of the worker's: an empty file, a device, a named pipe.
/// The commands that need an existing database refuse it as they refuse a missing one (exit 2, one
/// line naming the path) and leave it as it was: no report of an "empty database", no schema
/// written into the file by a dry run, no wait on a pipe.
/// </summary>
public sealed class EmptyOrSpecialDatabaseTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public EmptyOrSpecialDatabaseTests() => SourcesJson.Write(_workspace, []);

    public void Dispose() => _workspace.Dispose();

    /// <summary>The commands that only read the database, or change one that exists but never make it.</summary>
    public static TheoryData<string> ExistingOnly => new()
    {
        "stats --sources SOURCES",
        "sources list --sources SOURCES",
        "export",
        "search harbour",
        "prune --older-than 90d --dry-run",
        "prune --older-than 90d",
        "reextract --sources SOURCES",
    };

    /// <summary>Those that only read: given a device, no other write would happen (a writer would put its -wal in /dev).</summary>
    public static TheoryData<string> ReadOnly => new()
    {
        "stats --sources SOURCES",
        "sources list --sources SOURCES",
        "export",
        "search harbour",
        "prune --older-than 90d --dry-run",
    };

    private Task<CommandRun> RunAsync(string command, string database) =>
        CommandRun.RunAsync([.. command.Replace("SOURCES", _workspace.SourcesPath, StringComparison.Ordinal).Split(' '), "--db", database]);

    [Theory]
    [MemberData(nameof(ExistingOnly))]
    public async Task An_empty_file_is_exit_2_naming_it_and_stays_empty(string command)
    {
        var empty = _workspace.WriteFile("news.db", "");

        var run = await RunAsync(command, empty);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"error: {empty}: the file is empty, not a database the worker made (nothing was read or written); " +
                     "give the worker's database with --db, or run the worker once to make it\n", run.Error);
        Assert.Equal(0, new FileInfo(empty).Length);
        Assert.Equal(["news.db"], Directory.GetFiles(_workspace.Folder, "news.db*").Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(ReadOnly))]
    public async Task A_device_is_exit_2_naming_it(string command)
    {
        var run = await RunAsync(command, "/dev/null");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("error: /dev/null is a character device, not a database file; give the worker's database file with --db\n", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_named_pipe_is_exit_2_at_once_rather_than_waiting_for_a_writer()
    {
        var pipe = await _workspace.MakeNamedPipeAsync("news.db");

        // Without the check SQLite's open blocks until something writes to the pipe, before the
        // command's first await: on a thread of its own, so that the guard can end the wait.
        var run = await Task.Run(() => RunAsync("stats --sources SOURCES", pipe)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"error: {pipe} is a named pipe (FIFO), not a database file; give the worker's database file with --db\n", run.Error);
    }
}
