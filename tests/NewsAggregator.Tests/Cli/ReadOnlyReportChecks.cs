using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// What every read-only report (<c>sources list</c>, <c>stats</c>) must do with a database it
/// cannot read, checked the same way for each, since they share the opening code.
/// </summary>
internal static class ReadOnlyReportChecks
{
    /// <summary>The workspace's database deleted, the report is exit 2 with one line and creates nothing.</summary>
    public static async Task MissingDatabaseIsRefusedAsync(TempWorkspace workspace, Func<Task<CommandRun>> report)
    {
        workspace.DeleteDatabase();

        var run = await report();

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"error: {workspace.DatabasePath}: no such database file (nothing was created); give the worker's database with --db, or run the worker once to make it\n", run.Error);
        Assert.Equal("", run.Output);
        Assert.Empty(Directory.GetFiles(workspace.Folder, "news.db*"));
    }

    /// <summary>The workspace's database replaced by a text file, the report is exit 2 and the file is left as it was.</summary>
    public static async Task FileNotOursIsLeftUntouchedAsync(TempWorkspace workspace, Func<Task<CommandRun>> report)
    {
        workspace.DeleteDatabase();
        // Longer than a page, so SQLite reads it as a file with a header rather than an empty one.
        var notes = string.Concat(Enumerable.Repeat("not a database, only some notes\n", 100));
        var text = workspace.WriteFile("news.db", notes);

        var run = await report();

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("is not an SQLite database", run.Error);
        Assert.Equal(notes, File.ReadAllText(text));
        Assert.Equal(["news.db"], Directory.GetFiles(workspace.Folder, "news.db*").Select(Path.GetFileName));
    }
}
