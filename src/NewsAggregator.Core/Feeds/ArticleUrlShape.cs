using System.Text.RegularExpressions;

namespace NewsAggregator.Feeds;

/// <summary>How strongly a URL alone says "an article", and why.</summary>
internal enum ArticleEvidence
{
    /// <summary>Not an article: another site, an index, a tag page, a file, a feed ...</summary>
    None,
    /// <summary>Could be an article (a short slug below a section); enough only where the page shows stories.</summary>
    Weak,
    /// <summary>A date, a long slug, a numeric id or a .html page.</summary>
    Strong,
}

internal readonly record struct LinkVerdict(ArticleEvidence Evidence, string Reason);

/// <summary>Judges a same-page link by the shape of its URL, the way a person reading URLs would.</summary>
internal static partial class ArticleUrlShape
{
    // Path segments of pages that list or serve, never tell a story.
    private static readonly HashSet<string> NonArticleSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "tag", "tags", "category", "categories", "topic", "topics", "author", "authors", "section", "sections", "search",
        "login", "signin", "sign-in", "logout", "register", "signup", "sign-up", "account", "subscribe", "subscription",
        "subscriptions", "newsletter", "newsletters", "about", "about-us", "contact", "contact-us", "privacy",
        "privacy-policy", "terms", "terms-of-use", "terms-of-service", "cookies", "cookie-policy", "imprint", "impressum",
        "help", "faq", "jobs", "careers", "advertise", "user", "users", "profile", "cart", "shop", "wp-admin", "wp-login",
    };

    private static readonly HashSet<string> FeedSegments = new(StringComparer.OrdinalIgnoreCase) { "feed", "feeds", "rss", "atom" };

    private static readonly HashSet<string> FeedExtensions = new(StringComparer.OrdinalIgnoreCase) { ".xml", ".rss", ".atom", ".rdf" };

    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".ico", ".mp3", ".m4a", ".ogg", ".wav", ".mp4", ".webm",
        ".mov", ".avi", ".pdf", ".zip", ".gz", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".ics", ".vcf", ".css",
        ".js", ".json", ".exe", ".dmg", ".apk",
    };

    private static readonly HashSet<string> PageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm", ".shtml", ".php", ".asp", ".aspx", ".jsp", ".cfm" };

    private static readonly HashSet<string> PaginationKeys = new(StringComparer.OrdinalIgnoreCase) { "page", "paged", "pg", "start", "offset" };
    private static readonly HashSet<string> SearchKeys = new(StringComparer.OrdinalIgnoreCase) { "q", "s", "search", "query", "keyword", "keywords" };
    private static readonly HashSet<string> IdKeys = new(StringComparer.OrdinalIgnoreCase) { "id", "p", "story", "article", "articleid", "sid", "aid", "nid" };

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(@"^(?:19|20)\d{2}$")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?:19|20)\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])")]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"\d{5,}")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"[-_]")]
    private static partial Regex WordSeparator();

    public static LinkVerdict Judge(Uri link, Uri page)
    {
        if (SameDocument(link, page))
        {
            return new(ArticleEvidence.None, "the page itself");
        }
        if (!SiteIdentity.SameSite(page, link))
        {
            return new(ArticleEvidence.None, "another site");
        }

        var segments = link.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var query = QueryKeys(link);
        if (segments.Length == 0)
        {
            return query.Any(IdKeys.Contains) && HasNumericValue(link)
                ? new(ArticleEvidence.Strong, "numeric id in the query") // WordPress ?p=123
                : new(ArticleEvidence.None, "the site's front page");
        }

        var last = segments[^1];
        var extension = Path.GetExtension(last);
        if (FileExtensions.Contains(extension))
        {
            return new(ArticleEvidence.None, "a file, not a page");
        }
        if (FeedExtensions.Contains(extension) || segments.Any(FeedSegments.Contains))
        {
            return new(ArticleEvidence.None, "a feed");
        }
        // "about.html" is the about page as much as "about/" is
        if (segments.Select(Path.GetFileNameWithoutExtension).FirstOrDefault(s => NonArticleSegments.Contains(s!)) is { } listing)
        {
            return new(ArticleEvidence.None, $"a {listing.ToLowerInvariant()} page");
        }
        if (IsPagination(segments) || query.Any(PaginationKeys.Contains))
        {
            return new(ArticleEvidence.None, "pagination");
        }
        if (query.Any(SearchKeys.Contains))
        {
            return new(ArticleEvidence.None, "a search");
        }
        return Evidence(segments, last, extension, query, link);
    }

    private static LinkVerdict Evidence(string[] segments, string last, string extension, IReadOnlyList<string> query, Uri link)
    {
        if (HasDate(segments))
        {
            return new(ArticleEvidence.Strong, "date in the path");
        }
        if (segments.Any(s => LongNumber().IsMatch(s)))
        {
            return new(ArticleEvidence.Strong, "numeric id in the path");
        }
        var words = segments.Max(s => WordSeparator().Split(Path.GetFileNameWithoutExtension(s)).Count(w => w.Length > 0));
        if (words >= 4)
        {
            return new(ArticleEvidence.Strong, "slug");
        }
        var isIndex = Path.GetFileNameWithoutExtension(last) is "index" or "default" or "home" or "main";
        if (PageExtensions.Contains(extension) && !isIndex)
        {
            // One short word at the root (/sport.html) is a section index like /sport/.
            if (extension is ".html" or ".htm" or ".shtml" && (segments.Length >= 2 || words >= 2))
            {
                return new(ArticleEvidence.Strong, "a named .html page");
            }
            if (query.Any(IdKeys.Contains) && HasNumericValue(link))
            {
                return new(ArticleEvidence.Strong, "script with a numeric id");
            }
        }
        if (segments.Length >= 2 && !isIndex && words >= 2)
        {
            return new(ArticleEvidence.Weak, "short slug below a section");
        }
        return new(ArticleEvidence.None, segments.Length == 1 ? "a section index" : "no sign of an article");
    }

    public static bool SameDocument(Uri link, Uri page) =>
        string.Equals(WithoutWww(link.Host), WithoutWww(page.Host), StringComparison.OrdinalIgnoreCase)
        && link.AbsolutePath.TrimEnd('/') == page.AbsolutePath.TrimEnd('/')
        && link.Query == page.Query;

    private static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    // /2024/03/05/..., /2024/mar/05/..., /2024-03-05-slug, /20240305/
    private static bool HasDate(string[] segments)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            if (CompactDate().IsMatch(segments[i]))
            {
                return true;
            }
            if (Year().IsMatch(segments[i]) && i + 1 < segments.Length && IsMonth(segments[i + 1]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsMonth(string segment) =>
        int.TryParse(segment, out var month) ? month is >= 1 and <= 12 : MonthNames.Contains(segment.ToLowerInvariant());

    // /page/2, /page-2, /p/3
    private static bool IsPagination(string[] segments) =>
        segments.Select((s, i) => (s, i)).Any(x =>
            (x.s.Equals("page", StringComparison.OrdinalIgnoreCase) && x.i + 1 < segments.Length && segments[x.i + 1].All(char.IsAsciiDigit))
            || (x.s.StartsWith("page-", StringComparison.OrdinalIgnoreCase) && x.s[5..].Length > 0 && x.s[5..].All(char.IsAsciiDigit)));

    private static List<string> QueryKeys(Uri link) =>
        link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => Uri.UnescapeDataString(pair.Split('=')[0])).ToList();

    private static bool HasNumericValue(Uri link) =>
        link.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Any(pair => pair.Split('=') is [var key, var value] && IdKeys.Contains(key) && value.Length > 0 && value.All(char.IsAsciiDigit));
}
