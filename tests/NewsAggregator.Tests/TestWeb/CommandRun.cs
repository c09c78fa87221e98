using NewsAggregator.Cli;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>One invocation of the command line, with what a user would see of it.</summary>
public sealed record CommandRun(int ExitCode, string Output, string Error)
{
    // A guard against a hung run blocking the whole test session, not a timing assertion.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    public static Task<CommandRun> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    /// <param name="stop">Cancelling it is what SIGTERM and Ctrl+C do to the executable.</param>
    /// <param name="reload">Requesting it is what SIGHUP does to the executable.</param>
    public static async Task<CommandRun> RunAsync(string[] args, CancellationToken stop, global::NewsAggregator.Hosting.SourcesReload? reload = null)
    {
        // Writers are shared by the run's threads (logging, summaries): synchronise them.
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
        cancel.CancelAfter(HangGuard);
        var exitCode = await NewsAggregatorCommandLine.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), cancel.Token, reload)
            .WaitAsync(HangGuard + TimeSpan.FromSeconds(10), CancellationToken.None);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary><c>--once</c> over a workspace's sources.json and database.</summary>
    public static Task<CommandRun> OnceAsync(TempWorkspace workspace, params string[] moreArgs) =>
        RunAsync(["--once", "--sources", workspace.SourcesPath, "--db", workspace.DatabasePath, .. moreArgs]);

    public IReadOnlyList<SourceSummary> Summaries => SourceSummary.ParseAll(Output);

    /// <summary>The summary line of <paramref name="sourceId"/>; fails the test when there is not exactly one.</summary>
    public SourceSummary SummaryOf(string sourceId)
    {
        var lines = Summaries.Where(summary => summary.SourceId == sourceId).ToList();
        Assert.True(lines.Count == 1, $"expected one summary line for \"{sourceId}\", found {lines.Count} in:\n{Output}");
        return lines[0];
    }

    public override string ToString() => $"exit {ExitCode}\n--- output ---\n{Output}--- error ---\n{Error}";
}
