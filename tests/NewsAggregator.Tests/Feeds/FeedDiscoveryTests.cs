using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

public class FeedDiscoveryTests
{
    private static FeedDiscoveryResult Find(string fixture, string pageUrl) =>
        FeedDiscovery.Find(FixturePath.ReadText("Feeds", "Discovery", fixture), new Uri(pageUrl));

    // Each expected line is "URL | media type | title", the title "-" when the link has none.
    public static TheoryData<string, string, string, string[]> Pages() => new()
    {
        {
            "A blog's feed and comments feed, in page order; its REST API and oEmbed JSON, translations and print version are not feeds",
            "blog-two-feeds.html", "https://harbour-notes.example/",
            [
                "https://harbour-notes.example/feed/ | application/rss+xml | Harbour Notes » Feed",
                "https://harbour-notes.example/comments/feed/ | application/rss+xml | Harbour Notes » Comments Feed",
            ]
        },
        {
            "Relative hrefs resolve against <base href>; type letter case and parameters, several rel words, " +
            "protocol-relative hrefs, a feed link in the body; a repeat, rel=feed alone, javascript: and an empty href left out",
            "relative-and-base.html", "https://gazette.example/front/index.html",
            [
                "https://gazette.example/news/atom.xml | application/atom+xml | Gazette (Atom)",
                "https://gazette.example/rss/all.rss | application/rss+xml | -",
                "https://feeds.gazette.example/news.json | application/feed+json | -",
                "https://gazette.example/api/feed.json | application/json | JSON Feed",
            ]
        },
        {
            "A page whose alternates are translations, a mobile and an AMP version, and whose feed is only an <a>: none",
            "no-feeds.html", "https://quotidien.example/",
            []
        },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Feeds_a_page_announces_are_found_in_page_order(string rule, string fixture, string pageUrl, string[] expected)
    {
        _ = rule;

        var found = Find(fixture, pageUrl);

        Assert.Equal(expected, found.Feeds.Select(f => $"{f.Url} | {f.MediaType} | {f.Title ?? "-"}"));
    }

    [Theory]
    [InlineData("blog-two-feeds.html", "Harbour Notes – news from the quay")]
    [InlineData("relative-and-base.html", "The Gazette: local news")]
    public void The_page_title_is_given_with_its_white_space_folded(string fixture, string title)
    {
        Assert.Equal(title, Find(fixture, "https://example.org/").PageTitle);
    }

    [Fact]
    public void Without_a_base_element_hrefs_resolve_against_the_page()
    {
        const string html = """<html><head><link rel="alternate" type="application/rss+xml" href="feed.xml"></head></html>""";

        var found = FeedDiscovery.Find(html, new Uri("https://example.org/section/page.html"));

        Assert.Equal("https://example.org/section/feed.xml", Assert.Single(found.Feeds).Url.ToString());
        Assert.Null(found.PageTitle);
    }
}
