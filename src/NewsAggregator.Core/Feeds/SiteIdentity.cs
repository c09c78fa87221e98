using System.Net;

namespace NewsAggregator.Feeds;

/// <summary>
/// Whether two hosts belong to one site: same registrable domain, so www.example.com,
/// example.com and news.example.com are one site, example.co.uk and other.co.uk are two.
/// </summary>
/// <remarks>
/// An approximation of the Public Suffix List that knows the common second-level registries
/// (co.uk, com.au, ne.jp ...); it errs towards "another site", which only costs a link.
/// </remarks>
internal static class SiteIdentity
{
    private static readonly HashSet<string> SecondLevelRegistries = new(StringComparer.OrdinalIgnoreCase)
    {
        "co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "gv", "nic", "mil", "ltd", "plc", "nom", "sch",
    };

    // Subdomains of a news site that are never its articles.
    private static readonly HashSet<string> ServiceSubdomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "shop", "store", "jobs", "careers", "login", "account", "accounts", "auth", "id", "sso", "subscribe", "subscription",
        "subscriptions", "help", "support", "ads", "advertising", "mail", "newsletter", "newsletters", "static", "cdn", "img", "images",
    };

    public static bool SameSite(Uri page, Uri link)
    {
        if (page.IsFile || link.IsFile)
        {
            return page.IsFile && link.IsFile;
        }
        var pageHost = page.IdnHost.TrimEnd('.');
        var linkHost = link.IdnHost.TrimEnd('.');
        if (string.Equals(pageHost, linkHost, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (IPAddress.TryParse(pageHost, out _) || IPAddress.TryParse(linkHost, out _))
        {
            return false;
        }
        var domain = RegistrableDomain(pageHost);
        if (!string.Equals(domain, RegistrableDomain(linkHost), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var subdomain = linkHost.Length > domain.Length ? linkHost[..(linkHost.Length - domain.Length - 1)] : "";
        return !ServiceSubdomains.Contains(subdomain.Split('.')[0]);
    }

    public static string RegistrableDomain(string host)
    {
        var labels = host.Split('.');
        if (labels.Length <= 2)
        {
            return host;
        }
        var keep = labels[^1].Length == 2 && SecondLevelRegistries.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^keep..]);
    }
}
