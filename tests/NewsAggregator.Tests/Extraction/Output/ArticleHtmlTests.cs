using AngleSharp.Html.Parser;
using NewsAggregator.Benchmarks.Quality;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>
/// The sanitised HTML stored beside the text: only allow-listed elements and attributes, the
/// same article as the text, links and images absolute. Cases are fixture pages with the HTML
/// expected of them (Fixtures/Extraction/Html/NAME.html and NAME.expected.html).
/// </summary>
public class ArticleHtmlTests
{
    private static readonly Uri PageUrl = new("https://news.example/world/2024/05/river-report.html");

    private static readonly HashSet<string> AllowedElements =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption",
        "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "hr", "a", "em", "i", "strong", "b", "u", "s", "del", "ins",
        "sub", "sup", "small", "mark", "code", "kbd", "samp", "var", "q", "cite", "abbr", "time", "br", "img",
    ];

    private static readonly HashSet<string> AllowedAttributes = ["href", "src", "alt", "colspan", "rowspan", "start", "datetime", "title"];

    private readonly ArticleExtractor _extractor = new();

    [Theory]
    [InlineData("unsafe-markup")]
    [InlineData("layout-wrappers")]
    [InlineData("images")] // lazy-loading images by their real address (a placeholder named like a pixel does not make them one); spacers by their file name and beacons by their address go, and the table that held only them
    [InlineData("furniture-inside-the-article")]
    [InlineData("page-inside-a-form")] // part of the article inside a <form> (ASP.NET pages wrap whole pages in one): the HTML keeps its text as the text does, the controls go
    [InlineData("blocks-inside-list-items")] // a list item holding two <div>s and a paragraph split by two <br>s: two paragraphs in the text, so two in the HTML (they ran together there)
    [InlineData("empty-paragraph-in-a-cell")] // <p><div>: the parser leaves an empty <p> before each <div>; its edge ends the text's paragraph, so the HTML's too (the table of one cell around them lays out, and goes)
    [InlineData("breaks-before-dropped-lines")] // a paragraph's lines after two <br>s are another block, a list the filter drops (its links go nowhere safe, so only their text was to be written): the breaks before it go too, and no block ends in <br>
    [InlineData("layout-tables")] // tables that lay out rather than hold data (one cell, one row, one column, marked as presentation, one column beside a column of spacer images) lose their rows and cells and keep their content as paragraphs; a table of data stays
    [InlineData("layout-table-spacers")] // an old layout's spacer rows, a table or a quotation holding only a rule, a table of empty cells: all go; a data table's empty cell stays, keeping its row's columns; of the rules, only one between paragraphs stays (none first or last, none right after another)
    [InlineData("tool-lines-inside-posts")] // an old blog's posts, each one paragraph split by <br>, with lines of page tools ("Posted by … | Permalink | Comments (3)", "read on >>") among their lines: the lines go from the HTML with the <br> that set them apart, and a lone "Category:" label stays
    [InlineData("data-table-without-its-link-column")] // a data table whose last column held only links the filter took (the groups' sites): the column of empty cells goes, header and all; a cell empty in one row of a column that shows something elsewhere stays
    public void Html_is_the_article_from_the_allow_list(string name)
    {
        var article = _extractor.Extract(ExtractionFixtures.Text("Html", name + ".html"), PageUrl);

        Assert.Equal(ExtractionFixtures.Expected("Html", name + ".expected.html"), article.Html);
        AssertOnlyAllowedMarkup(article.Html);
    }

    /// <summary>
    /// The text and the HTML are written from one list of blocks: the HTML read back as text is
    /// the text itself, character for character, paragraph breaks included.
    /// </summary>
    [Theory]
    [InlineData("Html", "unsafe-markup")]
    [InlineData("Html", "layout-wrappers")]
    [InlineData("Html", "images")]
    [InlineData("Html", "furniture-inside-the-article")]
    [InlineData("Html", "page-inside-a-form")]
    [InlineData("Html", "blocks-inside-list-items")] // the blocks of a list item ran together in the HTML ("asked:When will...")
    [InlineData("Html", "empty-paragraph-in-a-cell")] // an empty <p> left out of the HTML took the break before the next paragraph with it ("river deskWater levels")
    [InlineData("Html", "layout-table-spacers")]
    [InlineData("Html", "layout-tables")]
    [InlineData("Html", "data-table-without-its-link-column")]
    [InlineData("Html", "breaks-before-dropped-lines")] // a row's edge ends a paragraph and a cell's is a space, in the HTML as in the text
    [InlineData("Html", "tool-lines-inside-posts")] // the tool lines go from the text and the HTML alike, and the lines around them stay one <br> apart
    [InlineData("Body", "page-inside-one-link")]
    [InlineData("Body", "comments-under-a-count-heading")]
    public void The_html_read_as_text_is_the_text(string folder, string name)
    {
        var article = _extractor.Extract(ExtractionFixtures.Text(folder, name + ".html"), PageUrl);

        Assert.NotEqual("", article.Text);
        Assert.Equal(article.Text, ArticleText.FromHtmlFragment(article.Html));
    }

    [Fact]
    public void Without_a_page_url_relative_links_and_images_lose_their_address_but_keep_their_text()
    {
        var article = _extractor.Extract(ExtractionFixtures.Text("Html", "images.html"), pageUrl: null);

        Assert.DoesNotContain("src=\"/", article.Html);
        Assert.Contains("<img src=\"https://images.example/2024/river-wide.jpg\" alt=\"The river at dawn\">", article.Html);
    }

    [Fact]
    public void A_page_without_an_article_has_no_html()
    {
        var article = _extractor.Extract(ExtractionFixtures.Text("Robustness", "section-front.html"), PageUrl);

        Assert.Equal("", article.Html);
    }

    [Fact]
    public void Text_taken_from_json_ld_becomes_paragraphs_of_escaped_text()
    {
        Assert.Equal("<p>Tom &amp; Jerry &lt;3<br>second line</p>\n<p>Next</p>", ArticleHtml.FromText("Tom & Jerry <3\nsecond line\n\nNext"));
    }

    [Fact]
    public void A_feed_entry_content_is_sanitised_too()
    {
        var (text, html) = ArticleText.FromFeedContent(
            "<p onclick=\"x()\">Feed <a href=\"/more\">text</a></p><script>alert(1)</script><img src=\"https://pixel.example/p.gif\" width=\"1\" height=\"1\">",
            new Uri("https://feed.example/story"));

        Assert.Equal("Feed text", text);
        Assert.Equal("<p>Feed <a href=\"https://feed.example/more\">text</a></p>", html);
    }

    /// <summary>
    /// Over every page of the shared evaluation set: the HTML holds nothing outside the allow-list,
    /// and its text is the extracted text, word for word (scored as the benchmark scores).
    /// </summary>
    [Fact]
    public void On_every_evaluation_page_the_html_is_safe_and_carries_the_text()
    {
        var folder = EvaluationSet.Locate();
        var pages = EvaluationSet.Load(folder);

        var agreement = new double[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            var article = _extractor.Extract(pages[i].Html, pages[i].Url);
            AssertOnlyAllowedMarkup(article.Html);
            var score = ExtractionScore.Page(article.Text, ArticleText.FromHtmlFragment(article.Html));
            agreement[i] = score.Precision + score.Recall == 0 ? 0 : 2 * score.Precision * score.Recall / (score.Precision + score.Recall);
        });

        var worst = string.Join("; ", agreement.Select((a, i) => (a, i)).OrderBy(x => x.a).Take(8).Select(x => $"{x.a:F3} {pages[x.i].Id[..8]} {pages[x.i].Url}"));
        Assert.True(agreement.Min() >= 0.9999, $"lowest agreement: {worst}");
    }

    private static void AssertOnlyAllowedMarkup(string html)
    {
        var body = new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, AllowedElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, AllowedAttributes);
                if (attribute.Name is "href" or "src")
                {
                    Assert.Matches("^(https?://|mailto:)", attribute.Value);
                }
            }
        }
    }
}
