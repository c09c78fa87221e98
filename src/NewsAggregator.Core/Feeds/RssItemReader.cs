using System.Xml.Linq;
using CodeHollow.FeedReader;

namespace NewsAggregator.Feeds;

/// <summary>Entries of RSS 0.9x, 1.0 (RDF) and 2.0 items.</summary>
/// <remarks>
/// FeedReader finds the items (in RSS 1.0 they are siblings of the channel) and their titles;
/// the other fields are read from the item element, because FeedReader HTML-decodes
/// content:encoded (turning an escaped "&amp;lt;script&amp;gt;" in the text into a real tag),
/// ignores dc:creator and guid's isPermaLink, and parses dates with the machine's culture.
/// </remarks>
internal sealed class RssItemReader(EntryLinkBase links)
{
    public FeedEntry? Read(FeedItem item)
    {
        var element = item.SpecificItem.Element;
        var rss = element.Name.Namespace; // RSS 0.9x/2.0: none; RSS 1.0: its own
        var guid = element.Element(rss + "guid");

        // FeedBurner's <link> is a redirect through its own host; origLink is the article.
        var origLink = element.Element(FeedNamespaces.FeedBurner + "origLink");
        var rssLink = element.Element(rss + "link");
        var atomLink = element.Elements(FeedNamespaces.Atom + "link")
            .FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate");
        var enclosure = Enclosure(element, rss);
        // An episode without a page of its own is still an entry: its file is what it links to.
        var link = links.Resolve(origLink?.Value, origLink)
            ?? links.Resolve(rssLink?.Value, rssLink)
            ?? links.Resolve(atomLink?.Attribute("href")?.Value, atomLink)
            ?? PermalinkGuid(guid)
            ?? enclosure?.MediaUrl;
        if (link is null)
        {
            return null;
        }

        return new FeedEntry
        {
            Link = link,
            Title = EntryText.Plain(item.Title),
            Guid = EntryText.Trimmed(guid?.Value) ?? EntryText.Trimmed(element.Attribute(FeedNamespaces.Rdf + "about")?.Value),
            PublishedAt = FeedDate.First(
                element.Element(rss + "pubDate"),
                element.Element(FeedNamespaces.DublinCore + "date"),
                element.Element(FeedNamespaces.Atom + "published"),
                element.Element(FeedNamespaces.Atom + "updated")),
            Author = EntryText.PersonName(element.Element(rss + "author")?.Value)
                ?? EntryText.Names(element.Elements(FeedNamespaces.DublinCore + "creator").Select(e => e.Value))
                ?? EntryText.Names(element.Elements(FeedNamespaces.Atom + "author").Select(a => a.Element(FeedNamespaces.Atom + "name")?.Value)),
            ContentHtml = EntryText.Trimmed(element.Element(FeedNamespaces.Content + "encoded")?.Value)
                ?? EntryText.Trimmed(element.Element(rss + "description")?.Value)
                ?? EntryText.Trimmed(element.Element(FeedNamespaces.DublinCore + "description")?.Value),
            Enclosure = enclosure,
        };
    }

    /// <summary>
    /// RSS &lt;enclosure&gt; elements first (the format's own), then Media RSS &lt;media:content&gt;,
    /// alone or in a &lt;media:group&gt;: the first audio or video among them, else the first.
    /// </summary>
    private FeedEnclosure? Enclosure(XElement item, XNamespace rss)
    {
        var enclosures = item.Elements(rss + "enclosure")
            .Select(e => (Element: e, Url: e.Attribute("url")?.Value, Type: e.Attribute("type")?.Value, Length: e.Attribute("length")?.Value));
        var media = item.Elements(FeedNamespaces.Media + "content")
            .Concat(item.Elements(FeedNamespaces.Media + "group").Elements(FeedNamespaces.Media + "content"))
            .Select(e => (Element: e, Url: e.Attribute("url")?.Value, Type: e.Attribute("type")?.Value, Length: e.Attribute("fileSize")?.Value));
        return FeedEnclosure.Choose(enclosures.Concat(media)
            .Select(e => links.Resolve(e.Url, e.Element) is { } url ? FeedEnclosure.Of(url, e.Type, e.Length) : null)
            .OfType<FeedEnclosure>());
    }

    // RSS 2.0: a guid is a permalink unless it says isPermaLink="false".
    private Uri? PermalinkGuid(XElement? guid) =>
        guid is not null && !string.Equals(guid.Attribute("isPermaLink")?.Value?.Trim(), "false", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(guid.Value.Trim(), UriKind.Absolute, out _)
            ? links.Resolve(guid.Value, guid)
            : null;
}
