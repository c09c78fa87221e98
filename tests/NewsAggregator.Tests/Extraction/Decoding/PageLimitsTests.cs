using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsAggregator.Benchmarks.Quality;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>The caps cut or flatten only what no real page needs, leave out only what nothing reads, and leave markup the parser can read.</summary>
public class PageLimitsTests
{
    [Fact]
    public void No_page_of_the_evaluation_set_is_cut_or_flattened()
    {
        var parser = new HtmlParser();

        Assert.All(EvaluationSet.Load(EvaluationSet.Locate()), page =>
        {
            var whole = WithoutUnreadBodies(parser.ParseDocument(page.Html));
            var bounded = WithoutUnreadBodies(parser.ParseDocument(PageLimits.Bound(page.Html)));
            Assert.Equal(whole.All.Length, bounded.All.Length);
            Assert.Equal(whole.DocumentElement.OuterHtml, bounded.DocumentElement.OuterHtml);
        });
    }

    private static IHtmlDocument WithoutUnreadBodies(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll("style, script:not([type*='ld+json'])"))
        {
            element.TextContent = "";
        }
        foreach (var drawing in document.GetElementsByTagName("svg").ToList())
        {
            drawing.InnerHtml = "";
        }
        return document;
    }

    [Fact]
    public void Scripts_and_style_sheets_lose_their_bodies_and_JSON_LD_keeps_its()
    {
        const string html =
            "<html><head><style>p { color: red }</style><script>var t = '<p>not text</p>';</script>" +
            "<script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script></head>" +
            "<body><p>text</p><SCRIPT src=\"a.js\">f()</SCRIPT><script></script></body></html>";

        Assert.Equal(
            "<html><head><style></style><script></script>" +
            "<script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script></head>" +
            "<body><p>text</p><SCRIPT src=\"a.js\"></SCRIPT><script></script></body></html>",
            PageLimits.Bound(html));
    }

    [Theory]
    [InlineData("<p>Share <svg viewBox=\"0 0 24 24\"><title>Share</title><path d=\"M18 16.08c-.76 0-1.44.3\"/></svg> it</p>",
        "<p>Share <svg viewBox=\"0 0 24 24\"></svg> it</p>")]
    [InlineData("<SVG><g><circle r=\"4\"/></g></SVG><p>text</p>", "<SVG></SVG><p>text</p>")]
    [InlineData("<svg/><p>text</p><svg><path/></svg>", "<svg/><p>text</p><svg></svg>")] // written closed, no body
    // A drawing in a drawing: the first end tag is the inner one's, and the outer one's body goes on
    // after it, so the outer one is left to the parser and only the inner one's body goes.
    [InlineData("<svg><g><svg><circle r=\"4\"/></svg><text>Chart</text></g></svg>", "<svg><g><svg></svg><text>Chart</text></g></svg>")]
    public void A_drawings_body_is_left_out(string html, string bounded)
    {
        Assert.Equal(bounded, PageLimits.Bound(html));
    }

    [Theory]
    // Its end tag forgotten, the drawing ends where the story's paragraph begins, as a browser reads it.
    [InlineData("<svg><path d=\"M0 0\"/><p>The story goes on here.</p></svg>")]
    [InlineData("<svg><use href=\"#logo\"/></g><DIV class=\"article\">The story.</DIV></svg>")]
    [InlineData("<svg><path/>")] // no end tag at all
    public void A_drawing_whose_markup_ends_it_is_left_to_the_parser(string html)
    {
        Assert.Equal(html, PageLimits.Bound(html));
    }

    [Theory]
    [InlineData("<script><!-- document.write('<script src=\"ad.js\"></script>'); //--></script><p>text</p>")]
    [InlineData("<script><!-- document.write('<SCRIPT>x()</SCRIPT>') --></script><p>text</p>")]
    public void A_script_the_tokenizer_does_not_end_at_its_first_end_tag_is_left_to_the_parser(string html)
    {
        // Between "<!--" and a "<script" a script's "</script>" is its text (the double-escaped
        // state): cut there, the rest of the script would show as the page's text.
        Assert.Same(html, PageLimits.Bound(html));
    }

    [Fact]
    public void A_script_ends_only_at_an_end_tag_of_its_own_name()
    {
        const string html = "<script>var t = '</scripts>';</script ><p>text</p>";

        Assert.Equal("<script></script ><p>text</p>", PageLimits.Bound(html));
    }

    [Fact]
    public void A_page_over_the_element_cap_is_cut_before_the_first_tag_past_it()
    {
        var html = string.Concat(Enumerable.Repeat("<p>x</p>", PageLimits.MaxElements + 10));

        var bounded = PageLimits.Bound(html);

        Assert.Equal(string.Concat(Enumerable.Repeat("<p>x</p>", PageLimits.MaxElements)), bounded);
    }

    [Fact]
    public void A_cut_by_length_never_leaves_half_a_tag()
    {
        var html = new string('a', PageLimits.MaxChars - 3) + "<span class=\"x\">tail</span>";

        var bounded = PageLimits.Bound(html);

        Assert.Equal(new string('a', PageLimits.MaxChars - 3), bounded);
    }

    [Fact]
    public void Tags_inside_scripts_and_comments_do_not_count()
    {
        var script = "<script>var t = '" + string.Concat(Enumerable.Repeat("<div>", PageLimits.MaxElements + 1)) + "';</script>";
        var comment = "<!--" + string.Concat(Enumerable.Repeat("<div>", PageLimits.MaxElements + 1)) + "-->";
        var html = "<html><head>" + script + "</head><body>" + comment + "<p>text</p></body></html>";

        Assert.Equal("<html><head><script></script></head><body>" + comment + "<p>text</p></body></html>", PageLimits.Bound(html));
    }

    [Fact]
    public void A_script_ends_at_its_own_end_tag_in_any_case_and_the_tags_after_it_count()
    {
        // Other end tags inside the script are its text; its own, in capitals, ends it.
        var script = "<script>var t = '</div>" + string.Concat(Enumerable.Repeat("<div>", PageLimits.MaxElements + 1)) + "';</SCRIPT>";
        var html = "<html><head>" + script + "</head><body><p>text</p>" + string.Concat(Enumerable.Repeat("<b>x</b>", PageLimits.MaxElements + 1)) + "</body></html>";

        var bounded = PageLimits.Bound(html);

        Assert.StartsWith("<html><head><script></SCRIPT></head><body><p>text</p><b>x</b>", bounded, StringComparison.Ordinal);
        Assert.True(bounded.Length < html.Length, "the start tags after the script are counted, and the page is cut at the cap");
    }

    [Fact]
    public void Nesting_past_the_depth_cap_loses_its_tags_and_keeps_its_text()
    {
        const int depth = PageLimits.MaxDepth + 500;
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", depth)) + "<p>after</p>";

        var bounded = PageLimits.Bound(html);

        var expected = string.Concat(Enumerable.Repeat("<div>", PageLimits.MaxDepth)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", PageLimits.MaxDepth)) + "<p>after</p>";
        Assert.Equal(expected, bounded);
    }

    [Fact]
    public void Unclosed_paragraphs_and_list_items_do_not_count_as_nesting()
    {
        var html = "<div>" + string.Concat(Enumerable.Repeat("<p>one<li>two<br>", PageLimits.MaxDepth + 10)) + "</div>";

        Assert.Same(html, PageLimits.Bound(html));
    }
}
