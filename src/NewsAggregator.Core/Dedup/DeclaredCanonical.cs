using NewsAggregator.Feeds;

namespace NewsAggregator.Dedup;

/// <summary>
/// What a page says its own URL is (<c>&lt;link rel="canonical"&gt;</c> or <c>og:url</c>), taken
/// only where it can be believed. Sites get it wrong in the same few ways: a relative or
/// protocol-less value, every page pointing at the home page or its section, a template that
/// names another article. The first two are refused here by shape; the last one is caught
/// when the stored story at that URL is compared with this page's text (it must agree, see
/// <see cref="NearDuplicateRule.CompareTexts"/>).
/// </summary>
public static class DeclaredCanonical
{
    /// <summary>The canonical form of <paramref name="declared"/>, or null when it is not a plausible article URL.</summary>
    public static string? Accept(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared)
            || !CanonicalUrl.TryParseAbsolute(declared, out var url)
            || url.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(url.Host))
        {
            return null;
        }
        // Judged as a link found on the site's own front page: home, section, tag and listing pages say "no article".
        var verdict = ArticleUrlShape.JudgeOnItsSite(url);
        return verdict.Evidence == ArticleEvidence.None ? null : CanonicalUrl.Normalize(url);
    }
}
