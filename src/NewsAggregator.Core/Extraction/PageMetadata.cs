using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// What a page says about itself, read before the body is cleaned: JSON-LD first where it is
/// the publisher's deliberate statement, then OpenGraph and other &lt;meta&gt;, then the markup.
/// </summary>
internal sealed partial record PageMetadata
{
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Language { get; init; }
    public string? SiteName { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? ImageUrl { get; init; }
    public string? Description { get; init; }
    /// <summary>The JSON-LD articleBody, kept to check the text found in the markup against.</summary>
    public string? StructuredBody { get; init; }

    [GeneratedRegex(@"^\s*(?:by|von|par|por|di|door|av|przez|автор:?)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    public static PageMetadata Read(IHtmlDocument document, Uri? pageUrl)
    {
        var meta = MetaTags.Of(document);
        var structured = StructuredArticle.FromScripts(
            document.QuerySelectorAll("script[type='application/ld+json' i]").Select(s => s.TextContent));
        var siteName = Headline.Fold(meta.First("og:site_name", "application-name", "twitter:site:name") ?? structured?.Publisher);
        var heading = Headline.Fold(document.QuerySelector("h1")?.TextContent);
        var rawTitle = meta.First("og:title", "twitter:title") ?? structured?.Headline ?? heading ?? document.Title;

        return new PageMetadata
        {
            Title = Headline.Clean(rawTitle, siteName, heading),
            Byline = ReadByline(document, meta, structured),
            PublishedAt = ReadPublished(document, meta, structured, pageUrl),
            Language = LanguageTag.Normalize(document.DocumentElement?.GetAttribute("lang"))
                       ?? LanguageTag.Normalize(document.DocumentElement?.GetAttribute("xml:lang"))
                       ?? LanguageTag.Normalize(meta.First("content-language", "dc.language", "language"))
                       ?? LanguageTag.Normalize(meta.First("og:locale"))
                       ?? LanguageTag.Normalize(structured?.Language),
            SiteName = siteName,
            CanonicalUrl = AbsoluteUrl(document.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href") ?? meta.First("og:url"), pageUrl),
            ImageUrl = AbsoluteUrl(meta.First("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src") ?? structured?.Image, pageUrl),
            Description = Headline.Fold(meta.First("og:description", "description", "twitter:description") ?? structured?.Description),
            StructuredBody = structured?.ArticleBody,
        };
    }

    private static string? ReadByline(IHtmlDocument document, MetaTags meta, StructuredArticle? structured)
    {
        var candidates = new[]
        {
            structured?.Author,
            meta.First("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator"),
            document.QuerySelector("[itemprop~='author' i] [itemprop~='name' i]")?.TextContent,
            document.QuerySelector("[itemprop~='author' i], a[rel~='author' i]")?.TextContent,
            document.QuerySelector("[class*='byline' i], [class*='author-name' i]")?.TextContent,
        };
        foreach (var candidate in candidates)
        {
            var byline = CleanByline(candidate);
            if (byline is not null)
            {
                return byline;
            }
        }
        return null;
    }

    /// <summary>"By Jane Doe" to "Jane Doe"; profile URLs and over-long text are not bylines.</summary>
    internal static string? CleanByline(string? text)
    {
        var folded = Headline.Fold(text);
        if (string.IsNullOrEmpty(folded) || folded.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        folded = BylinePrefix().Replace(folded, "").Trim(' ', '|', ',', '-', '–', '—', ':');
        return folded.Length is > 0 and <= 120 ? folded : null;
    }

    private static DateTimeOffset? ReadPublished(IHtmlDocument document, MetaTags meta, StructuredArticle? structured, Uri? pageUrl)
    {
        var itemprop = document.QuerySelector("[itemprop~='datePublished' i]");
        var time = document.QuerySelector("time[pubdate]") ?? document.QuerySelector("time[datetime]");
        var candidates = new[]
        {
            structured?.DatePublished,
            meta.First("article:published_time", "og:published_time", "published_time", "datepublished", "pubdate",
                "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "date"),
            itemprop?.GetAttribute("content") ?? itemprop?.GetAttribute("datetime"),
            time?.GetAttribute("datetime"),
        };
        foreach (var candidate in candidates)
        {
            if (PublicationDate.Parse(candidate) is { } date)
            {
                return date;
            }
        }
        return PublicationDate.FromUrl(pageUrl);
    }

    private static string? AbsoluteUrl(string? value, Uri? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        value = value.Trim();
        // On Unix a bare "/path" parses as an absolute file URI, so resolve against the page first.
        var resolved = pageUrl is not null
            ? Uri.TryCreate(pageUrl, value, out var url)
            : Uri.TryCreate(value, UriKind.Absolute, out url) && value.Contains("://", StringComparison.Ordinal);
        if (!resolved || url is null)
        {
            return null;
        }
        return url.Scheme is "http" or "https" ? url.AbsoluteUri : null;
    }
}

/// <summary>The page's &lt;meta&gt; values by name, property, itemprop or http-equiv, lower-cased; the first of each wins.</summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static MetaTags Of(IDocument document)
    {
        var tags = new MetaTags();
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }
            foreach (var key in (ReadOnlySpan<string?>)[meta.GetAttribute("property"), meta.GetAttribute("name"), meta.GetAttribute("itemprop"), meta.GetAttribute("http-equiv")])
            {
                if (!string.IsNullOrWhiteSpace(key))
                {
                    tags._values.TryAdd(key.Trim(), content.Trim());
                }
            }
        }
        return tags;
    }

    public string? First(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (_values.TryGetValue(key, out var value))
            {
                return value;
            }
        }
        return null;
    }
}
