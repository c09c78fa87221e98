namespace NewsAggregator.Feeds;

/// <summary>RSS 0.9x/1.0/2.0 and Atom from bytes we fetched ourselves.</summary>
public static class FeedParser
{
    public static ParsedFeed Parse(byte[] body, Uri feedUrl)
    {
        throw new NotImplementedException();
    }
}
