using NewsAggregator.Urls;

namespace NewsAggregator.Dedup;

/// <summary>
/// The shapes under which one article is served again as an AMP page (Accelerated Mobile
/// Pages): a cache's copy, an <c>amp.</c> host, an <c>/amp/</c> path, an <c>?amp=1</c> switch.
/// Feeds and share links mix these with the publisher's URL, so each maps back to it.
/// </summary>
internal static class AmpForms
{
    // Caches that serve a publisher's AMP page under their own host, the publisher's URL in the path:
    // https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story
    private static readonly string[] CacheHostSuffixes = [".cdn.ampproject.org", ".bing-amp.com"];

    // The cache's first segment says what is served: c content, v viewer, i image, r resource, wp web package.
    private static readonly HashSet<string> CacheServingKinds = new(StringComparer.Ordinal) { "c", "v", "i", "r", "wp" };

    // Switches that only choose the AMP rendering, and parameters AMP caches and viewers add.
    private static readonly HashSet<string> AmpParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "amp", "_amp", "amp_js_v", "amp_gsa", "amp_ct", "amp_tf", "usqp",
    };

    // Parameters that choose the AMP rendering only when their value says so (?outputType=amp).
    private static readonly HashSet<string> RenderingParameters = new(StringComparer.OrdinalIgnoreCase) { "outputType", "output", "format", "view" };

    /// <summary>The publisher's URL inside an AMP cache or viewer URL, or null when <paramref name="url"/> is not one.</summary>
    public static Uri? Unwrap(Uri url)
    {
        var host = url.IdnHost.TrimEnd('.').ToLowerInvariant();
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int skip;
        if (CacheHostSuffixes.Any(suffix => host.EndsWith(suffix, StringComparison.Ordinal)))
        {
            if (segments.Length == 0 || !CacheServingKinds.Contains(segments[0]))
            {
                return null;
            }
            skip = 1;
        }
        else if (IsGoogleHost(host) && segments is ["amp", ..])
        {
            // Google's AMP viewer: https://www.google.com/amp/s/www.example.com/news/story
            skip = 1;
        }
        else
        {
            return null;
        }

        // "s" marks a publisher served over https; without it the publisher is plain http.
        var secure = segments.Length > skip && segments[skip] == "s";
        var rest = segments.Skip(skip + (secure ? 1 : 0)).ToArray();
        if (rest.Length == 0 || !rest[0].Contains('.'))
        {
            return null;
        }
        var trailingSlash = url.AbsolutePath.EndsWith('/') && rest.Length > 1 ? "/" : "";
        var inner = $"{(secure ? "https" : "http")}://{string.Join('/', rest)}{trailingSlash}{url.Query}";
        return Uri.TryCreate(inner, UriKind.Absolute, out var publisher) && UrlHost.IsReadable(publisher) ? publisher : null;
    }

    /// <summary><c>amp.example.com</c> serves what <c>www.example.com</c> does.</summary>
    public static string PublisherHost(string host) =>
        host.StartsWith("amp.", StringComparison.Ordinal) && host.Count(c => c == '.') >= 2 ? "www." + host[4..] : host;

    /// <summary>The path without an <c>amp</c> segment or an <c>.amp</c> extension: /news/story/amp/ is /news/story/.</summary>
    public static string PublisherPath(string path)
    {
        if (!path.Contains("amp", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }
        var segments = path.Split('/').ToList();
        // The first element is the empty text before the leading slash; keep it.
        for (var i = segments.Count - 1; i >= 1; i--)
        {
            if (segments[i].Equals("amp", StringComparison.OrdinalIgnoreCase))
            {
                segments.RemoveAt(i);
            }
        }
        var last = segments[^1];
        if (last.EndsWith(".amp", StringComparison.OrdinalIgnoreCase))
        {
            segments[^1] = last[..^4];
        }
        else if (last.EndsWith(".amp.html", StringComparison.OrdinalIgnoreCase))
        {
            segments[^1] = last[..^9] + ".html";
        }
        var result = string.Join('/', segments);
        return result.Length == 0 ? "/" : result;
    }

    /// <summary>True for a query parameter that selects or tracks the AMP rendering of the same page.</summary>
    public static bool IsAmpParameter(string name, string value) =>
        AmpParameters.Contains(name)
        || (RenderingParameters.Contains(name) && value.Equals("amp", StringComparison.OrdinalIgnoreCase));

    private static bool IsGoogleHost(string host) =>
        host.StartsWith("www.google.", StringComparison.Ordinal) || host.StartsWith("google.", StringComparison.Ordinal);
}
