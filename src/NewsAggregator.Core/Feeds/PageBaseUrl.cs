using AngleSharp.Dom;

namespace NewsAggregator.Feeds;

/// <summary>What the relative links of a page resolve against.</summary>
internal static class PageBaseUrl
{
    /// <summary>The page's &lt;base href&gt; (itself resolved against the page's URL) when it is one we would follow, else the page's URL.</summary>
    public static Uri Of(IDocument document, Uri pageUrl)
    {
        var declared = document.QuerySelector("base[href]")?.GetAttribute("href");
        return !string.IsNullOrWhiteSpace(declared) && Uri.TryCreate(pageUrl, declared.Trim(), out var baseUrl) && FollowableLink.From(pageUrl, baseUrl)
            ? baseUrl
            : pageUrl;
    }
}
