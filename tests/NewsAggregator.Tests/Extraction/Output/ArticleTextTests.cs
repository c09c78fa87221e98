using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

public class ArticleTextTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("<p>  folded \n\t  whitespace&nbsp; here </p>", "folded whitespace here")]
    [InlineData("<h2>Heading</h2><ul><li>first</li><li>second</li></ul>", "Heading\n\nfirst\n\nsecond")]
    [InlineData("line one<br>line two", "line one\nline two")]
    [InlineData("para one<br><br>para two", "para one\n\npara two")]
    [InlineData("<blockquote>quoted</blockquote>after", "quoted\n\nafter")]
    [InlineData("<p>a <b>bold</b> and <a href='#'>link</a>.</p>", "a bold and link.")]
    [InlineData("<table><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></table>", "A 1\n\nB 2")]
    [InlineData("<p>kept</p><script>var x = 1;</script><style>p{}</style>", "kept")]
    [InlineData("Tom &amp; Jerry &lt;3", "Tom & Jerry <3")]
    [InlineData("soft\u00ADhyphen and zero\u200Bwidth", "softhyphen and zerowidth")]
    [InlineData("شب\u200Cها و \u200C روزها\u200C", "شب\u200Cها و روزها")]
    [InlineData("", "")]
    public void Fragment_keeps_block_structure_as_blank_lines(string html, string expected)
    {
        Assert.Equal(expected, ArticleText.FromHtmlFragment(html));
    }

    [Fact]
    public void Preformatted_text_keeps_its_lines()
    {
        Assert.Equal("let x = 1;\nlet y = 2;", ArticleText.FromHtmlFragment("<pre>let x = 1;\nlet y = 2;</pre>"));
    }
}
