using System.CommandLine;

namespace NewsAggregator.Cli;

/// <summary><c>--sources FILE</c>, the same on every command that reads sources.json.</summary>
internal static class SourcesOption
{
    public static Option<string> Create() => new("--sources")
    {
        Description = "The sources file.",
        DefaultValueFactory = _ => "sources.json",
        HelpName = "FILE",
    };

    /// <summary>A message of several lines (settings errors) as one <c>error:</c> line each.</summary>
    public static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        foreach (var line in message.Split(Environment.NewLine))
        {
            await error.WriteLineAsync($"error: {line}");
        }
        return NewsAggregatorCommandLine.UsageError;
    }
}
