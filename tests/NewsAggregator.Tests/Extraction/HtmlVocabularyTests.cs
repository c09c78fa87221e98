using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

public class HtmlVocabularyTests
{
    [Fact]
    public void The_white_space_list_is_every_character_the_runtime_calls_white_space()
    {
        var runtime = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace);

        Assert.Equal(runtime.Order(), HtmlVocabulary.WhiteSpace.Order());
    }

    [Theory]
    [InlineData("word", 4, 4)]
    [InlineData("two words", 3, 3)]
    [InlineData("non\u00A0breaking", 3, 3)]
    [InlineData("soft\u00ADhyphen", 4, 4)]
    [InlineData("zero\u200Bwidth", 4, 4)]
    [InlineData("line\nbreak", 4, 4)]
    [InlineData("", 0, 0)]
    [InlineData(" lead", 0, 0)]
    [InlineData("a<b & c>d", 3, 1)]
    [InlineData("AT&T", 4, 2)]
    [InlineData("x>y", 3, 1)]
    public void A_plain_run_ends_at_white_space_or_an_invisible_character_and_in_html_where_html_must_escape(string text, int plain, int plainHtml)
    {
        Assert.Equal(plain, HtmlVocabulary.PlainRun(text));
        Assert.Equal(plainHtml, HtmlVocabulary.PlainHtmlRun(text));
    }

    [Theory]
    [InlineData("<a name=\"comments\"></a>", true)]
    [InlineData("<a name=\" Comment \"></a>", true)]
    [InlineData("<a id=\"comments\"></a>", true)]
    [InlineData("<a href=\"#comments\" name=\"comments\">Comments</a>", false)] // a link to them, not where they begin
    [InlineData("<a name=\"comments-policy\"></a>", false)]
    [InlineData("<a name=\"topcomment\"></a>", true)] // Slash's, over the thread
    [InlineData("<a name=\"commentsTop\"></a>", true)]
    [InlineData("<a name=\"article_comments\"></a>", true)]
    [InlineData("<a name=\"comment660732\"></a>", false)] // one comment's own anchor
    [InlineData("<a name=\"top\"></a>", false)]
    [InlineData("<span id=\"comments\"></span>", false)]
    public void Readers_comments_begin_at_an_anchor_named_for_them(string html, bool anchor)
    {
        var element = PageParser.Parse("<body>" + html + "</body>").Body!.FirstElementChild!;

        Assert.Equal(anchor, HtmlVocabulary.IsCommentsAnchor(element));
    }
}
