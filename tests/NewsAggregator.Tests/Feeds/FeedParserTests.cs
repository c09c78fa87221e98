using System.Text;
using System.Xml;
using System.Xml.Linq;
using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

public class FeedParserTests
{
    private const string Ledger = "https://www.dailyledger.example/world/rss.xml";
    private const string Science = "https://science.example.org/rss";
    private const string Gazette = "http://gazette.example.net/rss.xml";
    private const string Blog = "https://blog.example.com/engineering/feed.atom";
    private const string Wire = "https://wire.example.org/rss";
    private const string Journal = "https://feeds.example.net/journal.json";
    private const string Valley = "https://valley.example.org/feed.json";

    private static ParsedFeed Parse(string fixture, string feedUrl) => FeedParser.Parse(FeedFixture.Bytes(fixture), new Uri(feedUrl));

    private static ParsedFeed ParseText(string xml, string feedUrl) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), new Uri(feedUrl));

    /// <summary>
    /// A link whose host .NET parses but cannot give in ASCII ("xn--" followed by other characters)
    /// has no address: listed in a feed, it failed the whole source on every pass once the pass
    /// asked for its host.
    /// </summary>
    [Theory]
    [InlineData("https://xn--\u00e9.example/story")]
    [InlineData("http://news.xn--\u00e9/story")]
    public void A_link_to_a_host_that_cannot_be_read_is_not_followed(string link)
    {
        Assert.False(FollowableLink.From(new Uri("https://news.example/rss"), new Uri(link)));
        Assert.True(FollowableLink.From(new Uri("https://news.example/rss"), new Uri("https://xn--caf-dma.example/story")));
    }

    public static TheoryData<string, string, string, string[]> EntryLinks() => new()
    {
        {
            "RSS 2.0: entries in document order; no link and no permalink guid, or a javascript: link, means no entry",
            "rss20-news.xml", Ledger,
            [
                "https://www.dailyledger.example/world/2024/03/05/flood-defences-hold-lower-saxony?utm_source=rss&utm_medium=feed&utm_campaign=world",
                "https://www.dailyledger.example/business/2024/03/05/markets-rally-inflation-cools?fbclid=IwAR0xyz&ref=rss",
                "https://www.dailyledger.example/world/2024/03/05/ceasefire-talks-resume-cairo",
                "https://www.dailyledger.example/world/2024/03/04/wildfire-season-starts-early-spain",
                "https://www.dailyledger.example/world/2024/03/04/parliament-passes-housing-bill",
            ]
        },
        {
            "RSS 1.0: items are siblings of the channel",
            "rss10-rdf.xml", Science,
            ["https://science.example.org/2024/03/05/comet-returns.html", "https://science.example.org/2024/03/04/bees-count.html"]
        },
        {
            "RSS 0.91 with the Netscape DOCTYPE: the external DTD is not fetched and its HTML entities still read",
            "rss091.xml", Gazette,
            ["http://gazette.example.net/news/ferry-timetable-april.html", "http://gazette.example.net/news/fish-market-reopens.html"]
        },
        {
            "Atom: rel=alternate over edit/enclosure, relative hrefs resolved against xml:base, entry with only a self link skipped",
            "atom-xmlbase.xml", Blog,
            [
                "https://blog.example.com/engineering/2024/03/zero-downtime-migrations",
                "https://blog.example.com/archive/postmortem-march-1",
                "https://other.example.org/guest-post",
            ]
        },
        {
            "A feed with no entries is an empty list, not an error",
            "rss20-no-items.xml", "https://quiet.example.org/rss", []
        },
        {
            "A bare ampersand in a link and an HTML entity in a title are repaired rather than rejected",
            "rss20-sloppy-markup.xml", "https://corner.example.org/rss", ["https://corner.example.org/story.php?id=311&section=tech"]
        },
        {
            "RSS podcast: an item without a link takes its audio enclosure's (or its media:content's); one with only a picture is no entry",
            "rss20-podcast.xml", "https://radio.example.org/feed.rss",
            [
                "https://cdn.example.net/audio/ep12.mp3",
                "https://cdn.example.net/audio/ep11.mp3",
                "https://radio.example.org/episodes/10",
                "https://cdn.example.net/audio/ep9.m4a",
                "https://radio.example.org/news/harbour-wall",
                "https://cdn.example.net/audio/ep8.ogg?download=1",
            ]
        },
        {
            "JSON Feed: items with a url, an external_url or an attachment, in document order; an item with none of them is no entry",
            "jsonfeed-1.1.json", Journal,
            [
                "https://journal.example.org/2024/03/05/ferry-strike",
                "https://journal.example.org/2024/03/04/market-hall",
                "https://elsewhere.example.com/long-read",
                "https://cdn.example.net/audio/ep12.mp3",
                "https://journal.example.org/2024/03/02/lighthouse",
                "https://journal.example.org/2024/03/01/sloppy",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(EntryLinks))]
    public void Entries_and_their_links(string rule, string fixture, string feedUrl, string[] expected)
    {
        var links = Parse(fixture, feedUrl).Entries.Select(e => e.Link.AbsoluteUri).ToArray();
        Assert.True(expected.SequenceEqual(links), $"{rule}\n  expected: {string.Join("\n            ", expected)}\n  actual:   {string.Join("\n            ", links)}");
    }

    public static TheoryData<string, string, string, int, string, string?> EntryFields() => new()
    {
        { "Tracking parameters stay in the link: removing them is Dedup's canonical URL, not the feed's", "rss20-news.xml", Ledger, 0, "Link",
            "https://www.dailyledger.example/world/2024/03/05/flood-defences-hold-lower-saxony?utm_source=rss&utm_medium=feed&utm_campaign=world" },
        { "content:encoded is preferred over description and kept exactly, escaped markup in its text included", "rss20-news.xml", Ledger, 0, "ContentHtml",
            "<p>Emergency crews worked through the night as the Weser rose to its highest level in a decade.</p><p>Officials warned residents to write &lt;b&gt; tags in their reports &amp; to stay away from the banks.</p>" },
        { "dc:creator is the author", "rss20-news.xml", Ledger, 0, "Author", "Anna Becker" },
        { "guid is kept even when it is not a permalink", "rss20-news.xml", Ledger, 0, "Guid", "ledger-article-884213" },
        { "pubDate in GMT", "rss20-news.xml", Ledger, 0, "PublishedAt", "2024-03-05T14:30:00.0000000+00:00" },
        { "pubDate with an offset is converted to UTC", "rss20-news.xml", Ledger, 1, "PublishedAt", "2024-03-05T12:05:00.0000000+00:00" },
        { "A title escaped twice loses its tags and has its entities decoded", "rss20-news.xml", Ledger, 1, "Title", "Markets rally as inflation cools & rates hold" },
        { "RSS author 'address (Name)' gives the name", "rss20-news.xml", Ledger, 1, "Author", "Tom Okafor" },
        { "description is the content when there is no content:encoded", "rss20-news.xml", Ledger, 1, "ContentHtml", "Stocks rose for a third day." },
        { "A guid that is a permalink URL is the link when <link> is missing", "rss20-news.xml", Ledger, 2, "Link",
            "https://www.dailyledger.example/world/2024/03/05/ceasefire-talks-resume-cairo" },
        { "A relative RSS link resolves against the channel's site link", "rss20-news.xml", Ledger, 3, "Link",
            "https://www.dailyledger.example/world/2024/03/04/wildfire-season-starts-early-spain" },
        { "Title white space is folded and trimmed", "rss20-news.xml", Ledger, 3, "Title", "Wildfire season starts early in southern Spain" },
        { "feedburner:origLink is the article; <link> only redirects", "rss20-news.xml", Ledger, 4, "Link",
            "https://www.dailyledger.example/world/2024/03/04/parliament-passes-housing-bill" },

        { "RSS 1.0: content:encoded found by namespace URI under any prefix", "rss10-rdf.xml", Science, 0, "ContentHtml",
            "<p>Astronomers at three observatories confirmed the sighting on Monday night.</p>" },
        { "RSS 1.0: several dc:creator elements make one byline", "rss10-rdf.xml", Science, 0, "Author", "Priya Raman, Li Wei" },
        { "RSS 1.0: dc:date is the publication date", "rss10-rdf.xml", Science, 0, "PublishedAt", "2024-03-05T08:30:00.0000000+00:00" },
        { "RSS 1.0: rdf:about is the guid", "rss10-rdf.xml", Science, 0, "Guid", "https://science.example.org/2024/03/05/comet-returns.html" },

        { "RSS 0.91: &nbsp; from the HTML entity set reads as a space", "rss091.xml", Gazette, 0, "Title", "Ferry timetable changes from April" },
        { "RSS 0.91: &mdash; reads as the dash", "rss091.xml", Gazette, 0, "ContentHtml", "The summer timetable starts early this year \u2014 check the new times." },
        { "RSS 0.91: no guid means none, not the link", "rss091.xml", Gazette, 0, "Guid", null },

        { "Atom: XHTML content is its markup without the wrapper div or namespace", "atom-xmlbase.xml", Blog, 0, "ContentHtml",
            "<p>We moved <strong>2\u00A0TB</strong> without a maintenance window.</p>" },
        { "Atom: published over updated, in UTC", "atom-xmlbase.xml", Blog, 0, "PublishedAt", "2024-03-05T13:00:00.0000000+00:00" },
        { "Atom: the entry's own author", "atom-xmlbase.xml", Blog, 0, "Author", "Dana Whitfield" },
        { "Atom: id is the guid", "atom-xmlbase.xml", Blog, 0, "Guid", "tag:blog.example.com,2024:post-118" },
        { "Atom: a title of type html loses its tags", "atom-xmlbase.xml", Blog, 1, "Title", "Postmortem: the March 1 outage" },
        { "Atom: html content is unescaped once, not twice", "atom-xmlbase.xml", Blog, 1, "ContentHtml", "<p>At 14:02 UTC our &lt;cache&gt; layer failed.</p>" },
        { "Atom: updated when there is no published", "atom-xmlbase.xml", Blog, 1, "PublishedAt", "2024-03-02T16:20:00.0000000+00:00" },
        { "Atom: an entry without an author has the feed's", "atom-xmlbase.xml", Blog, 1, "Author", "Platform Team" },
        { "Atom: text summary is escaped into HTML", "atom-xmlbase.xml", Blog, 2, "ContentHtml", "Use &lt;pre&gt; for code &amp; keep lines short." },

        { "Broken date: weekday that does not match, named zone EST", "rss20-broken-dates.xml", Wire, 0, "PublishedAt", "2024-03-05T19:30:00.0000000+00:00" },
        { "Broken date: full month name, no seconds, no weekday", "rss20-broken-dates.xml", Wire, 1, "PublishedAt", "2024-03-05T13:30:00.0000000+00:00" },
        { "Broken date: no zone is read as UTC, whatever the machine's zone", "rss20-broken-dates.xml", Wire, 2, "PublishedAt", "2024-03-05T14:30:00.0000000+00:00" },
        { "Broken date: two-digit year, one-digit day, PST", "rss20-broken-dates.xml", Wire, 3, "PublishedAt", "2024-03-05T22:30:00.0000000+00:00" },
        { "Broken date: an impossible day gives no date, and the entry stays", "rss20-broken-dates.xml", Wire, 4, "PublishedAt", null },
        { "Broken date: unreadable pubDate falls back to dc:date", "rss20-broken-dates.xml", Wire, 5, "PublishedAt", "2024-03-04T16:00:00.0000000+00:00" },
        { "Broken date: long weekday, month first, 12-hour clock, CET", "rss20-broken-dates.xml", Wire, 6, "PublishedAt", "2024-03-05T13:30:00.0000000+00:00" },
        { "Broken date: a trailing (comment) is ignored", "rss20-broken-dates.xml", Wire, 7, "PublishedAt", "2024-03-05T14:30:00.0000000+00:00" },

        { "Sloppy markup: a bare ampersand in a title is text", "rss20-sloppy-markup.xml", "https://corner.example.org/rss", 0, "Title", "AT&T and Verizon raise prices again" },

        { "windows-1251 declared in the XML declaration decodes Cyrillic", "rss20-windows-1251.xml", "https://volga-news.example.ru/rss", 0, "Title",
            "Ледоход на Волге начался раньше обычного" },
        { "windows-1251: guillemets and dashes in the description", "rss20-windows-1251.xml", "https://volga-news.example.ru/rss", 0, "ContentHtml",
            "Синоптики объясняют это тёплой зимой — «аномально тёплой»." },
        { "windows-1251: author name in Cyrillic", "rss20-windows-1251.xml", "https://volga-news.example.ru/rss", 0, "Author", "Ирина Соколова" },
        { "ISO-8859-1 decodes accents, and 0x92 as the windows-1252 apostrophe it really is", "rss20-iso-8859-1.xml", "https://cafe.example.fr/rss", 0, "Title",
            "Crêpes, galettes et cidre : l\u2019hiver à Rennes" },

        // JSON Feed 1.1 and 1.0
        { "JSON Feed 1.1: title loses its tags", "jsonfeed-1.1.json", Journal, 0, "Title", "Ferry strike ends after three days" },
        { "JSON Feed 1.1: id is the guid", "jsonfeed-1.1.json", Journal, 0, "Guid", "https://journal.example.org/2024/03/05/ferry-strike" },
        { "JSON Feed 1.1: content_html over summary, kept as it is", "jsonfeed-1.1.json", Journal, 0, "ContentHtml", "<p>Crews returned to the island routes on Tuesday.</p>" },
        { "JSON Feed 1.1: date_published over date_modified, in UTC", "jsonfeed-1.1.json", Journal, 0, "PublishedAt", "2024-03-05T08:15:00.0000000+00:00" },
        { "JSON Feed 1.1: authors make one byline", "jsonfeed-1.1.json", Journal, 0, "Author", "Mara Lindqvist, Owen Price" },
        { "JSON Feed 1.1: the feed's language when the item has none, normalised", "jsonfeed-1.1.json", Journal, 0, "Language", "en-GB" },
        { "JSON Feed 1.1: image over banner_image, resolved against home_page_url", "jsonfeed-1.1.json", Journal, 0, "ImageUrl", "https://journal.example.org/images/ferry.jpg" },
        { "JSON Feed 1.1: no attachment, no enclosure", "jsonfeed-1.1.json", Journal, 0, "Enclosure", null },

        { "JSON Feed 1.1: a relative url resolves against home_page_url, not feed_url", "jsonfeed-1.1.json", Journal, 1, "Link", "https://journal.example.org/2024/03/04/market-hall" },
        { "JSON Feed 1.1: an id given as a number is its text", "jsonfeed-1.1.json", Journal, 1, "Guid", "42" },
        { "JSON Feed 1.1: content_text only is escaped, its blank line a paragraph break", "jsonfeed-1.1.json", Journal, 1, "ContentHtml",
            "The hall opened at dawn.<br><br>Traders said &lt;nothing&gt; would stop them &amp; they meant it." },
        { "JSON Feed 1.1: date_modified when there is no date_published", "jsonfeed-1.1.json", Journal, 1, "PublishedAt", "2024-03-04T18:00:00.0000000+00:00" },
        { "JSON Feed 1.1: an item without authors has the feed's", "jsonfeed-1.1.json", Journal, 1, "Author", "Journal Desk" },
        { "JSON Feed 1.1: the item's own language", "jsonfeed-1.1.json", Journal, 1, "Language", "de" },
        { "JSON Feed 1.1: banner_image when there is no image, relative", "jsonfeed-1.1.json", Journal, 1, "ImageUrl", "https://journal.example.org/images/hall-wide.jpg" },

        { "JSON Feed 1.1: external_url is followed only when there is no url", "jsonfeed-1.1.json", Journal, 2, "Link", "https://elsewhere.example.com/long-read" },
        { "JSON Feed 1.1: summary when there is no content", "jsonfeed-1.1.json", Journal, 2, "ContentHtml", "A thoughtful piece on coastal planning." },

        { "JSON Feed 1.1: the audio attachment is the enclosure, not the picture before it", "jsonfeed-1.1.json", Journal, 3, "Enclosure",
            "https://cdn.example.net/audio/ep12.mp3 audio/mpeg 24576000" },
        { "JSON Feed 1.1: an image attachment of an article is its enclosure too", "jsonfeed-1.1.json", Journal, 4, "Enclosure",
            "https://journal.example.org/images/lighthouse.jpg image/jpeg 81234" },

        { "JSON Feed, wrong types: a title that is not a string is no title", "jsonfeed-1.1.json", Journal, 5, "Title", null },
        { "JSON Feed, wrong types: a date that is not a string is no date", "jsonfeed-1.1.json", Journal, 5, "PublishedAt", null },
        { "JSON Feed, wrong types: authors that are not an array fall back to the feed's", "jsonfeed-1.1.json", Journal, 5, "Author", "Journal Desk" },
        { "JSON Feed, wrong types: attachments that are not an array are none", "jsonfeed-1.1.json", Journal, 5, "Enclosure", null },

        { "JSON Feed 1.0: the item's author object", "jsonfeed-1.0.json", Valley, 0, "Author", "Ruth Adeyemi" },
        { "JSON Feed 1.0: date with an offset in UTC", "jsonfeed-1.0.json", Valley, 0, "PublishedAt", "2024-03-05T12:00:00.0000000+00:00" },
        { "JSON Feed 1.0: no language field", "jsonfeed-1.0.json", Valley, 0, "Language", null },
        { "JSON Feed 1.0: the feed's author object when the item has none", "jsonfeed-1.0.json", Valley, 1, "Author", "Valley Notes Team" },
        { "JSON Feed 1.0: a relative url resolves against home_page_url", "jsonfeed-1.0.json", Valley, 1, "Link", "https://valley.example.org/notes/river" },
        { "JSON Feed 1.0: summary is plain text", "jsonfeed-1.0.json", Valley, 1, "ContentHtml", "A short walk by the river." },
    };

    [Theory]
    [MemberData(nameof(EntryFields))]
    public void Entry_field(string rule, string fixture, string feedUrl, int index, string field, string? expected)
    {
        var entry = Parse(fixture, feedUrl).Entries[index];
        var actual = field switch
        {
            "Link" => entry.Link.AbsoluteUri,
            "Title" => entry.Title,
            "Guid" => entry.Guid,
            "PublishedAt" => entry.PublishedAt?.ToString("o"),
            "Author" => entry.Author,
            "ContentHtml" => entry.ContentHtml,
            "Language" => entry.Language,
            "ImageUrl" => entry.ImageUrl?.AbsoluteUri,
            "Enclosure" => entry.Enclosure is { } e ? $"{e.Url.AbsoluteUri} {e.MediaType} {e.Length}" : null,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        Assert.True(expected == actual, $"{rule}\n  expected: {expected ?? "(null)"}\n  actual:   {actual ?? "(null)"}");
    }

    public static TheoryData<string, string, string, string?, int?> FeedFields() => new()
    {
        { "RSS 2.0: channel title with a numeric entity; <ttl> in minutes", "rss20-news.xml", Ledger, "The Daily Ledger \u2013 World", 15 },
        { "RSS 1.0: sy:updatePeriod hourly at frequency 2 is every 30 minutes", "rss10-rdf.xml", Science, "Science Desk", 30 },
        { "Atom: html title decoded; no refresh hint", "atom-xmlbase.xml", Blog, "Engineering & Ops", null },
        { "Empty feed still has its title and <ttl>", "rss20-no-items.xml", "https://quiet.example.org/rss", "Quiet Desk", 60 },
        { "windows-1251 feed title", "rss20-windows-1251.xml", "https://volga-news.example.ru/rss", "Новости Поволжья", null },
        { "ISO-8859-1 feed title", "rss20-iso-8859-1.xml", "https://cafe.example.fr/rss", "Le Café du Marché", null },
        { "A declared encoding .NET refuses (UTF-7) is no clue: the bytes are read as UTF-8", "rss20-utf7-declared.xml", "https://gazette.example.fr/rss", "Café Gazette", null },
        { "JSON Feed 1.1: the title, entities decoded; JSON Feed has no refresh hint", "jsonfeed-1.1.json", Journal, "Harbour & Hills Journal", null },
        { "JSON Feed 1.0: the title", "jsonfeed-1.0.json", Valley, "Valley Notes", null },
    };

    [Theory]
    [MemberData(nameof(FeedFields))]
    public void Feed_title_and_time_to_live(string rule, string fixture, string feedUrl, string? title, int? ttlMinutes)
    {
        var feed = Parse(fixture, feedUrl);
        Assert.True(title == feed.Title, $"{rule}: title {feed.Title}");
        Assert.True(ttlMinutes == (int?)feed.TimeToLive?.TotalMinutes, $"{rule}: ttl {feed.TimeToLive}");
    }

    public static TheoryData<string, string, string> Rejections() => new()
    {
        { "An empty body says so", "", "is empty" },
        { "White space alone is empty too", "  \r\n\t ", "is empty" },
        { "Plain text is not XML", "Service temporarily unavailable", "is neither XML nor JSON" },
        { "Truncated XML says where it ends and what is left open", "fixture:rss20-truncated.xml", "not well-formed XML at line 13, position 1: Unexpected end of file" },
        { "Mismatched tags name their line", "fixture:rss20-mismatched-tags.xml", "not well-formed XML at line 6" },
        { "An HTML page where a feed was expected", "fixture:front-page.html", "the document is an HTML page, not an RSS, Atom or JSON feed" },
        { "Well-formed XHTML is an HTML page too", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head><body/></html>", "is an HTML page" },
        { "XML that is not a feed names its root element", "fixture:sitemap.xml", "its root element is <urlset>" },
        { "RSS without a channel", "<rss version=\"2.0\"><title>x</title></rss>", "without a <channel>" },
        { "RSS 1.0 without a channel", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", "without a <channel>" },
        { "After repairing what it can, the remaining break is reported with its line",
            "<rss version=\"2.0\">\n<channel><title>AT&T&nbsp;news</title>\n<item><title>x</titel></item></channel></rss>", "at line 3" },
        { "An entity bomb fails fast instead of expanding", "fixture:billion-laughs.xml", "declares entities that expand to more than" },

        // JSON Feed (JsonFeedTests reads the good ones)
        { "Truncated JSON says where it ends", "fixture:jsonfeed-truncated.json", "is not valid JSON at line 6, position 58: Expected end of string, but instead reached end of data" },
        { "JSON that is no JSON Feed says what it lacks", "fixture:not-a-jsonfeed.json", "is JSON but not a JSON Feed: it has no \"version\"" },
        { "An array is JSON but no feed", "[{\"title\": \"x\"}]", "is JSON but not a JSON Feed: it is an array" },
        { "A version of someone else's", "{\"version\": \"2.0\", \"items\": []}", "its \"version\" is \"2.0\"" },
        { "A version that is not a string", "{\"version\": 1.1, \"items\": []}", "its \"version\" is 1.1" },
        { "items missing", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"x\"}", "it has no \"items\"" },
        { "items of the wrong type", "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": {\"id\": \"1\"}}", "its \"items\" is an object where an array was expected" },
        { "An item of the wrong type is named by its place", "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"1\"}, \"oops\"]}",
            "item 2 is a string where an object was expected" },
        { "JSON with trailing garbage", "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": []} {}", "is not valid JSON at line 1" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Unreadable_documents_fail_with_a_message_a_person_can_act_on(string rule, string body, string expected)
    {
        var bytes = body.StartsWith("fixture:", StringComparison.Ordinal)
            ? FeedFixture.Bytes(body["fixture:".Length..])
            : Encoding.UTF8.GetBytes(body);
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(bytes, new Uri("https://example.org/feed")));
        Assert.True(error.Message.Contains(expected, StringComparison.OrdinalIgnoreCase), $"{rule}: {error.Message}");
        Assert.Contains("https://example.org/feed", error.Message);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_json_feed_is_known_by_what_it_holds_whatever_its_byte_order_mark_and_white_space(string encoding)
    {
        var json = "\uFEFF\r\n  " + FeedFixture.Text("jsonfeed-1.0.json").Replace("River walk", "River walk \u2013 caf\u00E9", StringComparison.Ordinal);
        var feed = FeedParser.Parse(Encoding.GetEncoding(encoding).GetBytes(json), new Uri(Valley));
        Assert.Equal(["https://valley.example.org/notes/orchard", "https://valley.example.org/notes/river"], feed.Entries.Select(e => e.Link.AbsoluteUri));
        Assert.Equal("River walk \u2013 caf\u00E9", feed.Entries[1].Title);
    }

    [Fact]
    public void Failures_inside_the_feed_library_are_wrapped_not_leaked()
    {
        // RSS 1.0 with prefixed RSS elements: FeedReader looks for <channel> in the default
        // namespace only, finds none and dereferences null.
        const string prefixedRdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/">
              <rss:channel rdf:about="https://x.example/"><rss:title>x</rss:title></rss:channel>
              <rss:item rdf:about="https://x.example/a"><rss:title>a</rss:title><rss:link>https://x.example/a</rss:link></rss:item>
            </rdf:RDF>
            """;
        var error = Assert.Throws<FeedFormatException>(() => ParseText(prefixedRdf, "https://x.example/rss"));
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var secretFile = FeedFixture.PathOf("xxe-secret.txt");
        var secret = File.ReadAllText(secretFile).Trim();
        var xml = FeedFixture.Text("xxe-feed.xml").Replace("SECRET_FILE_URI", new Uri(secretFile).AbsoluteUri);

        // The fixture is a real attack: a parser that resolves external entities reads the file.
        using (var resolving = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }))
        {
            Assert.Contains(secret, XDocument.Load(resolving).Root!.Value);
        }

        ParsedFeed feed;
        try
        {
            feed = ParseText(xml, "https://innocent.example.org/rss");
        }
        catch (FeedFormatException)
        {
            return; // refusing the feed is as safe as neutralising the entity
        }
        Assert.NotEmpty(feed.Entries);
        foreach (var entry in feed.Entries)
        {
            Assert.DoesNotContain("TOP-SECRET", $"{entry.Title}|{entry.ContentHtml}|{entry.Author}|{entry.Guid}|{entry.Link}");
        }
    }

    [Fact]
    public void Quadratic_entity_expansion_is_refused_well_below_the_libraries_own_limit()
    {
        // 200 references to a 20,000-character entity: 4 million characters, under the 10 million
        // that XDocument.Parse (FeedReader's parser) allows, so only our own cap stops it.
        var big = new string('a', 20_000);
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY big "{big}">]>
            <rss version="2.0"><channel><title>q</title><item><title>{string.Concat(Enumerable.Repeat("&big;", 200))}</title>
            <link>https://q.example/a</link></item></channel></rss>
            """;
        var error = Assert.Throws<FeedFormatException>(() => ParseText(xml, "https://q.example/rss"));
        Assert.Contains("expand", error.Message);
    }

    [Fact]
    public void Internal_entities_within_the_limit_still_expand()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY paper "The Harbour Gazette">]>
            <rss version="2.0"><channel><title>&paper;</title><item><title>Welcome to &paper;</title>
            <link>https://gazette.example/a/welcome</link></item></channel></rss>
            """;
        var feed = ParseText(xml, "https://gazette.example/rss");
        Assert.Equal("Welcome to The Harbour Gazette", feed.Entries.Single().Title);
    }

    [Theory]
    [InlineData("https://feeds.example.org/rss", "file:///etc/passwd", null)]
    [InlineData("file:///srv/feeds/local.xml", "stories/one.html", "file:///srv/feeds/stories/one.html")]
    [InlineData("https://feeds.example.org/rss", "mailto:desk@example.org", null)]
    [InlineData("https://feeds.example.org/rss", "//cdn.example.org/2024/03/story", "https://cdn.example.org/2024/03/story")]
    public void File_links_are_followed_only_from_file_feeds_and_other_schemes_never(string feedUrl, string link, string? expected)
    {
        var xml = $"<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><link>{link}</link></item></channel></rss>";
        var entries = ParseText(xml, feedUrl).Entries;
        Assert.Equal(expected, entries.SingleOrDefault()?.Link.AbsoluteUri);
    }

    [Fact]
    public void Feed_without_encoding_declaration_that_is_not_utf8_reads_as_windows_1252()
    {
        var bytes = Encoding.Latin1.GetBytes("<rss version=\"2.0\"><channel><title>Caf\u00e9</title><item><title>Na\u00efve</title><link>https://x.example/a</link></item></channel></rss>");
        var feed = FeedParser.Parse(bytes, new Uri("https://x.example/rss"));
        Assert.Equal("Caf\u00e9", feed.Title);
        Assert.Equal("Na\u00efve", feed.Entries.Single().Title);
    }

    [Fact]
    public void A_byte_order_mark_and_stray_control_characters_do_not_stop_the_feed()
    {
        var xml = "<rss version=\"2.0\"><channel><title>Wire\u001c</title><item><title>Storm\u000b warning</title><link>https://x.example/a</link></item></channel></rss>";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(xml)).ToArray();
        var feed = FeedParser.Parse(bytes, new Uri("https://x.example/rss"));
        Assert.Equal("Wire", feed.Title);
        Assert.Equal("Storm warning", feed.Entries.Single().Title);
    }
}
