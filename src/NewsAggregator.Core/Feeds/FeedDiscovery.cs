using AngleSharp.Dom;
using NewsAggregator.Extraction;

namespace NewsAggregator.Feeds;

/// <summary>A feed a page names in its &lt;link rel="alternate"&gt;.</summary>
/// <param name="MediaType">The link's type, lower case, without parameters (<c>application/rss+xml</c>).</param>
/// <param name="Title">The link's title attribute, if it has one ("Comments feed").</param>
public sealed record DiscoveredFeed(Uri Url, string MediaType, string? Title);

/// <summary>What a page says about itself for subscribing: its feeds in page order, and its title.</summary>
public sealed record FeedDiscoveryResult(IReadOnlyList<DiscoveredFeed> Feeds, string? PageTitle);

/// <summary>
/// The feeds a web page announces, as feed readers find them (RSS autodiscovery): every
/// &lt;link&gt; whose rel includes <c>alternate</c> and whose type is RSS, Atom or JSON Feed, its
/// href resolved against the page's base URL. Page order is kept: a site lists its main feed
/// first and its comment or category feeds after it. Other alternates (a translation with
/// hreflang, a print version, an oEmbed link) have other types and are not feeds.
/// </summary>
public static class FeedDiscovery
{
    private static readonly string[] FeedMediaTypes =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"];

    public static FeedDiscoveryResult Find(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);

        var document = PageParser.Parse(html);
        var baseUrl = PageBaseUrl.Of(document, pageUrl);
        var feeds = new List<DiscoveredFeed>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Not only in <head>: some templates print their feed links in the body, which readers accept too.
        foreach (var link in document.QuerySelectorAll("link[href][type]"))
        {
            // An empty href would resolve to the page itself.
            if (!IsAlternate(link) || MediaType(link) is not { } mediaType || link.GetAttribute("href") is not { } href
                || string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(baseUrl, href.Trim(), out var url) || !FollowableLink.From(pageUrl, url))
            {
                continue;
            }
            // WordPress labels its REST API's view of every page an application/json alternate: data, not a feed.
            if (mediaType == "application/json" && url.AbsolutePath.Contains("/wp-json/", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            url = FollowableLink.WithoutFragment(url);
            if (seen.Add(url.AbsoluteUri))
            {
                feeds.Add(new DiscoveredFeed(url, mediaType, Text(link.GetAttribute("title"))));
            }
        }
        return new FeedDiscoveryResult(feeds, Text(document.Title));
    }

    private static bool IsAlternate(IElement link) =>
        (link.GetAttribute("rel") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Contains("alternate", StringComparer.OrdinalIgnoreCase);

    private static string? MediaType(IElement link)
    {
        var type = link.GetAttribute("type")!;
        var semicolon = type.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? type : type[..semicolon]).Trim().ToLowerInvariant();
        return FeedMediaTypes.Contains(mediaType, StringComparer.Ordinal) ? mediaType : null;
    }

    private static string? Text(string? value) =>
        string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } text ? text : null;
}
