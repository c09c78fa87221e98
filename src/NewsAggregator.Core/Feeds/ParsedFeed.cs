namespace NewsAggregator.Feeds;

/// <summary>A feed document as read: its entries in document order.</summary>
public sealed record ParsedFeed(string? Title, IReadOnlyList<FeedEntry> Entries)
{
    /// <summary>The feed's own refresh hint (RSS <c>&lt;ttl&gt;</c>), when it gives one.</summary>
    public TimeSpan? TimeToLive { get; init; }
}
