using System.CommandLine;
using NewsAggregator.Sources;

namespace NewsAggregator.Cli;

/// <summary><c>--sources FILE</c>, the same on every command that reads sources.json.</summary>
internal static class SourcesOption
{
    public static Option<string> Create() => FilePathValue.NotEmpty(new Option<string>("--sources")
    {
        Description = "The sources file.",
        DefaultValueFactory = _ => "sources.json",
        HelpName = "FILE",
    });

    /// <summary>A message of several lines (settings errors) as one <c>error:</c> line each.</summary>
    public static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        foreach (var line in message.Split(Environment.NewLine))
        {
            await error.WriteLineAsync($"error: {line}");
        }
        return NewsAggregatorCommandLine.UsageError;
    }

    /// <summary>
    /// Adds <paramref name="added"/> to the sources file (see <see cref="SourcesFileAppend.AppendAndWrite"/>);
    /// null when written, else exit 1 after one <c>error:</c> line.
    /// </summary>
    public static async Task<int?> AppendAsync(string sourcesPath, byte[]? existingBytes, IReadOnlyList<Source> added, TextWriter error)
    {
        try
        {
            SourcesFileAppend.AppendAndWrite(sourcesPath, existingBytes, added);
            return null;
        }
        catch (Exception e) when (e is SourcesFileException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {sourcesPath}: not written: {e.Message}");
            return NewsAggregatorCommandLine.SourceFailed;
        }
    }
}
