namespace NewsAggregator.Feeds;

/// <summary>The article links of a section or front page.</summary>
public static class SectionPageLinks
{
    public static IReadOnlyList<FeedEntry> Find(string html, Uri pageUrl, string? linkSelector)
    {
        throw new NotImplementedException();
    }
}
