using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>
/// The two shared sample pages rebuilt as the HTML a browser got: the extracted text must be
/// exactly the article's paragraphs, with menus, cookie banner, share bar, captions, photo
/// credit, author box, related and trending lists and footer all left out.
/// </summary>
public class SamplePageTests
{
    [Theory]
    [InlineData("nato-kosovo-millennium")] // WordPress theme: state menu, author box, prev/next, related, numbered trending list
    [InlineData("kosovo-tensions-brief")] // in-article ad, photo credit closing the body, newsletter box, related and trending lists
    public void Text_is_exactly_the_article_paragraphs(string page)
    {
        var html = ExtractionFixtures.Text("Samples", page + ".html");

        var article = new ArticleExtractor().Extract(html, new Uri("https://news.example/" + page));

        Assert.Equal(ExtractionFixtures.Expected("Samples", page + ".expected.txt"), article.Text);
    }

    [Fact]
    public void Headline_goes_to_the_title_not_the_text()
    {
        var html = ExtractionFixtures.Text("Samples", "kosovo-tensions-brief.html");

        var article = new ArticleExtractor().Extract(html, null);

        Assert.Equal("NATO Chief Urges Kosovo to De-escalate After Clashes in Serb-Majority North", article.Title);
        Assert.Equal("Elena Marković", article.Byline);
        Assert.DoesNotContain("NATO Chief Urges", article.Text);
    }
}
