using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsAggregator.Configuration;
using NewsAggregator.Dedup;
using NewsAggregator.Fetching;
using NewsAggregator.Sources;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>sources add URL [--id ID] [--name NAME] [--type rss|html|page] [--pick N] [--sources FILE] [--config FILE]</c>:
/// one source appended to sources.json, its feed found the way feed readers find it (the URL
/// itself, else the feeds its page announces). Non-interactive, so that it works in scripts: of
/// several feeds the first is taken, and <c>--pick</c> takes another.
/// </summary>
/// <remarks>
/// Exit codes: 0 added, or already listed (running it twice is harmless); 1 nothing added because
/// of what the URL gave (unreachable, an HTTP error, robots.txt, neither a feed nor a page naming
/// one) or because sources.json could not be written; 2 the command is wrong (a URL that is not
/// http or https, an invalid or taken id, a <c>--pick</c> beyond the feeds found, a broken
/// sources.json or setting).
/// </remarks>
internal static class SourcesAddCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var url = new Argument<string>("URL") { Description = "A feed's URL, or a web page that names its feeds." };
        var id = new Option<string?>("--id")
        {
            Description = "The source's id; default: the host and a hash of the feed's canonical URL, as import-opml makes it.",
            HelpName = "ID",
        };
        var name = new Option<string?>("--name")
        {
            Description = "The source's name; default: the feed's title (the page's for html and page), else the host.",
            HelpName = "NAME",
        };
        var type = new Option<string>("--type")
        {
            Description = "rss (default): the URL's feed, or one its page names; html or page: the URL itself as that type, without looking for feeds.",
            DefaultValueFactory = _ => "rss",
            HelpName = "TYPE",
        };
        type.AcceptOnlyFromAmong("rss", "html", "page");
        var pick = new Option<int?>("--pick")
        {
            Description = "When the page names several feeds: take the Nth, as listed (default 1).",
            HelpName = "N",
        };
        var config = ConfigOption.Create("A settings file for the fetcher (user agent, timeouts, proxy...); default ./appsettings.json when it exists.");
        var sources = SourcesOption.Create();
        var command = new Command("add",
            "Add a source to sources.json: a feed, or the feed a web page names (the first of several unless --pick); comments and layout are kept.")
        {
            url, id, name, type, pick, sources, config,
        };
        command.SetAction((parse, cancellationToken) => new SourcesAddCommandRun(output, error).RunAsync(new SourcesAddRequest(
            parse.GetValue(url)!, parse.GetValue(id), parse.GetValue(name), parse.GetValue(type)!, parse.GetValue(pick),
            parse.GetValue(sources)!, parse.GetValue(config)), cancellationToken));
        return command;
    }
}

/// <summary>What <c>sources add</c> was asked, as typed.</summary>
internal sealed record SourcesAddRequest(
    string Url, string? Id, string? Name, string Type, int? Pick, string SourcesPath, string? ConfigPath);

internal sealed class SourcesAddCommandRun(TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(SourcesAddRequest request, CancellationToken cancellationToken)
    {
        // Everything the command line alone can tell is checked before a request is made.
        if (!ListedSources.TryParseWebUrl(request.Url, out var url))
        {
            return await UsageAsync($"\"{request.Url}\" is not an absolute http or https URL (e.g. https://example.org/feed.xml)");
        }
        if (request.Id is { } wantedId && !SourcesFile.IsValidId(wantedId))
        {
            return await UsageAsync($"--id \"{wantedId}\" {SourcesFile.IdRule}");
        }
        if (request.Name is { } wantedName && string.IsNullOrWhiteSpace(wantedName))
        {
            return await UsageAsync("--name must not be empty");
        }
        if (request.Pick is < 1)
        {
            return await UsageAsync("--pick must be 1 or more: the number of a feed as listed");
        }

        IReadOnlyList<Source> existing;
        byte[]? existingBytes;
        FetchOptions fetchOptions;
        try
        {
            (existing, existingBytes) = SourcesFileAppend.Read(request.SourcesPath);
            fetchOptions = WorkerSettingsRegistration.Check(WorkerConfiguration.Build(request.ConfigPath, [])).Fetch;
        }
        catch (Exception e) when (e is SourcesFileException or SettingsException)
        {
            return await SourcesOption.UsageErrorAsync(error, e.Message);
        }
        var listed = new ListedSources(existing);
        if (request.Id is { } id && listed.IsIdTaken(id))
        {
            return await UsageAsync($"--id \"{id}\": already used by another source in {request.SourcesPath}");
        }
        // Already listed as given: no need to ask the site anything.
        if (await ReportDuplicateAsync(listed, url, request.SourcesPath))
        {
            return NewsAggregatorCommandLine.Success;
        }

        await using var services = new ServiceCollection().AddResourceFetching(fetchOptions).BuildServiceProvider();
        var finder = new SourcesAddFinder(services.GetRequiredService<IResourceFetcher>(), output);
        var found = await finder.FindAsync(url, request.Type, request.Pick ?? 1, cancellationToken);
        if (found.Problem is { } problem)
        {
            await error.WriteLineAsync($"error: {problem}");
            return found.ExitCode;
        }

        var sourceUrl = found.Url!;
        var canonical = CanonicalUrl.Normalize(sourceUrl);
        if (sourceUrl != url && await ReportDuplicateAsync(listed, sourceUrl, request.SourcesPath))
        {
            return NewsAggregatorCommandLine.Success;
        }
        var sourceId = request.Id ?? FeedSourceId.For(sourceUrl, canonical);
        if (request.Id is null && listed.IsIdTaken(sourceId))
        {
            // Only a hand-made source that took this feed's id can get here.
            return await UsageAsync($"the id \"{sourceId}\" is already used by another source in {request.SourcesPath}; give another with --id");
        }
        var source = new Source
        {
            Id = sourceId,
            Name = request.Name?.Trim() ?? found.Title ?? sourceUrl.Host,
            Type = found.Type,
            Url = sourceUrl,
        };
        if (await SourcesOption.AppendAsync(request.SourcesPath, existingBytes, [source], error) is { } failed)
        {
            return failed;
        }
        await output.WriteLineAsync($"added     {source.Id}: {source.Name} ({source.TypeName}) {source.Url}");
        await output.WriteLineAsync($"{request.SourcesPath} written");
        return NewsAggregatorCommandLine.Success;
    }

    /// <summary>Says so and returns true when <paramref name="url"/> is already a source of the file.</summary>
    private async Task<bool> ReportDuplicateAsync(ListedSources listed, Uri url, string sourcesPath)
    {
        if (listed.IdOfUrl(CanonicalUrl.Normalize(url)) is not { } listedId)
        {
            return false;
        }
        await output.WriteLineAsync($"duplicate {url}: already in the sources file as \"{listedId}\"");
        await output.WriteLineAsync($"{sourcesPath} unchanged");
        return true;
    }

    private async Task<int> UsageAsync(string message)
    {
        await error.WriteLineAsync($"error: sources add: {message}");
        return NewsAggregatorCommandLine.UsageError;
    }
}
