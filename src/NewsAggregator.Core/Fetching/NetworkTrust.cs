using System.Net;

namespace NewsAggregator.Fetching;

/// <summary>
/// Which addresses a request may connect to. A URL a user wrote in sources.json goes wherever
/// DNS says; a link found inside a source (a feed entry, a section page, a redirect) may reach a
/// loopback, private or link-local address only when the source itself is on one, or when it is
/// on the very host the user named. Everything else is checked after DNS resolution, at connect
/// time, so a name that rebinds to 127.0.0.1 between two requests does not get through.
/// </summary>
public sealed record NetworkTrust
{
    private NetworkTrust(string? trustedHost) => TrustedHost = trustedHost;

    /// <summary>Any address: for URLs the user wrote, and for links of a source on the local network.</summary>
    public static NetworkTrust Anywhere { get; } = new((string?)null);

    /// <summary>The host the user named, trusted wherever it resolves; null for <see cref="Anywhere"/>.</summary>
    public string? TrustedHost { get; }

    public bool IsAnywhere => TrustedHost is null;

    /// <summary>Public addresses only, except for <paramref name="sourceHost"/> (the source's own host).</summary>
    public static NetworkTrust PublicExcept(string sourceHost) => new(sourceHost.ToLowerInvariant());

    /// <summary>
    /// The trust for links found inside a source at <paramref name="sourceUrl"/>: anywhere when
    /// the source is on the local network by its address or name (<c>localhost</c>, a private IP),
    /// public addresses only otherwise. A <c>file:</c> source counts as public: its contents
    /// came from somewhere else.
    /// </summary>
    public static NetworkTrust ForLinksOf(Uri sourceUrl)
    {
        if (sourceUrl.Scheme is "http" or "https" && IsLocalName(sourceUrl.IdnHost))
        {
            return Anywhere;
        }
        return sourceUrl.Scheme is "http" or "https" ? PublicExcept(sourceUrl.IdnHost) : PublicExcept("");
    }

    /// <summary>True when a request to <paramref name="host"/> need not be checked against the address policy.</summary>
    public bool Trusts(string host) => TrustedHost is null || string.Equals(host, TrustedHost, StringComparison.OrdinalIgnoreCase);

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
