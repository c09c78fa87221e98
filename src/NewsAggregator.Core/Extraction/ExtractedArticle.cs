namespace NewsAggregator.Extraction;

/// <summary>
/// What extraction keeps of one page: the clean article text (paragraphs separated by a
/// blank line; empty when the page holds no article), the same article as sanitised HTML,
/// and the page's metadata.
/// </summary>
public sealed record ExtractedArticle
{
    public string Text { get; init; } = "";
    /// <summary>
    /// The article as HTML from an allow-list (paragraphs, headings, lists, quotes, tables,
    /// figures, emphasis, absolute links and images; no scripts, styles, event handlers,
    /// <c>javascript:</c> URLs, tracking pixels, classes or ids); empty when <see cref="Text"/> is.
    /// </summary>
    public string Html { get; init; } = "";
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>BCP 47 tag as the page declares it (<c>html lang</c>, <c>og:locale</c>, Content-Language).</summary>
    public string? Language { get; init; }
    public string? SiteName { get; init; }
    /// <summary>Absolute URL from <c>link rel=canonical</c> or <c>og:url</c>, unverified.</summary>
    public string? CanonicalUrl { get; init; }
    public string? ImageUrl { get; init; }
    public string? Description { get; init; }

    /// <summary>The source's <see cref="ExtractionRules.ContentSelector"/> matched nothing, so the heuristics found the article.</summary>
    public bool ContentSelectorMissed { get; init; }

    public bool HasText => Text.Length > 0;

    /// <summary>
    /// The first question of the FAQ the page marks up for search engines (JSON-LD FAQPage), where
    /// one under the story begins: a clue for the line filter, not metadata a caller reads.
    /// </summary>
    internal string? FaqQuestion { get; init; }
}
