using System.Text;
using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

/// <summary>
/// JSON Feed detection and limits; its entries and rejections are rows of <see cref="FeedParserTests"/>'s tables,
/// beside RSS and Atom.
/// </summary>
public class JsonFeedTests
{
    private const string Journal = "https://feeds.example.net/journal.json";
    private const string Valley = "https://valley.example.org/feed.json";

    [Fact]
    public void Detected_by_content_whatever_surrounds_it_a_byte_order_mark_and_white_space_included()
    {
        var json = "\uFEFF\r\n  " + FeedFixture.Text("jsonfeed-1.0.json");
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(json), new Uri(Valley));
        Assert.Equal(2, feed.Entries.Count);
    }

    [Fact]
    public void A_document_nested_past_the_limit_is_refused_with_the_limit_named()
    {
        var depth = FeedLimits.MaxDepth + 10;
        var body = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [], \"x\": "
            + string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth)) + "}";
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(body), new Uri(Journal)));
        Assert.Contains($"more than {FeedLimits.MaxDepth} deep", error.Message);
    }

    [Fact]
    public void A_document_of_more_values_than_any_real_feed_is_refused_with_the_limit_named()
    {
        var body = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": ["
            + string.Join(',', Enumerable.Repeat("{}", FeedLimits.MaxElements)) + "]}";
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(body), new Uri(Journal)));
        Assert.Contains("values, far more than any real feed", error.Message);
    }
}
