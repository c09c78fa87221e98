using NewsAggregator.Feeds;
using NewsAggregator.Urls;

namespace NewsAggregator.Dedup;

/// <summary>
/// The site a story was published on, as the same-site rule of <see cref="NearDuplicateRule"/>
/// sees it: the registrable domain (www.example.com and news.example.com are example.com),
/// plus the port when it is not the scheme's default, since two servers on one machine are
/// two publishers. An IP address is its own site; all local files are one.
/// </summary>
public static class StorySite
{
    public static string Of(string url)
    {
        if (!CanonicalUrl.TryParseAbsolute(url, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return parsed?.Scheme ?? "";
        }
        var host = UrlHost.Of(parsed).TrimEnd('.');
        var domain = UrlHost.IsAddress(parsed) ? host : SiteIdentity.RegistrableDomain(host);
        return parsed.IsDefaultPort ? domain : $"{domain}:{parsed.Port}";
    }
}
