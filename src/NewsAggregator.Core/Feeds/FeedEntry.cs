namespace NewsAggregator.Feeds;

/// <summary>
/// One item a source points at: an RSS/Atom entry, or a link found on a section page
/// (then only <see cref="Link"/> and perhaps <see cref="Title"/> are known).
/// </summary>
public sealed record FeedEntry
{
    public required Uri Link { get; init; }
    public string? Title { get; init; }
    public string? Guid { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Author { get; init; }
    /// <summary>The feed's own text for the entry (full content when the feed has it, else the summary), as HTML.</summary>
    public string? ContentHtml { get; init; }
}
