using System.Collections.Frozen;
using WordLookup = System.Collections.Frozen.FrozenSet<string>.AlternateLookup<System.ReadOnlySpan<char>>;
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
    private static readonly WordLookup NonArticleSegments = Words(
        "tag", "tags", "category", "categories", "topic", "topics", "author", "authors", "section", "sections", "search",
        "login", "signin", "sign-in", "logout", "register", "signup", "sign-up", "account", "subscribe", "subscription",
        "subscriptions", "newsletter", "newsletters", "about", "about-us", "contact", "contact-us", "privacy",
        "privacy-policy", "terms", "terms-of-use", "terms-of-service", "cookies", "cookie-policy", "imprint", "impressum",
        "help", "faq", "jobs", "careers", "advertise", "user", "users", "profile", "cart", "shop", "wp-admin", "wp-login");

    private static readonly WordLookup FeedSegments = Words("feed", "feeds", "rss", "atom");

    private static readonly WordLookup FeedExtensions = Words(".xml", ".rss", ".atom", ".rdf");

    private static readonly WordLookup FileExtensions = Words(
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".ico", ".mp3", ".m4a", ".ogg", ".wav", ".mp4", ".webm",
        ".mov", ".avi", ".pdf", ".zip", ".gz", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".ics", ".vcf", ".css",
        ".js", ".json", ".exe", ".dmg", ".apk");

    private static readonly WordLookup PageExtensions = Words(".html", ".htm", ".shtml", ".php", ".asp", ".aspx", ".jsp", ".cfm");

    private static readonly WordLookup PaginationKeys = Words("page", "paged", "pg", "start", "offset");
    private static readonly WordLookup SearchKeys = Words("q", "s", "search", "query", "keyword", "keywords");
    private static readonly WordLookup IdKeys = Words("id", "p", "story", "article", "articleid", "sid", "aid", "nid");

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(@"^(?:19|20)\d{2}$")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?:19|20)\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])")]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"\d{5,}")]
    private static partial Regex LongNumber();

    // Judged for every link of a section page and every page's declared canonical URL: the URL's
    // parts are read as spans of it, with no LINQ, splitting or strings beyond its segments.
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
        return ByShape(link);
    }

    /// <summary>
    /// <see cref="Judge"/> for <paramref name="link"/> as found on its own site's front page, the
    /// way a page's declared canonical URL is judged, without making the front page's URL.
    /// </summary>
    public static LinkVerdict JudgeOnItsSite(Uri link) =>
        link.AbsolutePath.AsSpan().TrimEnd('/').IsEmpty && link.Query.Length == 0
            ? new(ArticleEvidence.None, "the page itself")
            : ByShape(link);

    private static LinkVerdict ByShape(Uri link)
    {
        var segments = Segments(link.AbsolutePath);
        var query = link.Query;
        var keys = KeysIn(query);
        if (segments.Length == 0)
        {
            return keys.HasFlag(QueryKeys.Id) && HasNumericValue(query)
                ? new(ArticleEvidence.Strong, "numeric id in the query") // WordPress ?p=123
                : new(ArticleEvidence.None, "the site's front page");
        }

        var last = segments[^1];
        var extension = Path.GetExtension(last.AsSpan());
        if (FileExtensions.Contains(extension))
        {
            return new(ArticleEvidence.None, "a file, not a page");
        }
        if (FeedExtensions.Contains(extension) || AnyIn(segments, FeedSegments))
        {
            return new(ArticleEvidence.None, "a feed");
        }
        // "about.html" is the about page as much as "about/" is
        foreach (var segment in segments)
        {
            var name = Path.GetFileNameWithoutExtension(segment.AsSpan());
            if (NonArticleSegments.Contains(name))
            {
                return new(ArticleEvidence.None, $"a {name.ToString().ToLowerInvariant()} page");
            }
        }
        if (IsPagination(segments) || keys.HasFlag(QueryKeys.Pagination))
        {
            return new(ArticleEvidence.None, "pagination");
        }
        if (keys.HasFlag(QueryKeys.Search))
        {
            return new(ArticleEvidence.None, "a search");
        }
        return Evidence(segments, last, extension, query, keys);
    }

    private static LinkVerdict Evidence(string[] segments, string last, ReadOnlySpan<char> extension, string query, QueryKeys keys)
    {
        if (HasDate(segments))
        {
            return new(ArticleEvidence.Strong, "date in the path");
        }
        var words = 0;
        foreach (var segment in segments)
        {
            if (LongNumber().IsMatch(segment))
            {
                return new(ArticleEvidence.Strong, "numeric id in the path");
            }
            words = Math.Max(words, WordCount(Path.GetFileNameWithoutExtension(segment.AsSpan())));
        }
        if (words >= 4)
        {
            return new(ArticleEvidence.Strong, "slug");
        }
        var isIndex = Path.GetFileNameWithoutExtension(last.AsSpan()) is "index" or "default" or "home" or "main";
        if (PageExtensions.Contains(extension) && !isIndex)
        {
            // One short word at the root (/sport.html) is a section index like /sport/.
            if (extension is ".html" or ".htm" or ".shtml" && (segments.Length >= 2 || words >= 2))
            {
                return new(ArticleEvidence.Strong, "a named .html page");
            }
            if (keys.HasFlag(QueryKeys.Id) && HasNumericValue(query))
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
        WithoutWww(link.Host).Equals(WithoutWww(page.Host), StringComparison.OrdinalIgnoreCase)
        && link.AbsolutePath.AsSpan().TrimEnd('/').SequenceEqual(page.AbsolutePath.AsSpan().TrimEnd('/'))
        && link.Query == page.Query;

    private static ReadOnlySpan<char> WithoutWww(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host.AsSpan(4) : host;

    /// <summary>The path's segments, each unescaped ("%2F" inside one stays inside it).</summary>
    private static string[] Segments(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Contains('%'))
            {
                segments[i] = Uri.UnescapeDataString(segments[i]);
            }
        }
        return segments;
    }

    /// <summary>Runs of characters between hyphens and underscores: the words of a slug.</summary>
    private static int WordCount(ReadOnlySpan<char> name)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in name)
        {
            var separates = c is '-' or '_';
            words += !separates && !inWord ? 1 : 0;
            inWord = !separates;
        }
        return words;
    }

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

    private static bool IsMonth(string segment)
    {
        if (int.TryParse(segment, out var month))
        {
            return month is >= 1 and <= 12;
        }
        // Lower-cased as the names are written (a lower-cased month name is three characters too).
        if (segment.Length != 3)
        {
            return false;
        }
        Span<char> lower = stackalloc char[3];
        segment.AsSpan().ToLowerInvariant(lower);
        foreach (var name in MonthNames)
        {
            if (lower.SequenceEqual(name))
            {
                return true;
            }
        }
        return false;
    }

    // /page/2, /page-2, /p/3
    private static bool IsPagination(string[] segments)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i].AsSpan();
            if ((segment.Equals("page", StringComparison.OrdinalIgnoreCase) && i + 1 < segments.Length && AllDigits(segments[i + 1]))
                || (segment.StartsWith("page-", StringComparison.OrdinalIgnoreCase) && segment.Length > 5 && AllDigits(segment[5..])))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>The kinds of key a query holds (a key is the part of a pair before its first "=", unescaped).</summary>
    [Flags]
    private enum QueryKeys
    {
        None = 0,
        Id = 1,
        Pagination = 2,
        Search = 4,
    }

    private static QueryKeys KeysIn(string query)
    {
        var kinds = QueryKeys.None;
        var pairs = query.AsSpan().TrimStart('?');
        foreach (var range in pairs.Split('&'))
        {
            var pair = pairs[range];
            if (pair.IsEmpty)
            {
                continue;
            }
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            var unescaped = key.Contains('%') ? Uri.UnescapeDataString(key) : null;
            kinds |= (Holds(IdKeys, key, unescaped) ? QueryKeys.Id : 0)
                | (Holds(PaginationKeys, key, unescaped) ? QueryKeys.Pagination : 0)
                | (Holds(SearchKeys, key, unescaped) ? QueryKeys.Search : 0);
        }
        return kinds;
    }

    private static bool Holds(WordLookup keys, ReadOnlySpan<char> key, string? unescaped) =>
        keys.Contains(unescaped is not null ? unescaped.AsSpan() : key);

    private static bool AnyIn(string[] segments, WordLookup words)
    {
        foreach (var segment in segments)
        {
            if (words.Contains(segment))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Some pair of the query is an id key (as written) with a value of digits alone.</summary>
    private static bool HasNumericValue(string query)
    {
        var pairs = query.AsSpan().TrimStart('?');
        foreach (var range in pairs.Split('&'))
        {
            var pair = pairs[range];
            var equals = pair.IndexOf('=');
            // One "=" exactly: a key and its value.
            if (equals < 0 || pair[(equals + 1)..].Contains('='))
            {
                continue;
            }
            var value = pair[(equals + 1)..];
            if (IdKeys.Contains(pair[..equals]) && !value.IsEmpty && AllDigits(value))
            {
                return true;
            }
        }
        return false;
    }

    // Looked up by span, as PageLimits does its tag names: segments, extensions and query keys are parts of the URL's strings.
    private static WordLookup Words(params string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
