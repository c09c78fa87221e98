using System.CommandLine;
using NewsAggregator.Sources;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>export-opml [--output FILE] [--sources FILE]</c>: the feed sources as OPML 2.0, in folders
/// by category, for a feed reader or for another machine's <c>import-opml</c>.
/// </summary>
internal static class ExportOpmlCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var outputFile = OutputFile.Create("Write the OPML to this file instead of standard output.");
        var sources = SourcesOption.Create();
        var command = new Command("export-opml",
            "Print the rss sources as OPML 2.0, in folders by category; html and page sources have no feed and are left out.")
        {
            outputFile, sources,
        };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(sources)!, parse.GetValue(outputFile), output, error, token));
        return command;
    }

    private static async Task<int> RunAsync(string sourcesPath, string? outputPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (outputPath is not null)
        {
            try
            {
                OutputFile.Check(outputPath, "the OPML", [(sourcesPath, $"the sources file {sourcesPath}")]);
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"error: --output {outputPath}: {e.Message}");
                return NewsAggregatorCommandLine.UsageError;
            }
        }
        IReadOnlyList<Source> sources;
        try
        {
            sources = SourcesFile.Load(sourcesPath);
        }
        catch (SourcesFileException e)
        {
            return await SourcesOption.UsageErrorAsync(error, e.Message);
        }

        var opml = OpmlDocument.Write(sources, "NewsAggregator sources");
        if (outputPath is null)
        {
            await output.WriteAsync(opml);
            await output.FlushAsync(cancellationToken);
        }
        else
        {
            try
            {
                await File.WriteAllTextAsync(outputPath, opml, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: --output {outputPath}: {e.Message}");
                return NewsAggregatorCommandLine.UsageError;
            }
        }
        // Said on standard error so that the OPML on standard output stays a clean document.
        foreach (var source in sources.Where(s => s.Type != SourceType.Rss))
        {
            await error.WriteLineAsync($"not exported: {source.Id} ({source.TypeName}): a section page or single page has no feed URL");
        }
        return NewsAggregatorCommandLine.Success;
    }
}
