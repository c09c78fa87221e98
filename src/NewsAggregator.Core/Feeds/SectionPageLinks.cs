using AngleSharp.Dom;
using NewsAggregator.Extraction;

namespace NewsAggregator.Feeds;

/// <summary>The article links of a section or front page.</summary>
public static class SectionPageLinks
{
    // In a matched container (a teaser, a card) the headline's link is the story's, not the image's or the byline's.
    private const string HeadingLink = "h1 a[href], h2 a[href], h3 a[href], h4 a[href], h5 a[href], h6 a[href]";

    /// <summary>
    /// With <paramref name="linkSelector"/>: the links it selects (an &lt;a href&gt;, the link
    /// around each match, or the one inside it, a headline's first). Without: the links that look like stories,
    /// by where they sit and the shape of their URL. Document order, each URL once (fragments
    /// ignored); the link's text is the title when it reads like a headline.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="linkSelector"/> is not a CSS selector.</exception>
    public static IReadOnlyList<FeedEntry> Find(string html, Uri pageUrl, string? linkSelector)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);

        var document = PageParser.Parse(html);
        var baseUrl = PageBaseUrl.Of(document, pageUrl);
        var found = new FoundLinks();
        var anchors = linkSelector is null ? document.QuerySelectorAll("a[href]") : Selected(document, linkSelector);
        foreach (var anchor in anchors)
        {
            var link = Resolve(anchor.GetAttribute("href"), baseUrl, pageUrl);
            if (link is null || ArticleUrlShape.SameDocument(link, pageUrl))
            {
                continue;
            }
            var title = LinkHeadline.Of(anchor);
            if (linkSelector is null && !LooksLikeStory(anchor, link, pageUrl, title))
            {
                continue;
            }
            found.Add(link, title, title is not null && LinkHeadline.InHeading(anchor));
        }
        return found.Entries();
    }

    private static bool LooksLikeStory(IElement anchor, Uri link, Uri pageUrl, string? title)
    {
        var region = PageRegions.Of(anchor);
        if (region == PageRegion.Chrome)
        {
            return false;
        }
        // A weak URL (a short slug such as /science/comet-returns) counts only inside an article or
        // a heading, and with a sentence for a headline: section links ("Middle East") have a name.
        return ArticleUrlShape.Judge(link, pageUrl).Evidence switch
        {
            ArticleEvidence.Strong => true,
            ArticleEvidence.Weak => region == PageRegion.Story && LinkHeadline.Words(title) >= 3,
            _ => false,
        };
    }

    private static IEnumerable<IElement> Selected(IDocument document, string selector)
    {
        // AngleSharp selects nothing for white space alone rather than refusing it; configuration
        // refuses it (CssSelector.IsValid), and so does Find, or a caller that skipped that check
        // would find no links on the page without a word as to why.
        if (string.IsNullOrWhiteSpace(selector))
        {
            throw NotASelector(selector, null);
        }
        IHtmlCollection<IElement> matches;
        try
        {
            matches = document.QuerySelectorAll(selector);
        }
        catch (DomException error)
        {
            throw NotASelector(selector, error);
        }
        return matches
            .Select(match => match is { LocalName: "a" } && match.HasAttribute("href")
                ? match
                : match.Closest("a[href]") ?? match.QuerySelector(HeadingLink) ?? match.QuerySelector("a[href]"))
            .OfType<IElement>();
    }

    private static ArgumentException NotASelector(string selector, DomException? error) =>
        new($"linkSelector \"{selector}\" is not a valid CSS selector.", nameof(selector), error);

    private static Uri? Resolve(string? href, Uri baseUrl, Uri pageUrl)
    {
        if (string.IsNullOrWhiteSpace(href) || href.TrimStart().StartsWith('#'))
        {
            return null;
        }
        return Uri.TryCreate(baseUrl, href.Trim(), out var link) && FollowableLink.From(pageUrl, link)
            ? FollowableLink.WithoutFragment(link)
            : null;
    }

    /// <summary>Links in order of first appearance; each keeps the best headline any of its anchors shows.</summary>
    private sealed class FoundLinks
    {
        private readonly List<(Uri Link, string? Title, bool FromHeading)> _links = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public void Add(Uri link, string? title, bool fromHeading)
        {
            if (!_index.TryGetValue(link.AbsoluteUri, out var at))
            {
                _index[link.AbsoluteUri] = _links.Count;
                _links.Add((link, title, fromHeading));
                return;
            }
            // An image link often comes before the headline link to the same story.
            var known = _links[at];
            if (title is not null && (known.Title is null || (fromHeading && !known.FromHeading)))
            {
                _links[at] = (known.Link, title, fromHeading);
            }
        }

        public List<FeedEntry> Entries() => _links.Select(l => new FeedEntry { Link = l.Link, Title = l.Title }).ToList();
    }
}
