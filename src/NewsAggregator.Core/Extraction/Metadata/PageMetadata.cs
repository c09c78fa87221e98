using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// What a page says about itself: JSON-LD first where it is the publisher's deliberate
/// statement, then OpenGraph and other &lt;meta&gt;, then the markup.
/// </summary>
internal static partial class PageMetadata
{
    /// <summary>
    /// The word a byline opens with, in the languages the extractor meets most, and Joomla's
    /// "Written by" as its language packs write it (the byline of every Joomla 1.x to 3 article).
    /// </summary>
    internal const string BylineWords = "written by|geschrieben von|écrit par|escrito por|scritto da|geschreven door|napisane przez|by|von|par|por|di|door|av|przez|автор:?";

    /// <summary>The same in the scripts without capital letters, where a name cannot be told by its first letter: Hebrew's "נכתב על ידי".</summary>
    internal const string CaselessBylineWords = "נכתב(ה)? על ידי";

    [GeneratedRegex(@"^\s*(?:" + BylineWords + "|" + CaselessBylineWords + @")\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    /// <summary>
    /// The page's metadata as an article without text yet, the JSON-LD articleBody to check the
    /// markup's text against, and the selectors of the parts it says are behind the paywall.
    /// </summary>
    public static (ExtractedArticle Article, string? StructuredBody, IReadOnlyList<string> PaywalledParts) Read(IHtmlDocument document, Uri? pageUrl)
    {
        var clues = MarkupClues.Of(document);
        var structured = StructuredArticle.FromScripts(clues.JsonLd);
        var siteName = Headline.Fold(clues.First("og:site_name", "application-name", "twitter:site:name") ?? structured?.Publisher);
        var heading = Headline.Fold(clues.FirstHeading?.TextContent);
        var rawTitle = clues.First("og:title", "twitter:title") ?? structured?.Headline ?? heading ?? document.Title;

        var article = new ExtractedArticle
        {
            // The <title> is in the head, whose text the parser's repair of references to control characters does not walk.
            Title = Headline.Clean(rawTitle is null ? null : ControlCharacters.Repaired(rawTitle), siteName, heading),
            Byline = ReadByline(clues, structured),
            PublishedAt = ReadPublished(clues, structured, pageUrl),
            Language = LanguageTag.Normalize(document.DocumentElement?.GetAttribute("lang"))
                       ?? LanguageTag.Normalize(document.DocumentElement?.GetAttribute("xml:lang"))
                       ?? LanguageTag.Normalize(clues.First("content-language", "dc.language", "language"))
                       ?? LanguageTag.Normalize(clues.First("og:locale"))
                       ?? LanguageTag.Normalize(structured?.Language),
            SiteName = siteName,
            CanonicalUrl = PageLink.Absolute(clues.Canonical ?? clues.First("og:url"), pageUrl),
            ImageUrl = PageLink.Absolute(clues.First("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src") ?? structured?.Image, pageUrl),
            Description = Headline.Fold(clues.First("og:description", "description", "twitter:description") ?? structured?.Description),
            FaqQuestion = StructuredArticle.FirstFaqQuestion(clues.JsonLd),
        };
        return (article, structured?.ArticleBody, structured?.PaywalledParts ?? []);
    }

    private static string? ReadByline(MarkupClues clues, StructuredArticle? structured)
    {
        // Cheapest and most deliberate first; the markup is read only when the metadata is silent.
        return CleanByline(structured?.Author)
               ?? CleanByline(clues.First("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"))
               ?? CleanByline(clues.AuthorProperty?.QuerySelector("[itemprop~='name' i]")?.TextContent)
               ?? CleanByline(clues.AuthorProperty?.TextContent)
               ?? CleanByline(clues.AuthorLink?.TextContent)
               ?? CleanByline(clues.BylineElement?.TextContent);
    }

    /// <summary>"By Jane Doe" to "Jane Doe"; profile URLs, social handles and over-long text are not bylines.</summary>
    internal static string? CleanByline(string? text)
    {
        var folded = Headline.Fold(text);
        if (string.IsNullOrEmpty(folded) || folded.StartsWith("http", StringComparison.OrdinalIgnoreCase) || folded.StartsWith('@'))
        {
            return null;
        }
        folded = BylinePrefix().Replace(folded, "").Trim(' ', '|', ',', '-', '–', '—', ':');
        return folded.Length is > 0 and <= 120 ? folded : null;
    }

    private static DateTimeOffset? ReadPublished(MarkupClues clues, StructuredArticle? structured, Uri? pageUrl)
    {
        return PublicationDate.Parse(structured?.DatePublished)
               ?? PublicationDate.Parse(clues.First("article:published_time", "og:published_time", "published_time", "datepublished",
                   "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "date"))
               ?? PublicationDate.Parse(clues.DatePublishedProperty?.GetAttribute("content") ?? clues.DatePublishedProperty?.GetAttribute("datetime"))
               ?? PublicationDate.Parse(clues.Time?.GetAttribute("datetime"))
               ?? PublicationDate.FromUrl(pageUrl);
    }
}

/// <summary>
/// What the metadata reader looks at, gathered in one walk over the document: &lt;meta&gt;
/// values by name, property, itemprop or http-equiv (the first of each wins), JSON-LD
/// scripts, and the first of each element that can carry a headline, byline or date.
/// </summary>
internal sealed class MarkupClues
{
    private readonly Dictionary<string, string> _meta = new(StringComparer.OrdinalIgnoreCase);

    public List<string> JsonLd { get; } = [];
    public IElement? FirstHeading { get; private set; }
    public string? Canonical { get; private set; }
    public IElement? AuthorProperty { get; private set; }
    public IElement? AuthorLink { get; private set; }
    public IElement? BylineElement { get; private set; }
    public IElement? DatePublishedProperty { get; private set; }
    /// <summary>The first &lt;time pubdate&gt;, else the first &lt;time datetime&gt;.</summary>
    public IElement? Time { get; private set; }

    public static MarkupClues Of(IDocument document)
    {
        var clues = new MarkupClues();
        IElement? firstTime = null;
        // Sibling links and an explicit stack: no enumerator per element, no recursion. AngleSharp's
        // element class, not its interface: a class test and its own members are cheap, where the
        // interface's calls, seeing every element type of the page, took the slowest dispatch.
        var stack = new Stack<Element>();
        if (document.DocumentElement is Element root)
        {
            stack.Push(root);
        }
        while (stack.TryPop(out var element))
        {
            clues.Visit(element, ref firstTime);
            // By index: AngleSharp finds a node's sibling by searching its parent's children.
            var children = ((INode)element).ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is Element child)
                {
                    stack.Push(child);
                }
            }
        }
        clues.Time ??= firstTime;
        return clues;
    }

    public string? First(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (_meta.TryGetValue(key, out var value))
            {
                // An attribute's references to control characters (content="&#27;[2J") are decoded
                // by the parser into the characters, which the raw page no longer held.
                return ControlCharacters.Repaired(value);
            }
        }
        return null;
    }

    private void Visit(Element element, ref IElement? firstTime)
    {
        switch (element.LocalName)
        {
            case "meta":
                AddMeta(element);
                break;
            case "script":
                if (string.Equals(element.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    JsonLd.Add(element.TextContent);
                }
                return;
            case "h1":
                FirstHeading ??= element;
                break;
            case "link":
                if (Canonical is null && HasToken(element.GetAttribute("rel"), "canonical"))
                {
                    Canonical = element.GetAttribute("href");
                }
                return;
            case "time" when element.HasAttribute("datetime") || element.HasAttribute("pubdate"):
                if (element.HasAttribute("pubdate"))
                {
                    Time ??= element;
                }
                firstTime ??= element;
                break;
            case "a" when AuthorLink is null && HasToken(element.GetAttribute("rel"), "author"):
                AuthorLink = element;
                break;
        }
        var names = NameAttributes.Of(element);
        var (itemprop, cls) = (names.ItemProp, names.Class);
        if (itemprop is not null)
        {
            if (AuthorProperty is null && HasToken(itemprop, "author"))
            {
                AuthorProperty = element;
            }
            if (DatePublishedProperty is null && HasToken(itemprop, "datePublished"))
            {
                DatePublishedProperty = element;
            }
        }
        if (BylineElement is null && cls is not null &&
            (cls.Contains("byline", StringComparison.OrdinalIgnoreCase) || cls.Contains("author-name", StringComparison.OrdinalIgnoreCase)))
        {
            BylineElement = element;
        }
    }

    private void AddMeta(Element meta)
    {
        var content = meta.GetAttribute("content");
        if (string.IsNullOrWhiteSpace(content))
        {
            return;
        }
        foreach (var key in (ReadOnlySpan<string?>)[meta.GetAttribute("property"), meta.GetAttribute("name"), meta.GetAttribute("itemprop"), meta.GetAttribute("http-equiv")])
        {
            if (!string.IsNullOrWhiteSpace(key))
            {
                _meta.TryAdd(key.Trim(), content.Trim());
            }
        }
    }

    private static bool HasToken(string? list, string token)
    {
        if (list is null)
        {
            return false;
        }
        foreach (var range in list.AsSpan().Split(' '))
        {
            if (list.AsSpan()[range].Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
