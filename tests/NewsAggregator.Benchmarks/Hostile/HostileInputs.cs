using System.Net;
using System.Text;

namespace NewsAggregator.Benchmarks.Hostile;

/// <summary>
/// The hostile documents the unit tests check the outcome of (tests/NewsAggregator.Tests: Feeds/FeedLimitsTests,
/// Feeds/EntryTextLimitsTests, Extraction/Decoding/PageDecoderTests, Extraction/RobustnessTests,
/// Dedup/SyndicationWrapperTests), built again here to be timed: the benchmarks do not reference the tests.
/// </summary>
internal static class HostileInputs
{
    public const int Megabyte = 1 << 20;

    /// <summary><paramref name="unit"/> repeated to at least <paramref name="length"/> characters, between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static string Repeated(string unit, int length = Megabyte, string before = "", string after = "") =>
        before + string.Concat(Enumerable.Repeat(unit, (length + unit.Length - 1) / unit.Length)) + after;

    /// <summary>An RSS 2.0 feed of one item whose description is <paramref name="description"/> (markup, not escaped).</summary>
    public static byte[] RssDescribedBy(string description) => Encoding.UTF8.GetBytes(
        """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Deep</title>""" +
        $"<item><title>The story</title><link>https://deep.example.org/story</link><description>{description}</description></item></channel></rss>");

    public static byte[] NestedRss(int levels) => RssDescribedBy(Repeated("<div>", levels * 5) + "deep text" + Repeated("</div>", levels * 6));

    /// <summary>A JSON Feed with no items and one more member whose value is <paramref name="extra"/>.</summary>
    public static byte[] JsonFeedWith(string extra) =>
        Encoding.UTF8.GetBytes($$"""{"version": "https://jsonfeed.org/version/1.1", "items": [], "extra": {{extra}}}""");

    /// <summary>An RSS 2.0 feed of one item with <paramref name="fields"/> (markup), titled <paramref name="channelTitle"/>.</summary>
    public static byte[] RssItemWith(string fields, string channelTitle = "Hostile") => Encoding.UTF8.GetBytes(
        """<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>""" +
        $"<title>{channelTitle}</title><item><link>https://hostile.example.org/story</link>{fields}</item></channel></rss>");

    /// <summary>Escaped as XML text: what the entry reader gets is the hostile text itself.</summary>
    public static string Xml(string text) => WebUtility.HtmlEncode(text);
}
