using System.Security.Cryptography;
using System.Text;

namespace NewsAggregator.Sources;

/// <summary>
/// The id an imported feed gets: its host, then the first 8 hex digits of the SHA-256 of its
/// canonical URL ("feeds.bbci.co.uk-1f0c27d4"). It depends on nothing but the URL, so the same
/// feed gets the same id on every run and machine (the database refers to sources by id), and
/// the host keeps it readable.
/// </summary>
public static class FeedSourceId
{
    // Room for the hash and the dash within the 100 characters an id may have.
    private const int MaxHostLength = 80;

    /// <param name="canonicalFeedUrl">The feed's URL as <see cref="Dedup.CanonicalUrl.Normalize(Uri)"/> gives it.</param>
    public static string For(Uri feedUrl, string canonicalFeedUrl)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalFeedUrl)).AsSpan(0, 4));
        var host = new StringBuilder();
        foreach (var c in Urls.UrlHost.Of(feedUrl))
        {
            // Ids allow letters, digits, '.', '-' and '_'; an IPv6 literal's brackets and colons are not among them.
            host.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }
        var readable = host.ToString().Trim('-', '.');
        if (readable.Length > MaxHostLength)
        {
            readable = readable[..MaxHostLength].TrimEnd('-', '.');
        }
        return readable.Length == 0 ? "feed-" + hash : readable + "-" + hash;
    }
}
