namespace NewsAggregator.Feeds;

/// <summary>
/// Entries that are their enclosure (a podcast episode, a video): their link is the media file
/// itself, or they had no link and took the enclosure's. Such an entry has no page to fetch:
/// fetching an mp3 as an article only fails, on every pass. One with a page of its own (show
/// notes, an article with a picture) is not one of them: its page is fetched as usual.
/// </summary>
public static class EnclosureOnlyEntry
{
    /// <summary>The enclosure to store in place of a page, or null when the entry's link is a page to fetch.</summary>
    public static FeedEnclosure? Of(FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (FeedEnclosure.MediaTypeOf(entry.Link) is { } linkType)
        {
            // The link is a media file: the declared enclosure says more about it (type, length) when
            // there is one; otherwise the link is the enclosure.
            return entry.Enclosure is { IsMedia: true } declared ? declared : new FeedEnclosure(entry.Link, linkType, null);
        }
        return entry.Enclosure is { IsMedia: true } media && SameFile(media.Url, entry.Link) ? media : null;
    }

    private static bool SameFile(Uri a, Uri b) =>
        string.Equals(FollowableLink.WithoutFragment(a).AbsoluteUri, FollowableLink.WithoutFragment(b).AbsoluteUri, StringComparison.Ordinal);
}
