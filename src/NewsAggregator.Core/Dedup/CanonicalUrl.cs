using System.Text;
using NewsAggregator.Urls;

namespace NewsAggregator.Dedup;

/// <summary>
/// The form of an article URL used as its identity: the same story reached through
/// tracking links, mixed-case hosts, default ports or fragments maps to one string.
/// </summary>
public static class CanonicalUrl
{
    // Parameters that only say how a reader arrived, never which page they get.
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "twclid", "ttclid", "li_fat_id",
        "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp",
        "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "rb_clickid",
        "s_cid", "cmpid", "ncid", "ocid", "ref_src", "ref_url", "wt.mc_id", "wt_mc_id", "ns_mchannel",
        "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "sr_share", "smid", "mbid", "at_medium",
        "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "taid",
        "soc_src", "soc_trk", "spm", "xtor", "guccounter", "guce_referrer", "guce_referrer_sig",
    };

    private static readonly string[] TrackingPrefixes = ["utm_", "pk_", "piwik_", "mtm_", "matomo_", "hsa_", "itm_"];

    /// <summary>The canonical form of <paramref name="url"/>; non-http(s) URLs only lose their fragment.</summary>
    public static string Normalize(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("A canonical URL needs an absolute URL.", nameof(url));
        }
        if (url.Scheme is not ("http" or "https"))
        {
            // Escapes written one way (see below), in the path and query only: another scheme's host may stay in Unicode,
            // which escaped would no longer parse.
            return url.GetComponents(UriComponents.SchemeAndServer | UriComponents.UserInfo, UriFormat.UriEscaped)
                + PercentEscapes.Normalize(url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped));
        }
        if (AmpForms.Unwrap(url) is { } publisherUrl)
        {
            return Normalize(publisherUrl);
        }

        var builder = new StringBuilder(url.OriginalString.Length);
        builder.Append(url.Scheme).Append("://");
        builder.Append(AmpForms.PublisherHost(UrlHost.Of(url).TrimEnd('.')));
        if (!url.IsDefaultPort)
        {
            builder.Append(':').Append(url.Port);
        }

        // Escapes written one way by us, not left to Uri: it decodes %4a to J and writes %c3 as %C3
        // only in a URL that needs no escaping of its own, so a stray % beside them (a?q=%%4a, which
        // it writes %25%4a) kept an escape that the next normalisation decoded.
        var path = AmpForms.PublisherPath(PercentEscapes.Normalize(url.AbsolutePath));
        builder.Append(string.IsNullOrEmpty(path) ? "/" : path);

        var query = CleanQuery(PercentEscapes.Normalize(url.Query));
        if (query.Length > 0)
        {
            builder.Append('?').Append(query);
        }
        return builder.ToString();
    }

    public static string Normalize(string url) =>
        Normalize(TryParseAbsolute(url, out var parsed)
            ? parsed
            : throw new ArgumentException($"\"{url}\" is not an absolute URL.", nameof(url)));

    /// <summary>
    /// Parses a URL that names its scheme. On Unix, <see cref="Uri"/> takes "/news/story" for
    /// file:///news/story; a link or setting written that way is relative, not a file.
    /// </summary>
    public static bool TryParseAbsolute(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url)
    {
        url = null;
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(trimmed[0]) || !trimmed[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            return false;
        }
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out url) || !UrlHost.IsReadable(url))
        {
            url = null;
            return false;
        }
        return true;
    }

    /// <summary>True for parameters that identify a campaign or click rather than content.</summary>
    public static bool IsTrackingParameter(string name) =>
        TrackingParameters.Contains(name)
        || TrackingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string CleanQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }
        var kept = new List<(string Name, string Pair)>();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            if (!IsTrackingParameter(name) && !AmpForms.IsAmpParameter(name, equals < 0 ? "" : pair[(equals + 1)..]))
            {
                kept.Add((name, pair));
            }
        }
        // Order carries no meaning for the servers we meet; sorting makes ?a=1&b=2 and ?b=2&a=1 one URL.
        kept.Sort((x, y) =>
        {
            var byName = string.CompareOrdinal(x.Name, y.Name);
            return byName != 0 ? byName : string.CompareOrdinal(x.Pair, y.Pair);
        });
        return string.Join('&', kept.Select(k => k.Pair));
    }
}
