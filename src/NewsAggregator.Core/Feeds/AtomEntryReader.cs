using System.Net;
using System.Xml.Linq;
using CodeHollow.FeedReader;

namespace NewsAggregator.Feeds;

/// <summary>Entries of Atom 1.0 (and 0.3) feeds.</summary>
/// <remarks>
/// FeedReader finds the entries and their titles. Links are read here because FeedReader falls
/// back to any link (rel="self", "edit", "enclosure") and ignores xml:base; content because it
/// HTML-decodes escaped HTML once more and flattens XHTML content to its text.
/// </remarks>
internal sealed class AtomEntryReader(EntryLinkBase links, XElement feedElement)
{
    // Links that describe the entry's plumbing rather than point at the story.
    private static readonly HashSet<string> NotTheStory = new(StringComparer.OrdinalIgnoreCase)
    {
        "self", "edit", "edit-media", "enclosure", "replies", "license", "hub", "first", "last", "next", "previous", "prev",
    };

    public FeedEntry? Read(FeedItem item)
    {
        var entry = item.SpecificItem.Element;
        var atom = entry.Name.Namespace; // 1.0 or 0.3
        var enclosure = Enclosure(entry, atom);
        // An entry whose only link is its enclosure (a podcast episode) takes that as its link.
        var link = Link(entry, atom) ?? enclosure?.MediaUrl;
        if (link is null)
        {
            return null;
        }

        return new FeedEntry
        {
            Link = link,
            Title = EntryText.Plain(item.Title),
            Guid = EntryText.Trimmed(entry.Element(atom + "id")?.Value),
            PublishedAt = FeedDate.First(
                entry.Element(atom + "published"), entry.Element(atom + "updated"),
                entry.Element(atom + "issued"), entry.Element(atom + "modified"), entry.Element(atom + "created")),
            // An entry without its own author has the feed's (RFC 4287 4.2.1).
            Author = Authors(entry, atom) ?? Authors(entry.Element(atom + "source"), atom) ?? Authors(feedElement, atom),
            ContentHtml = Html(entry.Element(atom + "content")) ?? Html(entry.Element(atom + "summary")),
            Enclosure = enclosure,
        };
    }

    /// <summary>The first audio or video link rel="enclosure", else the first of them.</summary>
    private FeedEnclosure? Enclosure(XElement entry, XNamespace atom) => FeedEnclosure.Choose(entry.Elements(atom + "link")
        .Where(l => string.Equals(l.Attribute("rel")?.Value?.Trim(), "enclosure", StringComparison.OrdinalIgnoreCase))
        .Select(l => links.Resolve(l.Attribute("href")?.Value, l) is { } url
            ? FeedEnclosure.Of(url, l.Attribute("type")?.Value, l.Attribute("length")?.Value)
            : null)
        .OfType<FeedEnclosure>());

    private Uri? Link(XElement entry, XNamespace atom)
    {
        var candidates = entry.Elements(atom + "link")
            .Select(l => (Element: l, Rel: l.Attribute("rel")?.Value?.Trim() ?? "alternate", Type: l.Attribute("type")?.Value))
            .ToList();
        var ordered = candidates.Where(c => c.Rel == "alternate" && IsHtml(c.Type))
            .Concat(candidates.Where(c => c.Rel == "alternate"))
            .Concat(candidates.Where(c => !NotTheStory.Contains(c.Rel)));
        return ordered.Select(c => links.Resolve(c.Element.Attribute("href")?.Value, c.Element)).FirstOrDefault(l => l is not null);
    }

    private static bool IsHtml(string? type) =>
        type is null || type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/xhtml", StringComparison.OrdinalIgnoreCase);

    private static string? Authors(XElement? owner, XNamespace atom) =>
        owner is null ? null : EntryText.Names(owner.Elements(atom + "author").Select(a => a.Element(atom + "name")?.Value));

    /// <summary>An Atom text construct (content, summary) as HTML.</summary>
    private static string? Html(XElement? construct)
    {
        if (construct is null || construct.Attribute("src") is not null)
        {
            return null; // out-of-line content is somewhere else; the summary may still say something
        }
        var type = construct.Attribute("type")?.Value?.Trim().ToLowerInvariant() ?? "text";
        var mode = construct.Attribute("mode")?.Value; // Atom 0.3
        var html = (type, mode) switch
        {
            (_, "xml") or ("xhtml" or "application/xhtml+xml", _) => XhtmlMarkup(construct),
            (_, "base64") => null,
            ("html" or "text/html", _) => construct.Value,
            ("text" or "text/plain", _) => WebUtility.HtmlEncode(construct.Value),
            _ => null, // images, PDFs and other media types are not article text
        };
        return EntryText.Trimmed(html);
    }

    // XHTML content is wrapped in one xhtml:div (RFC 4287 4.1.3); we want its children as plain HTML.
    private static string XhtmlMarkup(XElement construct)
    {
        var wrapper = construct.Elements().Count() == 1 && construct.Elements().First() is { Name.LocalName: "div" } div ? div : construct;
        return string.Concat(wrapper.Nodes().Select(n => WithoutNamespaces(n).ToString(SaveOptions.DisableFormatting)));
    }

    private static XNode WithoutNamespaces(XNode node) => node switch
    {
        XElement element => new XElement(element.Name.LocalName,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)),
            element.Nodes().Select(WithoutNamespaces)),
        _ => node,
    };
}
