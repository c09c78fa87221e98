using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

public class SectionPageLinksTests
{
    private const string WorldPage = "https://www.dailyledger.example/world/";
    private const string LegacyPage = "http://gazette.example.net/news/index.php";
    private const string TeaserPage = "https://www.nordkurier-beispiel.example/regionales/";
    private const string AdlamPage = "https://kabaruujifuuta.example/";

    private static IReadOnlyList<FeedEntry> Find(string fixture, string pageUrl, string? selector) =>
        SectionPageLinks.Find(FeedFixture.Text(fixture), new Uri(pageUrl), selector);

    // Each expected line is "URL | title", the title "-" when the link shows no headline.
    public static TheoryData<string, string, string, string?, string[]> Pages() => new()
    {
        {
            "Heuristics on a modern front page: stories from breaking bar, cards and river; not nav, header, " +
            "tags, authors, sections, pagination, sidebar, footer, other sites, shop subdomain or media files",
            "section-world.html", WorldPage, null,
            [
                "https://www.dailyledger.example/world/2024/03/05/live-flood-updates-lower-saxony-weser | Live: flood updates as the Weser peaks in Lower Saxony",
                "https://www.dailyledger.example/world/2024/03/05/flood-defences-hold-lower-saxony | Flood defences hold as river peaks in Lower Saxony",
                "https://www.dailyledger.example/business/2024/03/05/markets-rally-inflation-cools?utm_source=homepage&utm_medium=web | Markets rally as inflation cools and rates hold",
                "https://www.dailyledger.example/world/ceasefire-talks-resume-in-cairo-884150 | Ceasefire talks resume in Cairo as delegations arrive",
                "https://news.dailyledger.example/world-europe-68475839 | Dutch farmers block motorways over nitrogen rules",
                "https://www.dailyledger.example/science/comet-returns | Comet returns after 71 years",
                "https://www.dailyledger.example/world/wildfire-season-spain.html | -",
                "http://dailyledger.example/culture/2024/mar/04/museum-returns-looted-benin-bronzes | Museum returns looted Benin bronzes",
                "https://www.dailyledger.example/opinion/2024/03/05/the-case-for-slower-news | The case for slower news, by Ruth Adeyemi",
                "https://www.dailyledger.example/opinion/letters/2024/03/04/readers-on-the-housing-bill | Readers on the housing bill",
                "https://www.dailyledger.example/world/asia/typhoon-season-forecast-2024-pacific | Typhoon season forecast: a busy year for the Pacific",
            ]
        },
        {
            "Heuristics on a table layout without semantic elements: <base href>, script pages with ids, a menu cell and footer left out",
            "section-legacy.html", LegacyPage, null,
            [
                "http://gazette.example.net/news/story.php?id=4521&utm_source=frontpage | Ferry timetable changes from April",
                "http://gazette.example.net/news/story.php?id=4519 | Fish market reopens after roof repairs",
                "http://gazette.example.net/news/fish-market-reopens-gallery.html | Pictures: the fish market's first morning",
            ]
        },
        {
            "Heuristics on teaser markup: long slugs pass; a short slug whose link says only \"mehr\" does not",
            "section-custom-markup.html", TeaserPage, null,
            [
                "https://www.nordkurier-beispiel.example/regionales/neubrandenburg/stadtwerke-erhoehen-preise-a1c2e3 | Neubrandenburg Stadtwerke erhöhen die Preise",
                "https://www.nordkurier-beispiel.example/regionales/waren/radweg-am-see-freigegeben-b7d8f9 | Radweg am See freigegeben",
            ]
        },
        {
            "Headlines in a script beyond the Basic Multilingual Plane (Adlam) are headlines: their words have letters, " +
            "so a dated link keeps its title and a short slug in a card counts",
            "section-adlam.html", AdlamPage, null,
            [
                "https://kabaruujifuuta.example/kabaruuji/2025/06/12/suudu-defte-labe/ | 𞤅𞤵𞥅𞤣𞤵 𞤣𞤫𞤬𞤼𞤫 𞤳𞤫𞤧𞤵 𞤵𞤣𞥆𞤭𞤼𞤢𞥄𞤥𞤢 𞤸𞤢𞤲𞤳𞤭 𞤫 𞤂𞤢𞤦𞤫",
                "https://kabaruujifuuta.example/kabaruuji/suudu-ndun-wonii | 𞤑𞤮 𞤱𞤮𞤲𞤭 𞤫 𞤲𞥋𞤣𞤫𞤪 𞤧𞤵𞥅𞤣𞤵 𞤲𞥋𞤣𞤵𞤲",
                "https://kabaruujifuuta.example/jannde/aminata-sow | 𞤀𞤥𞤭𞤲𞤢𞤼𞤢 𞤅𞤮𞤱 𞤶𞤮𞤺𞤭𞥅𞤯𞤮 𞤧𞤵𞥅𞤣𞤵 𞤲𞥋𞤣𞤵𞤲",
            ]
        },
        {
            "A selector of links keeps exactly what it matches, other sites and files included, in document order",
            "section-world.html", WorldPage, "h2.headline a, h3.headline a",
            [
                "https://www.dailyledger.example/world/2024/03/05/flood-defences-hold-lower-saxony | Flood defences hold as river peaks in Lower Saxony",
                "https://www.dailyledger.example/business/2024/03/05/markets-rally-inflation-cools?utm_source=homepage&utm_medium=web | Markets rally as inflation cools and rates hold",
                "https://www.dailyledger.example/world/ceasefire-talks-resume-in-cairo-884150 | Ceasefire talks resume in Cairo as delegations arrive",
                "https://news.dailyledger.example/world-europe-68475839 | Dutch farmers block motorways over nitrogen rules",
                "https://www.dailyledger.example/science/comet-returns | Comet returns after 71 years",
                "http://dailyledger.example/culture/2024/mar/04/museum-returns-looted-benin-bronzes | Museum returns looted Benin bronzes",
                "https://www.othernews.example/2024/03/05/partner-story-about-trains | Partner: why trains are late again",
                "https://www.dailyledger.example/video/2024/03/05/storm-footage.mp4 | Watch: storm footage from the coast",
                "https://shop.dailyledger.example/products/ledger-tote-bag-2024 | The Ledger tote bag is back in stock",
            ]
        },
        {
            "A selector of containers takes the headline's link in each, else the first link",
            "section-world.html", WorldPage, "article.card:not(.card--partner):not(.card--video)",
            [
                "https://www.dailyledger.example/world/2024/03/05/flood-defences-hold-lower-saxony | Flood defences hold as river peaks in Lower Saxony",
                "https://www.dailyledger.example/business/2024/03/05/markets-rally-inflation-cools?utm_source=homepage&utm_medium=web | Markets rally as inflation cools and rates hold",
                "https://www.dailyledger.example/world/ceasefire-talks-resume-in-cairo-884150 | Ceasefire talks resume in Cairo as delegations arrive",
                "https://news.dailyledger.example/world-europe-68475839 | Dutch farmers block motorways over nitrogen rules",
                "https://www.dailyledger.example/science/comet-returns | Comet returns after 71 years",
                "https://www.dailyledger.example/world/wildfire-season-spain.html | -",
                "http://dailyledger.example/culture/2024/mar/04/museum-returns-looted-benin-bronzes | Museum returns looted Benin bronzes",
                "https://shop.dailyledger.example/products/ledger-tote-bag-2024 | The Ledger tote bag is back in stock",
            ]
        },
        {
            "A selector of links with a fragment variant of the same story yields it once",
            "section-custom-markup.html", TeaserPage, "a.teaser__link, a.teaser__comments",
            [
                "https://www.nordkurier-beispiel.example/regionales/neubrandenburg/stadtwerke-erhoehen-preise-a1c2e3 | Neubrandenburg Stadtwerke erhöhen die Preise",
                "https://www.nordkurier-beispiel.example/regionales/waren/radweg-am-see-freigegeben-b7d8f9 | Radweg am See freigegeben",
                "https://ads.partner.example/click?id=77 | Anzeige: Jetzt Strom wechseln",
            ]
        },
        {
            "A selector matching an element inside the link uses the link around it",
            "section-custom-markup.html", TeaserPage, "span.teaser__title",
            [
                "https://www.nordkurier-beispiel.example/regionales/neubrandenburg/stadtwerke-erhoehen-preise-a1c2e3 | Neubrandenburg Stadtwerke erhöhen die Preise",
                "https://www.nordkurier-beispiel.example/regionales/waren/radweg-am-see-freigegeben-b7d8f9 | Radweg am See freigegeben",
            ]
        },
        {
            "A selector that matches nothing gives no links, not the heuristics' guess",
            "section-world.html", WorldPage, "a.does-not-exist", []
        },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Links_found_on_a_page(string rule, string fixture, string pageUrl, string? selector, string[] expected)
    {
        var actual = Find(fixture, pageUrl, selector).Select(e => $"{e.Link.AbsoluteUri} | {e.Title ?? "-"}").ToArray();
        Assert.True(expected.SequenceEqual(actual),
            $"{rule}\n  expected:\n    {string.Join("\n    ", expected)}\n  actual:\n    {string.Join("\n    ", actual)}");
    }

    [Fact]
    public void Found_links_carry_no_feed_fields()
    {
        var entry = Find("section-world.html", WorldPage, null)[0];
        Assert.Null(entry.Guid);
        Assert.Null(entry.PublishedAt);
        Assert.Null(entry.ContentHtml);
    }

    [Theory]
    [InlineData("a[[[")]
    [InlineData("div >")]
    // AngleSharp selects nothing for white space alone, where configuration refuses it.
    [InlineData(" ")]
    [InlineData("\t\n")]
    public void An_invalid_selector_is_a_configuration_error_that_names_the_selector(string selector)
    {
        var error = Assert.Throws<ArgumentException>(() => Find("section-world.html", WorldPage, selector));
        Assert.Contains(selector, error.Message);
        Assert.False(NewsAggregator.Extraction.CssSelector.IsValid(selector));
    }

    [Fact]
    public void A_valid_selector_is_recognised()
    {
        Assert.True(NewsAggregator.Extraction.CssSelector.IsValid("main article h2 > a.headline"));
    }

    [Fact]
    public void File_links_only_from_a_file_page()
    {
        const string html = "<main><article><h2><a href=\"2024/03/05/local-story-from-the-archive.html\">A local story from the archive</a></h2></article></main>";
        var fromFile = SectionPageLinks.Find(html, new Uri("file:///srv/pages/front.html"), null);
        Assert.Equal("file:///srv/pages/2024/03/05/local-story-from-the-archive.html", Assert.Single(fromFile).Link.AbsoluteUri);

        const string pointingHome = "<article><h2><a href=\"file:///etc/2024/03/05/passwd-is-not-a-story.html\">Passwd is not a story at all</a></h2></article>";
        Assert.Empty(SectionPageLinks.Find(pointingHome, new Uri("https://example.org/news/"), null));
        Assert.Empty(SectionPageLinks.Find(pointingHome, new Uri("https://example.org/news/"), "a"));
    }
}
