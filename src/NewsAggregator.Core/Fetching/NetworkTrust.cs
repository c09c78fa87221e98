using System.Net;

namespace NewsAggregator.Fetching;

/// <summary>
/// Which addresses a request may connect to. A URL a user wrote in sources.json goes wherever
/// DNS says; a link found inside a source (a feed entry, a section page, a redirect) may reach a
/// loopback, private or link-local address only when the source itself is on one, or when it is
/// on the very origin the user named: same scheme, host and port (<see cref="WebOrigin"/>).
/// Another port of that host is checked like any other link: a public-looking name that resolves
/// to an internal machine must not open that machine's other services to a feed's links.
/// Everything else is checked after DNS resolution, at connect time, so a name that rebinds to
/// 127.0.0.1 between two requests does not get through.
/// </summary>
public sealed record NetworkTrust
{
    private NetworkTrust(bool isAnywhere, WebOrigin? trustedOrigin)
    {
        IsAnywhere = isAnywhere;
        TrustedOrigin = trustedOrigin;
    }

    /// <summary>Any address: for URLs the user wrote, and for links of a source on the local network.</summary>
    public static NetworkTrust Anywhere { get; } = new(isAnywhere: true, trustedOrigin: null);

    /// <summary>Public addresses only, without exception: for links of a <c>file:</c> source, whose contents came from somewhere else.</summary>
    public static NetworkTrust PublicOnly { get; } = new(isAnywhere: false, trustedOrigin: null);

    public bool IsAnywhere { get; }

    /// <summary>The origin the user named, trusted wherever it resolves; null for <see cref="Anywhere"/> and <see cref="PublicOnly"/>.</summary>
    public WebOrigin? TrustedOrigin { get; }

    /// <summary>Public addresses only, except for the origin of <paramref name="sourceUrl"/> (an http or https URL).</summary>
    public static NetworkTrust PublicExcept(Uri sourceUrl) => new(isAnywhere: false, WebOrigin.Of(sourceUrl));

    /// <summary>
    /// The trust for links found inside a source at <paramref name="sourceUrl"/>: anywhere when
    /// the source is on the local network by its address or name (<c>localhost</c>, a private IP),
    /// public addresses only otherwise, save for the source's own origin. A <c>file:</c> source
    /// counts as public: its contents came from somewhere else.
    /// </summary>
    public static NetworkTrust ForLinksOf(Uri sourceUrl)
    {
        if (sourceUrl.Scheme is not ("http" or "https"))
        {
            return PublicOnly;
        }
        return IsLocalName(sourceUrl.IdnHost) ? Anywhere : PublicExcept(sourceUrl);
    }

    /// <summary>True when a request to <paramref name="url"/> need not be checked against the address policy.</summary>
    public bool Trusts(Uri url) => IsAnywhere || (TrustedOrigin?.Contains(url) ?? false);

    /// <summary>
    /// What to add to a refusal of <paramref name="url"/>: when it is on the trusted origin's host
    /// but not on that origin, say so, since "the source's own host" is what one would expect to pass.
    /// </summary>
    public string RefusalNote(Uri url)
    {
        if (TrustedOrigin is not { } origin || !url.IsAbsoluteUri || url.Scheme is not ("http" or "https")
            || !string.Equals(WebOrigin.Of(url).Host, origin.Host, StringComparison.Ordinal))
        {
            return "";
        }
        return $"; only the source's own origin {origin} is exempt, not another port or scheme of its host";
    }

    private static bool IsLocalName(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(host, out var address) && NetworkAddressPolicy.Classify(address) is not null;
    }
}
