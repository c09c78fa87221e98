using NewsAggregator.Extraction;
using NewsAggregator.Fetching;

namespace NewsAggregator.Sources;

public enum SourceType
{
    /// <summary>An RSS 0.9x/1.0/2.0 or Atom feed; the format is detected from the document.</summary>
    Rss,
    /// <summary>A section or front page whose article links are followed.</summary>
    Html,
    /// <summary>A single article page.</summary>
    Page,
}

/// <summary>One entry of sources.json, validated.</summary>
public sealed record Source
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(30);
    public const int DefaultMaxArticles = 50;

    public required string Id { get; init; }
    public required string Name { get; init; }
    public required SourceType Type { get; init; }
    public required Uri Url { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>For <see cref="SourceType.Html"/>: CSS selector of the article links; heuristics when null.</summary>
    public string? LinkSelector { get; init; }
    /// <summary>Selectors for this source's article pages (<c>contentSelector</c>, <c>removeSelectors</c>); none by default.</summary>
    public ExtractionRules ExtractionRules { get; init; } = ExtractionRules.None;
    /// <summary>How often the service runs this source.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;
    /// <summary>At most this many new article pages are fetched per pass (newest first).</summary>
    public int MaxArticles { get; init; } = DefaultMaxArticles;
    /// <summary>
    /// Fetch the source's own URL even where robots.txt disallows it: for feeds the publisher
    /// offers for reading. Article pages still obey robots.txt.
    /// </summary>
    public bool IgnoreRobots { get; init; }
    /// <summary>
    /// Where the source sits in a feed reader's folders, segments joined by '/' ("News/Europe");
    /// kept so that an OPML import can be exported again with its folders. Null when uncategorised.
    /// </summary>
    public string? Category { get; init; }
    /// <summary>
    /// <c>userAgent</c> and <c>headers</c>: sent on every request made for this source (its own URL
    /// and its article pages), for the few publishers that need them. None by default.
    /// </summary>
    public RequestHeaders RequestHeaders { get; init; } = RequestHeaders.None;

    public string TypeName => Type switch
    {
        SourceType.Rss => "rss",
        SourceType.Html => "html",
        SourceType.Page => "page",
        _ => throw new ArgumentOutOfRangeException(nameof(Type)),
    };
}
