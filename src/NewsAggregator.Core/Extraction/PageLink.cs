using NewsAggregator.Urls;

namespace NewsAggregator.Extraction;

/// <summary>Addresses written in a page (links, images, canonical URLs) made absolute, and only those safe to hand on.</summary>
internal static class PageLink
{
    /// <summary>
    /// <paramref name="value"/> resolved against the page: an absolute http(s) URL, or with
    /// <paramref name="allowMail"/> a <c>mailto:</c> one; null for anything else
    /// (<c>javascript:</c>, <c>data:</c>, relative without a page URL, unparsable).
    /// </summary>
    public static string? Absolute(string? value, Uri? pageUrl, bool allowMail = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        value = value.Trim();
        Uri? url;
        if (pageUrl is not null)
        {
            if (!Uri.TryCreate(pageUrl, value, out url))
            {
                return null;
            }
        }
        // On Unix a bare "/path" parses as an absolute file URI: without a page URL it is no address.
        else if (!Uri.TryCreate(value, UriKind.Absolute, out url) ||
                 (!value.Contains("://", StringComparison.Ordinal) && !value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return url.Scheme switch
        {
            "http" or "https" when UrlHost.IsReadable(url) => url.AbsoluteUri,
            "mailto" when allowMail => url.AbsoluteUri,
            _ => null,
        };
    }
}
