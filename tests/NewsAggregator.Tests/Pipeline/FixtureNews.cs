using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>A place a story is published, and the source through which a run finds it there.</summary>
public sealed record StoryCopy(string SourceId, string Path);

/// <summary>One distinct story of the fixture web: where it appears and what its clean text must hold.</summary>
public sealed record FixtureStory(string Headline, StoryBody Body, params StoryCopy[] Copies)
{
    public override string ToString() => Headline;
}

/// <summary>
/// What the fixture web (Fixtures/Web) holds and what one <c>--once</c> over it must store:
/// three news sites, seven sources (three of them broken), ten distinct stories, one of
/// them syndicated word for word to a second site.
/// </summary>
public static class FixtureNews
{
    public const string WireRss = "wire-rss";
    public const string PlanetAtom = "planet-atom";
    public const string HeraldLocal = "herald-local";
    public const string HeraldFeature = "herald-feature";
    public const string MissingFeed = "broken-404";
    public const string MalformedFeed = "broken-xml";
    public const string FailingServer = "broken-500";

    /// <summary>A feed path that answers 500, programmed because no file can say that.</summary>
    public const string FailingServerPath = "/harbour-herald/rss/";

    public static readonly string[] WorkingSourceIds = [WireRss, PlanetAtom, HeraldLocal, HeraldFeature];

    public static readonly string[] BrokenSourceIds = [MissingFeed, MalformedFeed, FailingServer];

    public static IReadOnlyList<SourceEntry> Sources(FixtureWeb web) =>
    [
        new(WireRss, "The Wire Times", "rss", web.Url("/wire-times/feed.rss").ToString()),
        new(PlanetAtom, "The Daily Planet", "rss", web.Url("/daily-planet/feeds/latest.atom").ToString()),
        // The selector keeps the section's "Most read" and pagination links out, so the count is exact.
        new(HeraldLocal, "The Harbour Herald: Local news", "html", web.Url("/harbour-herald/local/").ToString())
        {
            LinkSelector = "h2.teaser__title a",
        },
        new(HeraldFeature, "The Harbour Herald: bakery feature", "page",
            web.Url("/harbour-herald/features/harbour-bakery-forty-years.html").ToString()),
        new(MissingFeed, "The Daily Planet archive (gone)", "rss", web.Url("/daily-planet/feeds/archive.rss").ToString()),
        new(MalformedFeed, "The Wire Times sport (broken XML)", "rss", web.Url("/wire-times/feeds/sport.rss").ToString()),
        new(FailingServer, "The Harbour Herald feed (server error)", "rss", web.Url(FailingServerPath).ToString()),
    ];

    public static void ProgramFaults(FixtureWeb web) => web.Program(FailingServerPath, ProgrammedResponse.ServerError);

    private const string TidalWire = "/wire-times/news/2025/06/tidal-turbines-power-ferry-port.html";
    private const string HoneyWire = "/wire-times/news/2025/06/upland-honey-harvest.html";

    public static readonly FixtureStory SyndicatedStory = new(
        "Tidal turbines start powering island ferry port",
        StoryBody.OfPage(TidalWire),
        new StoryCopy(WireRss, TidalWire),
        new StoryCopy(PlanetAtom, "/daily-planet/2025/06/12/tidal-turbines-power-island-ferry-port/"));

    /// <summary>Its page answers 404; only the feed's content:encoded has the text.</summary>
    public static readonly FixtureStory StoryWithMissingPage = new(
        "Upland beekeepers report best spring honey harvest in a decade",
        StoryBody.OfFeedItem("/wire-times/feed.rss", HoneyWire),
        new StoryCopy(WireRss, HoneyWire));

    public static readonly IReadOnlyList<FixtureStory> Stories =
    [
        SyndicatedStory,
        StoryWithMissingPage,
        PageStory("Tool libraries double as repair cafés spread", WireRss, "/wire-times/news/2025/06/tool-libraries-double.html"),
        PageStory("Overnight sleeper train to return to coast route after twenty years", WireRss,
            "/wire-times/news/2025/06/sleeper-train-returns.html"),
        PageStory("Riverton approves four-day work week trial for city staff", PlanetAtom,
            "/daily-planet/2025/06/10/riverton-four-day-week-trial/"),
        PageStory("Students’ homemade sensors now warn town of rising river", PlanetAtom,
            "/daily-planet/2025/06/11/students-river-flood-sensors/"),
        PageStory("Fishermen open their own market on Porthwenn quay", HeraldLocal,
            "/harbour-herald/local/fishermen-open-quay-market.html"),
        PageStory("Lighthouse keeper’s cottage to become marine science classroom", HeraldLocal,
            "/harbour-herald/local/lighthouse-cottage-classroom.html"),
        PageStory("Volunteers map all 2,000 trees in Eastfield Park", HeraldLocal,
            "/harbour-herald/local/eastfield-park-tree-map.html"),
        PageStory("Forty years behind the counter of the harbour bakery", HeraldFeature,
            "/harbour-herald/features/harbour-bakery-forty-years.html"),
    ];

    /// <summary>
    /// Text that belongs to the sites' templates, never to a story: menus, banners, ads, share
    /// bars, captions, related and trending lists, author boxes, comments, footers. Each occurs
    /// in the served pages (checked by the fixture's own tests) and in no story's paragraphs.
    /// </summary>
    public static readonly string[] PageFurniture =
    [
        "cookies", "Accept all", "Crosswords", "Obituaries", "Subscribe", "Advertisement",
        "Related", "Trending", "Sign up for our newsletter", "Photo:", "All rights reserved", "©",
        "Share on Facebook", "Share this article", "Email this story", "Comments", "Responses", "Reply",
        "Read more", "Most read", "Most Popular", "Topics:", "Tagged:", "More stories by this author",
        "View all posts by", "Got a story?", "Log in", "Continue reading", "Latest:",
        "could be heard from the other side of the bay", "So proud of these kids", "best fish I’ve had in years",
    ];

    private static FixtureStory PageStory(string headline, string sourceId, string path) =>
        new(headline, StoryBody.OfPage(path), new StoryCopy(sourceId, path));
}
