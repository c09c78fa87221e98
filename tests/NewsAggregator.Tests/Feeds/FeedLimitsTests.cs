using System.Globalization;
using System.Text;
using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

/// <summary>
/// Feeds shaped to stall a parser are refused with a message naming the feed and the limit, at
/// the limit rather than after reading them whole, while feeds of any real shape are still read.
/// The hostile documents are generated here: they are megabytes of one repeated tag. How long
/// each takes is the benchmark's to measure (<c>NewsAggregator.Benchmarks hostile</c>), not a test's.
/// </summary>
public class FeedLimitsTests
{
    private static readonly Uri FeedUrl = new("https://deep.example.org/rss");

    // rss, channel, title, item, title, link and description around what a test puts inside.
    private const int ElementsAround = 7;
    private const int DepthAround = 4;

    /// <summary>An RSS 2.0 feed of one item whose description holds the markup <paramref name="inside"/> writes.</summary>
    private static byte[] RssWith(Action<StringBuilder> inside)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Deep</title>""")
            .Append("<item><title>The story</title><link>https://deep.example.org/story</link><description>");
        inside(xml);
        return Encoding.UTF8.GetBytes(xml.Append("</description></item></channel></rss>").ToString());
    }

    private static byte[] Nested(int levels) => RssWith(xml =>
    {
        xml.Insert(xml.Length, "<div>", levels).Append("deep text");
        xml.Insert(xml.Length, "</div>", levels);
    });

    private static byte[] Empties(int count) => RssWith(xml => xml.Insert(xml.Length, "<br/>", count));

    private static FeedFormatException Refused(byte[] body)
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(body, FeedUrl));
        Assert.Contains(FeedUrl.ToString(), error.Message, StringComparison.Ordinal);
        return error;
    }

    /// <summary><paramref name="body"/> broken off before its last <paramref name="bytes"/> bytes: no longer well-formed.</summary>
    private static byte[] BrokenOff(byte[] body, int bytes = 20) => body[..^bytes];

    private static string TooDeep => $"nests elements more than {FeedLimits.MaxDepth} deep; no real feed does, so it was not read";

    private static string TooMany => string.Create(CultureInfo.InvariantCulture, $"has more than {FeedLimits.MaxElements:N0} elements");

    [Theory]
    [InlineData(100_000)] // 700 KB
    [InlineData(1_000_000)] // 7 MB
    public void A_feed_nested_far_past_the_depth_limit_is_refused(int levels)
    {
        var error = Refused(Nested(levels));

        Assert.Contains(TooDeep, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_of_a_million_empty_elements_is_refused()
    {
        var error = Refused(Empties(1_000_000));

        Assert.Contains(TooMany, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_to_the_limit_is_read_and_one_level_more_is_refused()
    {
        var atLimit = FeedParser.Parse(Nested(FeedLimits.MaxDepth - DepthAround), FeedUrl);
        Assert.Equal("deep text", atLimit.Entries.Single().ContentHtml);

        Assert.Contains(TooDeep, Refused(Nested(FeedLimits.MaxDepth - DepthAround + 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Elements_up_to_the_limit_are_read_and_one_more_is_refused()
    {
        var atLimit = FeedParser.Parse(Empties(FeedLimits.MaxElements - ElementsAround), FeedUrl);
        Assert.Equal("https://deep.example.org/story", atLimit.Entries.Single().Link.AbsoluteUri);

        Assert.Contains(TooMany, Refused(Empties(FeedLimits.MaxElements - ElementsAround + 1)).Message, StringComparison.Ordinal);
    }

    /// <summary>A JSON Feed with no items and one more member whose value <paramref name="inside"/> writes.</summary>
    private static byte[] JsonFeedWith(Action<StringBuilder> inside)
    {
        var json = new StringBuilder("""{"version": "https://jsonfeed.org/version/1.1", "items": [], "extra": """);
        inside(json);
        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }

    [Fact]
    public void A_json_feed_nested_past_the_depth_limit_is_refused_with_the_limit_named()
    {
        const int levels = 1_000_000;
        var error = Refused(JsonFeedWith(json => json.Insert(json.Length, "[", levels).Insert(json.Length, "]", levels)));

        Assert.Contains($"nests objects and arrays more than {FeedLimits.MaxDepth} deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_feed_of_more_values_than_the_limit_is_refused_with_the_limit_named()
    {
        var error = Refused(JsonFeedWith(json => json.Append('[').Insert(json.Length, "0,", FeedLimits.MaxElements).Append("0]")));

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"has more than {FeedLimits.MaxElements:N0} values"), error.Message, StringComparison.Ordinal);
    }

    // A hostile feed is refused where it crosses a limit, not once it has been read to its end: one
    // broken off after that point is refused for the limit, not as broken XML or JSON. The work a
    // refusal costs is therefore bounded by the limit, whatever the size of the document.
    public static TheoryData<string, byte[], string> RefusedAtTheLimit() => new()
    {
        { "nested", BrokenOff(Nested(1_000_000)), TooDeep },
        { "empty elements", BrokenOff(Empties(1_000_000)), TooMany },
        { "JSON nested", BrokenOff(JsonFeedWith(json => json.Insert(json.Length, "[", 1_000_000).Insert(json.Length, "]", 1_000_000))),
            $"nests objects and arrays more than {FeedLimits.MaxDepth} deep" },
        { "JSON values", BrokenOff(JsonFeedWith(json => json.Append('[').Insert(json.Length, "0,", 4 * FeedLimits.MaxElements).Append("0]"))),
            string.Create(CultureInfo.InvariantCulture, $"has more than {FeedLimits.MaxElements:N0} values") },
        // The same break in a feed within the limits is found: the cases above would show it if read.
        { "XML within the limits", BrokenOff(Nested(10)), "is not well-formed XML" },
        { "JSON within the limits", BrokenOff(JsonFeedWith(json => json.Insert(json.Length, "[0,", 10).Insert(json.Length, "0]", 10))), "is not valid JSON" },
    };

    [Theory]
    // Not enumerated at discovery: the cases are megabytes each, which the runner would otherwise copy into every test case.
    [MemberData(nameof(RefusedAtTheLimit), DisableDiscoveryEnumeration = true)]
    public void A_broken_off_feed_is_refused_for_what_comes_first_a_limit_before_the_broken_end(string shape, byte[] body, string limit)
    {
        var error = Refused(body);

        Assert.True(error.Message.Contains(limit, StringComparison.Ordinal), $"{shape}: {error.Message}");
    }

    [Fact]
    public void Xhtml_content_nested_forty_levels_deep_is_read()
    {
        var feed = FeedParser.Parse(FeedFixture.Bytes("atom-deep-xhtml.xml"), new Uri("https://longreads.example.org/atom"));

        var content = feed.Entries.Single().ContentHtml;
        Assert.NotNull(content);
        Assert.Contains("<p>At the bottom of it all, <em>the tide <b>still turns</b></em>.</p>", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_split_by_a_quarter_of_a_million_comments_is_read_whole()
    {
        const int pieces = 250_000; // 2 MB; before its pieces were joined this took most of a minute
        var body = RssWith(xml => xml.Insert(xml.Length, "w<!-- -->", pieces));

        var feed = FeedParser.Parse(body, FeedUrl);

        Assert.Equal(new string('w', pieces), feed.Entries.Single().ContentHtml);
    }

    [Fact]
    public void Unclosed_CDATA_sections_are_reported_as_broken_XML()
    {
        // Ill-formed, so the markup repair runs over the whole text before the feed is refused.
        var error = Refused(RssWith(xml => xml.Insert(xml.Length, "<![CDATA[", 200_000)));

        Assert.Contains("is not well-formed XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_pass_stops_the_parse()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => FeedParser.Parse(FeedFixture.Bytes("rss20-news.xml"), FeedUrl, cancelled.Token));
    }
}
