using NewsAggregator.Extraction;
using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Extraction.Decoding;

public class PageParserTests
{
    private const int Depth = PageLimits.MaxDepth * 3;

    // Markup nested far past the cap, and a page that goes on after it: the parser's cost grows with
    // the square of the depth, so every reader of a page (not only the extractor) gets it flattened.
    private static readonly string DeepPage =
        "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/world/rss.xml\"></head><body>" +
        string.Concat(Enumerable.Repeat("<div>", Depth)) + "<span>deep</span>" + string.Concat(Enumerable.Repeat("</div>", Depth)) +
        "<h2><a href=\"/world/2024/03/05/flood-defences-hold-lower-saxony\">Flood defences hold as river peaks</a></h2>" +
        "</body></html>";

    private static readonly Uri PageUrl = new("https://www.dailyledger.example/world/");

    [Fact]
    public void Every_parsed_page_is_held_to_the_depth_cap()
    {
        var document = PageParser.Parse(DeepPage);

        // The divs past the cap and the span below them lost their tags and kept their text.
        Assert.Equal(PageLimits.MaxDepth, document.QuerySelectorAll("div").Length);
        Assert.Null(document.QuerySelector("span"));
        Assert.Contains("deep", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_after_markup_nested_past_the_cap_are_found_on_a_section_page()
    {
        var links = SectionPageLinks.Find(DeepPage, PageUrl, linkSelector: null);

        var link = Assert.Single(links);
        Assert.Equal("https://www.dailyledger.example/world/2024/03/05/flood-defences-hold-lower-saxony", link.Link.AbsoluteUri);
    }

    [Fact]
    public void Feeds_of_a_page_nested_past_the_cap_are_found()
    {
        var feed = Assert.Single(FeedDiscovery.Find(DeepPage, PageUrl).Feeds);

        Assert.Equal("https://www.dailyledger.example/world/rss.xml", feed.Url.AbsoluteUri);
    }
}
