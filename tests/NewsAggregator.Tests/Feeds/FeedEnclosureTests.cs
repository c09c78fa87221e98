using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

/// <summary>Enclosures of RSS, Media RSS, Atom and JSON Feed entries, and which entries are their enclosure alone.</summary>
public class FeedEnclosureTests
{
    private const string Radio = "https://radio.example.org/feed.rss";
    private const string City = "https://city.example.org/video.atom";
    private const string Journal = "https://feeds.example.net/journal.json";

    public static TheoryData<string, string, string, int, string, string?, string?> Entries() => new()
    {
        // rule, fixture, feed URL, entry, link, enclosure (url type length), what is stored in place of a page (url type length)
        { "RSS: an episode without a link takes its enclosure's, and is stored from the feed", "rss20-podcast.xml", Radio, 0,
            "https://cdn.example.net/audio/ep12.mp3", "https://cdn.example.net/audio/ep12.mp3 audio/mpeg 24576000",
            "https://cdn.example.net/audio/ep12.mp3 audio/mpeg 24576000" },
        { "RSS: a link that is the enclosure is no page; a length of 0 is no length", "rss20-podcast.xml", Radio, 1,
            "https://cdn.example.net/audio/ep11.mp3", "https://cdn.example.net/audio/ep11.mp3 audio/mpeg ",
            "https://cdn.example.net/audio/ep11.mp3 audio/mpeg " },
        { "RSS: show notes on a page are fetched; the relative enclosure resolves against the channel link", "rss20-podcast.xml", Radio, 2,
            "https://radio.example.org/episodes/10", "https://radio.example.org/audio/ep10.mp3 audio/mpeg 1234", null },
        { "Media RSS: the audio media:content of a group, not the picture before it", "rss20-podcast.xml", Radio, 3,
            "https://cdn.example.net/audio/ep9.m4a", "https://cdn.example.net/audio/ep9.m4a audio/mp4 5000",
            "https://cdn.example.net/audio/ep9.m4a audio/mp4 5000" },
        { "RSS: an article with a picture as enclosure is an article", "rss20-podcast.xml", Radio, 4,
            "https://radio.example.org/news/harbour-wall", "https://radio.example.org/images/wall.jpg image/jpeg 90210", null },
        { "RSS: a link to an audio file without an enclosure is its own enclosure, its type from the extension", "rss20-podcast.xml", Radio, 5,
            "https://cdn.example.net/audio/ep8.ogg?download=1", null, "https://cdn.example.net/audio/ep8.ogg?download=1 audio/ogg " },

        { "Atom: an entry whose only link is rel=enclosure takes it, resolved against xml:base", "atom-enclosures.xml", City, 0,
            "https://city.example.org/video/council-0305.mp4", "https://city.example.org/video/council-0305.mp4 video/mp4 734003200",
            "https://city.example.org/video/council-0305.mp4 video/mp4 734003200" },
        { "Atom: rel=alternate is the page; the picture is its enclosure", "atom-enclosures.xml", City, 1,
            "https://city.example.org/news/bridge", "https://city.example.org/images/bridge.jpg image/jpeg ", null },

        { "JSON Feed: an item with no url takes its audio attachment's", "jsonfeed-1.1.json", Journal, 3,
            "https://cdn.example.net/audio/ep12.mp3", "https://cdn.example.net/audio/ep12.mp3 audio/mpeg 24576000",
            "https://cdn.example.net/audio/ep12.mp3 audio/mpeg 24576000" },
        { "JSON Feed: an article with an image attachment is fetched as a page", "jsonfeed-1.1.json", Journal, 4,
            "https://journal.example.org/2024/03/02/lighthouse", "https://journal.example.org/images/lighthouse.jpg image/jpeg 81234", null },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Enclosures_and_entries_that_are_their_enclosure(
        string rule, string fixture, string feedUrl, int index, string link, string? enclosure, string? storedInstead)
    {
        var entry = FeedParser.Parse(FeedFixture.Bytes(fixture), new Uri(feedUrl)).Entries[index];
        var actual = (entry.Link.AbsoluteUri, Describe(entry.Enclosure), Describe(EnclosureOnlyEntry.Of(entry)));
        Assert.True((link, enclosure, storedInstead) == actual,
            $"{rule}\n  expected: {link} | {enclosure ?? "(none)"} | {storedInstead ?? "(fetch the page)"}\n"
            + $"  actual:   {actual.Item1} | {actual.Item2 ?? "(none)"} | {actual.Item3 ?? "(fetch the page)"}");
    }

    [Theory]
    [InlineData("video/mp4", true)]
    [InlineData("audio/mpeg", true)]
    [InlineData("Audio/MPEG; charset=binary", true)]
    [InlineData("image/jpeg", false)]
    [InlineData("application/pdf", false)]
    [InlineData("application/octet-stream", false)]
    public void Audio_and_video_are_media_pictures_and_documents_are_not(string type, bool media)
    {
        var enclosure = FeedEnclosure.Of(new Uri("https://cdn.example.net/file"), type, null);
        Assert.Equal(media, enclosure.IsMedia);
    }

    [Theory]
    [InlineData("https://cdn.example.net/ep1.mp3", null, "audio/mpeg")]
    [InlineData("https://cdn.example.net/ep1.mp3", "application/octet-stream", "audio/mpeg")]
    [InlineData("https://cdn.example.net/ep1.MP4?token=x", " ", "video/mp4")]
    [InlineData("https://cdn.example.net/file", "application/octet-stream", "application/octet-stream")]
    [InlineData("https://cdn.example.net/file", "Audio/MPEG; charset=binary", "audio/mpeg")]
    [InlineData("https://cdn.example.net/file", null, null)]
    public void A_type_that_says_nothing_is_read_from_the_extension(string url, string? declared, string? type)
    {
        Assert.Equal(type, FeedEnclosure.Of(new Uri(url), declared, null).MediaType);
    }

    private static string? Describe(FeedEnclosure? enclosure) =>
        enclosure is null ? null : $"{enclosure.Url.AbsoluteUri} {enclosure.MediaType} {enclosure.Length}";
}
