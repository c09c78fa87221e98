using NewsAggregator.Cli;

namespace NewsAggregator.Tests.Cli;

/// <summary>Runs the command line in-process, as <c>newsaggregator ARGS</c> would, capturing both streams.</summary>
internal static class CommandLineRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string[] args, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await NewsAggregatorCommandLine.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
