namespace NewsAggregator.Feeds;

/// <summary>
/// One item a source points at: an RSS/Atom/JSON Feed entry, or a link found on a section page
/// (then only <see cref="Link"/> and perhaps <see cref="Title"/> are known).
/// </summary>
public sealed record FeedEntry
{
    /// <summary>The entry's page; for an entry with no link of its own, its enclosure's URL (see <see cref="EnclosureOnlyEntry"/>).</summary>
    public required Uri Link { get; init; }
    public string? Title { get; init; }
    public string? Guid { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Author { get; init; }
    /// <summary>The feed's own text for the entry (full content when the feed has it, else the summary), as HTML.</summary>
    public string? ContentHtml { get; init; }
    /// <summary>The file the entry carries (audio, video, an image), when the feed names one.</summary>
    public FeedEnclosure? Enclosure { get; init; }
    /// <summary>The entry's language as the feed declares it (JSON Feed 1.1), normalised.</summary>
    public string? Language { get; init; }
    /// <summary>The entry's picture as the feed names it (JSON Feed <c>image</c>, else <c>banner_image</c>).</summary>
    public Uri? ImageUrl { get; init; }
}
