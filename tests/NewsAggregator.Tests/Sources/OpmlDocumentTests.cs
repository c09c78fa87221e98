using NewsAggregator.Sources;

namespace NewsAggregator.Tests.Sources;

/// <summary>A reader's export and the subscriptions it must give: "url | title | category" per feed.</summary>
public sealed record OpmlExport(string Fixture, params string[] Feeds)
{
    public override string ToString() => Fixture;
}

/// <summary>A file that is not a subscription list, and what the one line about it must say.</summary>
public sealed record NotOpml(string Fixture, string Problem)
{
    public override string ToString() => Fixture;
}

public class OpmlDocumentTests
{
    public static TheoryData<OpmlExport> Exports() => new()
    {
        new("feedly-nested.opml",
            "https://feeds.bbci.co.uk/news/world/rss.xml | BBC News - World | News",
            // title wins over text
            "https://rss.dw.com/rdf/rss-en-all | Deutsche Welle | News/Europe",
            // text when there is no title
            "https://www.france24.com/en/europe/rss | France 24 | News/Europe",
            "https://www.theregister.com/headlines.atom | The Register | Tech",
            "https://blog.example.org/feed/ | Unfiled blog | "),
        // No type attributes, xmlURL in capitals, ISO-8859-1, a type="link" outline that is no feed.
        new("opml1-no-type.opml",
            "https://rss.sueddeutsche.de/rss/Topthemen | Süddeutsche | Zeitungen",
            "https://www.tagesschau.de/xml/rss2/ | Tagesschau | Zeitungen",
            "http://rss.slashdot.org/Slashdot/slashdotMain | Slashdot | "),
        // Folder names are tidied into a valid category rather than lost; an untitled folder adds no level.
        new("untidy-folders.opml",
            "https://ai.example/feed.xml | Model news | Tech/AI",
            "https://council.example/rss | Council | Local news"),
        // Duplicates and bad addresses are the merge's to judge: the reader hands every feed on as written.
        new("duplicates.opml",
            "https://feeds.npr.org/1001/rss.xml | NPR News | World",
            "https://www.theguardian.com/world/rss | The Guardian | World",
            "https://FEEDS.npr.org/1001/rss.xml?utm_source=reader#top | NPR again | Again",
            " | No address | ",
            "file:///etc/passwd | Local file | ",
            "feeds dot example | Not a URL | "),
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public void Every_feed_is_read_with_its_title_and_folders(OpmlExport export)
    {
        var feeds = OpmlDocument.Load(FixturePath.Of("Opml", export.Fixture));

        Assert.Equal(export.Feeds, feeds.Select(f => $"{f.FeedUrl} | {f.Title} | {f.Category}"));
    }

    public static TheoryData<NotOpml> NotOpmlFiles() => new()
    {
        new("not-xml.opml", "not an OPML file: not well-formed XML at line 1, position 1: Data at the root level is invalid"),
        new("not-opml.xml", "not an OPML file: the root element is <rss>, expected <opml>"),
        new("no-body.opml", "not an OPML file: <opml> has no <body>"),
        new("truncated.opml", "not an OPML file: not well-formed XML at line 3"),
        // Entities are how XXE and "billion laughs" come in: a DTD is refused, never expanded.
        new("with-dtd.opml", "DTD is prohibited"),
    };

    [Theory]
    [MemberData(nameof(NotOpmlFiles))]
    public void A_file_that_is_not_opml_is_one_line_naming_it_and_the_problem(NotOpml bad)
    {
        var path = FixturePath.Of("Opml", bad.Fixture);

        var error = Assert.Throws<OpmlFormatException>(() => OpmlDocument.Load(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(bad.Problem, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Outlines_inside_elements_that_are_not_outlines_are_still_read()
    {
        using var stream = new MemoryStream("""
            <opml version="2.0"><body>
              <group><outline text="Inside a wrapper" xmlUrl="https://a.example/feed"/></group>
              <outline text="News"><x:meta xmlns:x="urn:x"><outline text="Deeper" xmlUrl="https://b.example/feed"/></x:meta></outline>
              <outline text="After" xmlUrl="https://c.example/feed"/>
            </body></opml>
            """u8.ToArray());

        var feeds = OpmlDocument.Read(stream, "wrapped.opml");

        Assert.Equal(
            ["https://a.example/feed | ", "https://b.example/feed | News", "https://c.example/feed | "],
            feeds.Select(f => $"{f.FeedUrl} | {f.Category}"));
    }

    [Fact]
    public void Outlines_nested_past_the_cap_are_refused()
    {
        var nested = string.Concat(Enumerable.Repeat("<outline text=\"f\">", OpmlDocument.MaxDepth + 1))
                     + string.Concat(Enumerable.Repeat("</outline>", OpmlDocument.MaxDepth + 1));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"<opml version=\"2.0\"><body>{nested}</body></opml>"));

        var error = Assert.Throws<OpmlFormatException>(() => OpmlDocument.Read(stream, "deep.opml"));

        Assert.Contains("nested more than 64 deep", error.Message);
    }

    [Fact]
    public void Export_is_opml_2_of_the_feed_sources_in_folders_by_category_and_reads_back_the_same()
    {
        var sources = SourcesFile.Load(FixturePath.Of("Opml", "categorised-sources.json"));

        var opml = OpmlDocument.Write(sources, "NewsAggregator sources");

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\">", opml);
        Assert.Contains("""<outline text="Europe" title="Europe">""", opml);
        Assert.DoesNotContain("city-desk", opml);
        Assert.DoesNotContain("example.org/city/", opml);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(opml));
        var feeds = OpmlDocument.Read(stream, "exported.opml");
        // Folders in the order their first source comes; an uncategorised feed stays at the top level.
        Assert.Equal(
            [
                "https://example.org/wire.xml | Wire: top news | ",
                "https://news.example/world.rss | Die Welt & \"Co\" | News",
                "https://news.example/eu.rss | Europe desk | News/Europe",
                "https://news.example/fr.rss | France | News/Europe",
                "https://tech.example/feed | Tech | Tech",
            ],
            feeds.Select(f => $"{f.FeedUrl} | {f.Title} | {f.Category}"));
    }
}
