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

    // Web components' declarative shadow trees, composed as a browser shows them.
    [Theory]
    // the shadow tree in place of the host's children, which only its slots show
    [InlineData("<x-a><template shadowrootmode=open><p>shadow</p></template><b>light</b></x-a>", "<x-a><p>shadow</p></x-a>")]
    [InlineData("<x-a><template shadowrootmode=closed><p>a <slot></slot> c</p></template><b>b</b></x-a>", "<x-a><p>a <b>b</b> c</p></x-a>")]
    // a named slot takes the children of its name, the slot without a name the rest, in order
    [InlineData("<x-a><template shadowrootmode=open><h1><slot name=t></slot></h1><slot></slot></template><i>1</i><span slot=t>T</span><i>2</i></x-a>", "<x-a><h1><span slot=\"t\">T</span></h1><i>1</i><i>2</i></x-a>")]
    // a slot nobody is assigned to shows its fallback; a second slot of a name takes nothing
    [InlineData("<x-a><template shadowrootmode=open><p><slot name=by>Staff</slot></p><slot name=t></slot><slot name=t>again</slot></template><b slot=t>T</b></x-a>", "<x-a><p>Staff</p><b slot=\"t\">T</b>again</x-a>")]
    // a component inside a component's shadow tree, and inside a slotted child
    [InlineData("<x-a><template shadowrootmode=open><x-b><template shadowrootmode=open><p>inner</p></template></x-b><slot></slot></template><x-c><template shadowrootmode=open><p>slotted</p></template></x-c></x-a>", "<x-a><x-b><p>inner</p></x-b><x-c><p>slotted</p></x-c></x-a>")]
    // an ordinary template stays inert
    [InlineData("<x-a><template><p>inert</p></template></x-a>", "<x-a><template><p>inert</p></template></x-a>")]
    public void Declarative_shadow_trees_are_composed_into_their_hosts(string markup, string composed)
    {
        var document = PageParser.Parse("<html><body>" + markup + "</body></html>");

        Assert.Equal(composed, document.Body!.InnerHtml);
    }
}
