using System.Text.Json;

namespace NewsAggregator.Extraction;

/// <summary>
/// The article a page describes in its JSON-LD (schema.org Article and its kinds).
/// Publishers fill it for search engines, so it is often the cleanest metadata on the page,
/// but its articleBody is frequently cut short or stripped of paragraph breaks.
/// </summary>
internal sealed record StructuredArticle
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle", "ScholarlyArticle", "Report", "LiveBlogPosting",
        "SocialMediaPosting", "Posting", "Review", "CreativeWork",
    };

    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public string? Headline { get; init; }
    public string? Author { get; init; }
    public string? DatePublished { get; init; }
    public string? ArticleBody { get; init; }
    public string? Image { get; init; }
    public string? Publisher { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }

    /// <summary>
    /// The CSS selectors of the article's parts behind its paywall, as Google asks publishers to
    /// mark them (<c>"hasPart": {"@type": "WebPageElement", "isAccessibleForFree": false,
    /// "cssSelector": ".paywall"}</c>): text the page holds and hides from readers who do not
    /// subscribe, which is the story's all the same.
    /// </summary>
    public IReadOnlyList<string> PaywalledParts { get; init; } = [];

    /// <summary>The first Article-like object among the page's JSON-LD scripts; null when there is none or none parses.</summary>
    public static StructuredArticle? FromScripts(IEnumerable<string> scripts) => FirstOf(scripts, IsArticle, Read);

    /// <summary>
    /// The first question of the page's FAQPage, whitespace folded: where the questions and answers
    /// that sites add under a story for search engines begin, in whatever language they are
    /// written. Null when the page marks up no FAQ. Only a script that names the type is parsed.
    /// </summary>
    public static string? FirstFaqQuestion(IEnumerable<string> scripts) =>
        FirstOf(scripts.Where(script => script.Contains("FAQPage", StringComparison.OrdinalIgnoreCase)), node => IsType(node, FaqTypes), FirstQuestion);

    private static readonly HashSet<string> FaqTypes = new(StringComparer.OrdinalIgnoreCase) { "FAQPage" };

    private static string? FirstQuestion(JsonElement faq)
    {
        if (!faq.TryGetProperty("mainEntity", out var questions))
        {
            return null;
        }
        var first = questions.ValueKind == JsonValueKind.Array ? questions.EnumerateArray().FirstOrDefault() : questions;
        return first.ValueKind == JsonValueKind.Object && Text(first, "name") is { } name ? NewsAggregator.Extraction.Headline.Fold(name) : null;
    }

    /// <summary>What <paramref name="read"/> makes of the first object <paramref name="wanted"/> picks among the scripts, or null.</summary>
    private static T? FirstOf<T>(IEnumerable<string> scripts, Func<JsonElement, bool> wanted, Func<JsonElement, T?> read) where T : class
    {
        foreach (var script in scripts)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(script.Trim().TrimEnd(';'), Lenient);
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // Not JSON, or (ArgumentException) a string holding half a surrogate pair, which the
                // page parser repairs but a direct caller may pass.
                continue;
            }
            using (document)
            {
                try
                {
                    if (Find(document.RootElement, wanted, 0) is { } found && read(found) is { } result)
                    {
                        return result;
                    }
                }
                catch (InvalidOperationException)
                {
                    // A property name escaping half a surrogate pair ("\ud800"), which JSON allows and
                    // .NET cannot turn into a string: the script says nothing we can read. (Values are
                    // read through StringOf, which gives up on the one value alone.)
                    continue;
                }
            }
        }
        return null;
    }

    private static JsonElement? Find(JsonElement node, Func<JsonElement, bool> wanted, int depth)
    {
        if (depth > 8)
        {
            return null;
        }
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    if (Find(item, wanted, depth + 1) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Object:
                if (wanted(node))
                {
                    return node;
                }
                foreach (var key in (ReadOnlySpan<string>)["@graph", "mainEntity", "mainEntityOfPage"])
                {
                    if (node.TryGetProperty(key, out var nested) && Find(nested, wanted, depth + 1) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static bool IsArticle(JsonElement node) => IsType(node, ArticleTypes);

    private static bool IsType(JsonElement node, HashSet<string> types)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }
        return type.ValueKind switch
        {
            JsonValueKind.String => StringOf(type) is { } name && types.Contains(name),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && StringOf(t) is { } name && types.Contains(name)),
            _ => false,
        };
    }

    private static StructuredArticle Read(JsonElement article) => new()
    {
        Headline = Text(article, "headline") ?? Text(article, "name"),
        Author = Names(article, "author"),
        DatePublished = Text(article, "datePublished") ?? Text(article, "dateCreated"),
        ArticleBody = Text(article, "articleBody") ?? Text(article, "text"),
        Image = Url(article, "image") ?? Url(article, "thumbnailUrl"),
        Publisher = Names(article, "publisher"),
        Description = Text(article, "description"),
        Language = Text(article, "inLanguage"),
        PaywalledParts = Paywalled(article),
    };

    private static List<string> Paywalled(JsonElement article)
    {
        if (!article.TryGetProperty("hasPart", out var parts))
        {
            return [];
        }
        var selectors = new List<string>();
        foreach (var part in parts.ValueKind == JsonValueKind.Array ? parts.EnumerateArray().ToList() : [parts])
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("isAccessibleForFree", out var free) &&
                (free.ValueKind == JsonValueKind.False || (free.ValueKind == JsonValueKind.String && string.Equals(StringOf(free), "false", StringComparison.OrdinalIgnoreCase))) &&
                Text(part, "cssSelector") is { } selector)
            {
                selectors.Add(selector);
                if (selectors.Count == MaxPaywalledParts)
                {
                    break;
                }
            }
        }
        return selectors;
    }

    // A page marks one part or a few; each is looked for over the whole page, so a script listing
    // thousands would cost as many searches.
    private const int MaxPaywalledParts = 8;

    private static string? Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) ? FirstString(value) : null;

    private static string? FirstString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => NullIfBlank(StringOf(value)),
        JsonValueKind.Array => value.EnumerateArray().Select(FirstString).FirstOrDefault(s => s is not null),
        _ => null,
    };

    /// <summary>Person or organisation names: a string, an object with a name, or a list of either.</summary>
    private static string? Names(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var names = items
            .Select(item => item.ValueKind switch
            {
                JsonValueKind.String => NullIfBlank(StringOf(item)),
                JsonValueKind.Object => Text(item, "name"),
                _ => null,
            })
            .Where(n => n is not null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string? Url(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => NullIfBlank(StringOf(value)),
            JsonValueKind.Object => Text(value, "url") ?? Text(value, "contentUrl"),
            JsonValueKind.Array => value.EnumerateArray()
                .Select(item => item.ValueKind == JsonValueKind.Object ? Text(item, "url") : FirstString(item))
                .FirstOrDefault(u => u is not null),
            _ => null,
        };
    }

    /// <summary>
    /// A string value; null for one that escapes half a surrogate pair ("\ud800"), which JSON allows
    /// and .NET refuses to make a string of (InvalidOperationException): that value alone is lost.
    /// </summary>
    private static string? StringOf(JsonElement value)
    {
        try
        {
            // JSON escapes any control character ("\u001b"), which no parse of the page has taken out.
            return value.GetString() is { } text ? ControlCharacters.Repaired(text) : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
