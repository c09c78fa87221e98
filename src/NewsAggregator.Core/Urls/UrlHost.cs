namespace NewsAggregator.Urls;

/// <summary>
/// A URL's host as it is written back into a URL: ASCII (punycode), lower case, and an IPv6
/// literal inside its brackets. <see cref="Uri.IdnHost"/> drops the brackets, and without them
/// <c>::1:9001</c> reads as an address and a port or as one longer address alike.
/// </summary>
public static class UrlHost
{
    public static string Of(Uri url)
    {
        var host = url.IdnHost.ToLowerInvariant();
        return url.HostNameType == UriHostNameType.IPv6 ? $"[{host}]" : host;
    }

    /// <summary>True when the host is an IP address (v4 or v6), which has no registrable domain.</summary>
    public static bool IsAddress(Uri url) => url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
}
