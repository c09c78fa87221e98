using AngleSharp.Dom;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

public class DomWalkTests
{
    private const string Page = """
        <html><body>
          <h1 id="site">Harbour Times</h1>
          <header><h1 id="headline">Ferry fares rise <span id="inside">again</span></h1></header>
          <p id="kicker">Transport</p>
          <div id="text"><h1 id="in-text">A heading in the text</h1><p id="first">The fares rose on Monday.</p></div>
          <aside><h1 id="after">Most read</h1></aside>
        </body></html>
        """;

    [Fact]
    public void Finds_the_elements_of_a_name_in_document_order()
    {
        var document = PageParser.Parse(Page);

        Assert.Equal(["site", "headline", "in-text", "after"], DomWalk.ElementsNamed(document, "h1").Select(e => e.Id));
    }

    [Theory]
    [InlineData("kicker", "site,headline")] // the elements before it
    [InlineData("kicker,first", "site,headline,in-text")] // before the last of them
    [InlineData("inside", "site,headline")] // and the one it stands in, which it follows too
    [InlineData("text", "site,headline")] // not what stands inside the last of them
    [InlineData("site", "")]
    public void Ends_at_the_last_of_the_elements_it_is_to_stop_before(string before, string expected)
    {
        var document = PageParser.Parse(Page);
        var marks = before.Split(',').Select(id => document.GetElementById(id)!).ToHashSet<IElement>(ReferenceEqualityComparer.Instance);

        var found = DomWalk.ElementsNamed(document, "h1", marks).Select(e => e.Id);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), found);
    }
}
