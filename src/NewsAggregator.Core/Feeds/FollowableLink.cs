using NewsAggregator.Urls;

namespace NewsAggregator.Feeds;

/// <summary>Which links found in a feed or page we would fetch.</summary>
internal static class FollowableLink
{
    /// <summary>
    /// http(s) with a host, from anywhere; file: only from a file: source, since from the web
    /// it would make us read this machine's files. mailto:, javascript:, data: never; nor a host
    /// .NET cannot read (<see cref="UrlHost.IsReadable"/>).
    /// </summary>
    public static bool From(Uri source, Uri link) => link.Scheme switch
    {
        "http" or "https" => !string.IsNullOrEmpty(link.Host) && UrlHost.IsReadable(link),
        "file" => source.IsFile && UrlHost.IsReadable(link),
        _ => false,
    };

    /// <summary>The link without its #fragment, which names a place in the same page.</summary>
    public static Uri WithoutFragment(Uri link) =>
        string.IsNullOrEmpty(link.Fragment) ? link : new Uri(link.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped));
}
