using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// Where a story's true paragraphs are read from: its page as the fixture server renders it
/// (the body element each site's template uses), or a feed item's content:encoded. Reading them
/// from the fixtures keeps one copy of every text, and a test can never drift from the web it checks.
/// </summary>
public abstract partial record StoryBody
{
    private static readonly Dictionary<string, string> BodySelectorBySite = new(StringComparer.Ordinal)
    {
        ["wire-times"] = "div.article-body > p",
        ["daily-planet"] = "div.entry-content > p:not(.read-more)",
        ["harbour-herald"] = "section.story__text > p",
    };

    private static readonly XNamespace ContentModule = "http://purl.org/rss/1.0/modules/content/";

    public static StoryBody OfPage(string path) => new PageBody(path);

    public static StoryBody OfFeedItem(string feedPath, string itemLinkPath) => new FeedItemBody(feedPath, itemLinkPath);

    /// <summary>The story's paragraphs, whitespace folded.</summary>
    public abstract IReadOnlyList<string> Paragraphs();

    /// <summary>Runs of whitespace to one space, trimmed: how paragraphs are compared.</summary>
    public static string Fold(string text) => Whitespace().Replace(text, " ").Trim();

    private sealed record PageBody(string Path) : StoryBody
    {
        public override IReadOnlyList<string> Paragraphs()
        {
            var files = new FixtureFiles(FixturePaths.Web, new Uri("http://127.0.0.1/"));
            var page = files.Find(Path) ?? throw new InvalidOperationException($"fixture page {Path} not found");
            var site = Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
            return ParagraphsOf(System.Text.Encoding.UTF8.GetString(page.Body), BodySelectorBySite[site]);
        }
    }

    private sealed record FeedItemBody(string FeedPath, string ItemLinkPath) : StoryBody
    {
        public override IReadOnlyList<string> Paragraphs()
        {
            var feed = XDocument.Load(System.IO.Path.Combine(FixturePaths.Web, FeedPath.TrimStart('/')));
            var item = feed.Descendants("item").Single(item => ((string?)item.Element("link") ?? "").Contains(ItemLinkPath));
            return ParagraphsOf((string?)item.Element(ContentModule + "encoded") ?? "", "p");
        }
    }

    private static List<string> ParagraphsOf(string html, string selector) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll(selector)
            .Select(paragraph => Fold(paragraph.TextContent))
            .Where(text => text.Length > 0)
            .ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
