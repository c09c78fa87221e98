using System.Globalization;
using NewsAggregator.Extraction;
using NewsAggregator.Feeds;
using NewsAggregator.Fetching;
using NewsAggregator.Sources;

namespace NewsAggregator.Cli;

/// <summary>What <c>sources add</c> found to add, or why it found nothing, with the exit code that goes with it.</summary>
internal sealed record FoundSource(Uri? Url, SourceType Type, string? Title, string? Problem, int ExitCode)
{
    public static FoundSource Of(Uri url, SourceType type, string? title) => new(url, type, title, null, NewsAggregatorCommandLine.Success);

    /// <summary>The URL gave nothing that can be added: exit 1, as for a source that failed.</summary>
    public static FoundSource Failed(string problem) => new(null, SourceType.Rss, null, problem, NewsAggregatorCommandLine.SourceFailed);

    public static FoundSource Usage(string problem) => new(null, SourceType.Rss, null, problem, NewsAggregatorCommandLine.UsageError);
}

/// <summary>
/// Finds the source a URL stands for, through the worker's own fetcher (politeness, robots.txt,
/// limits) and feed parser, as feed readers subscribe: the URL itself when it is a feed, else the
/// feeds its page announces (<see cref="FeedDiscovery"/>), the first unless another is picked.
/// A discovered feed is fetched and read before it is offered, so that what is added works.
/// </summary>
internal sealed class SourcesAddFinder(IResourceFetcher fetcher, TextWriter output)
{
    public async Task<FoundSource> FindAsync(Uri url, string type, int pick, CancellationToken cancellationToken)
    {
        if (type is "html" or "page")
        {
            var sourceType = type == "html" ? SourceType.Html : SourceType.Page;
            var page = await FetchAsync(new FetchRequest(url) { Expect = ExpectedContent.Page, ObeyRobots = true }, cancellationToken);
            return page.Resource is { } resource
                ? FoundSource.Of(url, sourceType, FeedDiscovery.Find(Decode(resource), resource.FinalUrl).PageTitle)
                : FoundSource.Failed($"could not fetch {url}: {page.Problem}");
        }

        // A feed or a page; either way not an image or an archive, refused before it is downloaded.
        var fetched = await FetchAsync(new FetchRequest(url) { Expect = ExpectedContent.Feed, ObeyRobots = true }, cancellationToken);
        if (fetched.Resource is not { } document)
        {
            return FoundSource.Failed($"could not fetch {url}: {fetched.Problem}");
        }
        var feed = ReadFeed(document, cancellationToken);
        if (feed.Problem is null)
        {
            return pick == 1
                ? FoundSource.Of(url, SourceType.Rss, feed.Title)
                : FoundSource.Usage($"sources add: --pick {pick}: {url} is a feed itself, so there is no other to pick");
        }
        if (!IsHtml(document))
        {
            return FoundSource.Failed($"{url} is neither a feed nor a web page: {feed.Problem}");
        }

        var discovery = FeedDiscovery.Find(Decode(document), document.FinalUrl);
        if (discovery.Feeds.Count == 0)
        {
            return FoundSource.Failed(
                $"no feed found on {url}: the page names none (no <link rel=\"alternate\"> of type RSS, Atom or JSON Feed). " +
                $"To follow the page's article links instead, add it as an html source: newsaggregator sources add {url} --type html");
        }
        await ListAsync(url, discovery.Feeds, pick);
        if (pick > discovery.Feeds.Count)
        {
            return FoundSource.Usage(string.Create(CultureInfo.InvariantCulture,
                $"sources add: --pick {pick}: the page names {discovery.Feeds.Count} {(discovery.Feeds.Count == 1 ? "feed" : "feeds")}"));
        }

        var chosen = discovery.Feeds[pick - 1];
        var feedFetch = await FetchAsync(new FetchRequest(chosen.Url)
        {
            Expect = ExpectedContent.Feed,
            ObeyRobots = true,
            // Found inside a page: it may lead where the page's own links may, no further.
            Trust = NetworkTrust.ForLinksOf(document.FinalUrl),
        }, cancellationToken);
        if (feedFetch.Resource is not { } feedDocument)
        {
            return FoundSource.Failed($"the page names a feed at {chosen.Url}, but it could not be fetched: {feedFetch.Problem}");
        }
        var chosenFeed = ReadFeed(feedDocument, cancellationToken);
        return chosenFeed.Problem is { } problem
            ? FoundSource.Failed($"the page names a feed at {chosen.Url}, but it could not be read: {problem}")
            : FoundSource.Of(chosen.Url, SourceType.Rss, chosenFeed.Title ?? chosen.Title);
    }

    private async Task ListAsync(Uri url, IReadOnlyList<DiscoveredFeed> feeds, int pick)
    {
        if (feeds.Count == 1)
        {
            await output.WriteLineAsync($"found 1 feed on {url}: {Describe(feeds[0])}");
            return;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"found {feeds.Count} feeds on {url}:"));
        for (var i = 0; i < feeds.Count; i++)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(i + 1 == pick ? "*" : " ")} {i + 1}. {Describe(feeds[i])}"));
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"taking feed {pick} (marked *); --pick N takes another"));
    }

    private static string Describe(DiscoveredFeed feed)
    {
        var format = feed.MediaType switch
        {
            "application/rss+xml" => "RSS",
            "application/atom+xml" => "Atom",
            _ => "JSON Feed",
        };
        return feed.Title is { } title ? $"{feed.Url} ({format}, \"{title}\")" : $"{feed.Url} ({format})";
    }

    private async Task<(FetchedResource? Resource, string? Problem)> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await fetcher.FetchAsync(request, cancellationToken), null);
        }
        catch (FetchException e)
        {
            return (null, e.Reason);
        }
    }

    /// <summary>The feed's title, or why the document is not a feed (the parser's words).</summary>
    private static (string? Title, string? Problem) ReadFeed(FetchedResource resource, CancellationToken cancellationToken)
    {
        try
        {
            return (FeedParser.Parse(resource.Body, resource.FinalUrl, cancellationToken).Title, null);
        }
        catch (FeedFormatException e)
        {
            return (null, e.Message);
        }
    }

    private static string Decode(FetchedResource resource) => PageDecoder.Decode(resource.Body, resource.Charset);

    /// <summary>Labelled HTML, or unlabelled (or labelled loosely) and starting as an HTML document does.</summary>
    private static bool IsHtml(FetchedResource resource)
    {
        if (resource.MediaType is "text/html" or "application/xhtml+xml")
        {
            return true;
        }
        if (resource.MediaType is not (null or "text/plain" or "application/octet-stream"))
        {
            return false;
        }
        var start = Decode(resource).AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
