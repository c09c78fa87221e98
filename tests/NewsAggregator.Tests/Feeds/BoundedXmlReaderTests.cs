using System.Text;
using System.Xml;
using System.Xml.Linq;
using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

public class BoundedXmlReaderTests
{
    private static readonly Uri FeedUrl = new("https://reader.example.org/rss");

    private static readonly XmlReaderSettings SkippingComments = new()
    {
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static BoundedXmlReader Over(string xml, CancellationToken cancellationToken = default) =>
        new(XmlReader.Create(new StringReader(xml), SkippingComments), FeedUrl, cancellationToken);

    private static List<(XmlNodeType Type, string Name, string Value, int Depth)> Nodes(XmlReader reader)
    {
        var nodes = new List<(XmlNodeType, string, string, int)>();
        while (reader.Read())
        {
            nodes.Add((reader.NodeType, reader.LocalName, reader.Value, reader.Depth));
        }
        return nodes;
    }

    [Fact]
    public void Text_around_skipped_comments_and_instructions_is_one_node()
    {
        using var reader = Over("<t>one <!-- a -->two<?pi x?> three<b/>four</t>");

        Assert.Equal(
        [
            (XmlNodeType.Element, "t", "", 0),
            (XmlNodeType.Text, "", "one two three", 1),
            (XmlNodeType.Element, "b", "", 1),
            (XmlNodeType.Text, "", "four", 1),
            (XmlNodeType.EndElement, "t", "", 0),
        ], Nodes(reader));
        Assert.True(reader.EOF);
    }

    [Fact]
    public void White_space_followed_by_words_is_text()
    {
        using var reader = Over("<t>  <!-- a -->words</t>");

        Assert.Contains((XmlNodeType.Text, "", "  words", 1), Nodes(reader));
    }

    [Fact]
    public void The_tree_built_through_it_is_the_tree_of_the_document()
    {
        const string xml = """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
              <title>A <!-- note -->title</title>
              <item><dc:creator>Ann</dc:creator><description><![CDATA[<p>x</p>]]></description><br/></item>
            </channel></rss>

            """;
        using var plain = XmlReader.Create(new StringReader(xml.Replace("<!-- note -->", "", StringComparison.Ordinal)), SkippingComments);
        using var bounded = Over(xml);

        Assert.Equal(XDocument.Load(plain).ToString(), XDocument.Load(bounded).ToString());
    }

    [Fact]
    public void A_cancelled_token_stops_the_read_within_a_check_interval()
    {
        var xml = new StringBuilder("<rss>").Insert(5, "<i>x</i>", 10 * FeedLimits.NodesPerCancellationCheck).Append("</rss>").ToString();
        using var pass = new CancellationTokenSource();
        using var reader = Over(xml, pass.Token);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(reader.Read());
        }

        pass.Cancel();

        var readAfterCancel = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            while (reader.Read())
            {
                readAfterCancel++;
            }
        });
        Assert.InRange(readAfterCancel, 0, FeedLimits.NodesPerCancellationCheck);
    }
}
