using System.Xml.Linq;
using CodeHollow.FeedReader;
using FeedReaderFeed = CodeHollow.FeedReader.Feed;

namespace NewsAggregator.Feeds;

/// <summary>RSS 0.9x/1.0/2.0, Atom and JSON Feed from bytes we fetched ourselves, told apart by what they hold.</summary>
public static class FeedParser
{
    /// <exception cref="FeedFormatException">The bytes are not a feed we can read; the message says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the feed was read.</exception>
    public static ParsedFeed Parse(byte[] body, Uri feedUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(feedUrl);
        cancellationToken.ThrowIfCancellationRequested();

        var text = FeedCharset.Decode(body);
        if (JsonFeedReader.IsJson(text))
        {
            return JsonFeedReader.Parse(text, feedUrl, cancellationToken);
        }
        var (xml, root) = FeedDocument.Load(text, feedUrl, cancellationToken);
        // FeedReader's parse takes no token; within the limits our own read enforced it is quick.
        cancellationToken.ThrowIfCancellationRequested();
        FeedReaderFeed feed;
        try
        {
            feed = FeedReader.ReadFromString(xml);
        }
        catch (Exception error)
        {
            throw new FeedFormatException($"The feed at {feedUrl} (root element <{root.LocalName}>) could not be read: {error.Message}", error);
        }

        var feedElement = feed.SpecificFeed.Element;
        Func<FeedItem, FeedEntry?> read = feed.Type == FeedType.Atom
            ? new AtomEntryReader(EntryLinkBase.ForAtom(feedUrl), feedElement).Read
            : new RssItemReader(EntryLinkBase.ForRss(feedUrl, feed.Link)).Read;

        var entries = feed.Items.Select(item =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return read(item);
        });
        return new ParsedFeed(EntryText.Plain(feed.Title), entries.OfType<FeedEntry>().ToList())
        {
            TimeToLive = TimeToLive(feedElement),
        };
    }

    /// <summary>RSS 2.0 &lt;ttl&gt; (minutes), else the syndication module's update period.</summary>
    private static TimeSpan? TimeToLive(XElement channel)
    {
        if (int.TryParse(channel.Element(channel.Name.Namespace + "ttl")?.Value.Trim(), out var minutes) && minutes > 0)
        {
            return TimeSpan.FromMinutes(minutes);
        }
        var period = channel.Element(FeedNamespaces.Syndication + "updatePeriod")?.Value.Trim().ToLowerInvariant() switch
        {
            "hourly" => TimeSpan.FromHours(1),
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            "monthly" => TimeSpan.FromDays(30),
            "yearly" => TimeSpan.FromDays(365),
            _ => (TimeSpan?)null,
        };
        if (period is null)
        {
            return null;
        }
        var frequency = int.TryParse(channel.Element(FeedNamespaces.Syndication + "updateFrequency")?.Value.Trim(), out var f) && f > 0 ? f : 1;
        return period / frequency;
    }
}
