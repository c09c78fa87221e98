using NewsAggregator.Urls;

namespace NewsAggregator.Fetching;

/// <summary>
/// Where a URL leads, as far as trust goes: scheme, host and port (an origin, RFC 6454). The port
/// is always explicit, so <c>http://a/</c> and <c>http://a:80/</c> are one origin, while
/// <c>http://a:8080/</c> and <c>https://a/</c> are others: another port of a host is another
/// server, which may be an internal one.
/// </summary>
public sealed record WebOrigin
{
    private WebOrigin(string scheme, string host, int port)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
    }

    /// <summary>http or https, lower case.</summary>
    public string Scheme { get; }

    /// <summary>As written in a URL (see <see cref="UrlHost"/>): punycode, lower case, IPv6 in brackets.</summary>
    public string Host { get; }

    public int Port { get; }

    /// <summary>The origin of an absolute http or https URL.</summary>
    public static WebOrigin Of(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"\"{url}\" is not an absolute http or https URL, which is what has an origin.", nameof(url));
        }
        return new WebOrigin(url.Scheme, UrlHost.Of(url), url.Port);
    }

    /// <summary>True when <paramref name="url"/> is an http or https URL of this origin.</summary>
    public bool Contains(Uri url) =>
        url.IsAbsoluteUri && url.Scheme is ("http" or "https") && Of(url) == this;

    /// <summary>With the port always written, since the port is what tells two origins of one host apart.</summary>
    public override string ToString() => $"{Scheme}://{Host}:{Port}";
}
