namespace NewsAggregator.Cli;

/// <summary>The command line of DESIGN.md: service mode, <c>--once</c> and <c>extract</c>.</summary>
public static class NewsAggregatorCommandLine
{
    /// <summary>Runs the command <paramref name="args"/> name and returns the process exit code (0, 1 or 2).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        throw new NotImplementedException();
    }
}
