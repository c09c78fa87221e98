using System.CommandLine;
using System.Globalization;
using NewsAggregator.Sources;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>import-opml FILE [--sources FILE]</c>: a feed reader's subscription list merged into
/// sources.json. New feeds are appended; what is there stays as it was.
/// </summary>
internal static class ImportOpmlCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = FilePathValue.NotEmpty(new Argument<string>("FILE") { Description = "The OPML file (1.0 or 2.0) a feed reader exported." });
        var sources = SourcesOption.Create();
        var command = new Command("import-opml",
            "Add the feeds of an OPML file to sources.json as rss sources; feeds already listed are skipped and reported.")
        {
            file, sources,
        };
        command.SetAction((parse, _) => RunAsync(parse.GetValue(file)!, parse.GetValue(sources)!, output, error));
        return command;
    }

    private static async Task<int> RunAsync(string opmlPath, string sourcesPath, TextWriter output, TextWriter error)
    {
        IReadOnlyList<OpmlFeed> feeds;
        byte[]? existingBytes;
        IReadOnlyList<Source> existing;
        try
        {
            feeds = OpmlDocument.Load(opmlPath);
            // A missing sources file is started afresh; any other problem with it stops the import untouched.
            (existing, existingBytes) = SourcesFileAppend.Read(sourcesPath);
        }
        catch (Exception e) when (e is OpmlFormatException or SourcesFileException)
        {
            return await SourcesOption.UsageErrorAsync(error, e.Message);
        }

        var result = OpmlImport.Merge(existing, feeds);
        foreach (var source in result.Added)
        {
            var category = source.Category is null ? "" : $" [{source.Category}]";
            await output.WriteLineAsync($"added     {source.Id}: {source.Name}{category} {source.Url}");
        }
        foreach (var skipped in result.Duplicates)
        {
            await output.WriteLineAsync($"duplicate {Describe(skipped.Feed)}: {skipped.Reason}");
        }
        foreach (var skipped in result.Invalid)
        {
            await output.WriteLineAsync($"invalid   {Describe(skipped.Feed)}: {skipped.Reason}");
        }

        if (result.Added.Count > 0 && await SourcesOption.AppendAsync(sourcesPath, existingBytes, result.Added, error) is { } failed)
        {
            return failed;
        }
        var outcome = result.Added.Count > 0 ? "written" : "unchanged";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Added.Count} added, {result.Duplicates.Count} skipped as duplicates, {result.Invalid.Count} skipped as invalid; {sourcesPath} {outcome}"));
        return NewsAggregatorCommandLine.Success;
    }

    private static string Describe(OpmlFeed feed) =>
        feed.FeedUrl.Length > 0 ? feed.FeedUrl : $"\"{feed.Title ?? "(untitled)"}\"";
}
