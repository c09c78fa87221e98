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

    /// <summary>
    /// False for a URL whose host .NET parses but cannot give in ASCII: a label that starts "xn--"
    /// yet holds other characters ("xn--é") passes <see cref="Uri.TryCreate(string, UriKind, out Uri)"/>,
    /// and then <see cref="Uri.IdnHost"/> throws, as every use of the host would (canonical form,
    /// politeness, site identity). Such a link is no address to follow or store: callers turn it
    /// away where it comes in.
    /// </summary>
    public static bool IsReadable(Uri url)
    {
        try
        {
            _ = url.IdnHost;
            return true;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    /// <summary>True when the host is an IP address (v4 or v6), which has no registrable domain.</summary>
    public static bool IsAddress(Uri url) => url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
}
