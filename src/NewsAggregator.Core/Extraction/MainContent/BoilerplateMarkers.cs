using System.Text.RegularExpressions;
using AngleSharp.Dom;
using static NewsAggregator.Extraction.FurnitureVocabulary;

namespace NewsAggregator.Extraction;

/// <summary>
/// What an element's tag, role, class and id say about it. Publishers name their page furniture
/// after what it is (share-bar, related-posts, newsletter-signup, cookie-consent) in every CMS,
/// so these conventions carry across sites without rules for any one of them. The words
/// themselves are in <see cref="FurnitureVocabulary"/>.
/// </summary>
internal static partial class BoilerplateMarkers
{
    /// <summary>The element is page furniture by its tag, ARIA role, class or id (those that name it furniture unless it holds prose included).</summary>
    /// <param name="byName">Judge its class and id too; without, only its tag and role count.</param>
    public static bool IsFurniture(IElement element, bool byName = true) => Judge(element, byName) != Furniture.None;

    /// <summary>
    /// A quote's <c>&lt;footer&gt;</c>: who said it, under the words, as HTML's own example of
    /// <c>&lt;blockquote&gt;</c> and most CSS frameworks set the citation. It is the quote's, not
    /// the page's footer.
    /// </summary>
    private static bool IsQuoteCitation(IElement element) =>
        element.LocalName == "footer" && element.ParentElement is { LocalName: "blockquote" };

    /// <summary>What the element's tag, ARIA role, class and id say it is.</summary>
    /// <param name="byName">Judge its class and id too; without, only its tag and role count.</param>
    public static Furniture Judge(IElement element, bool byName = true)
    {
        if (BoilerplateTags.Contains(element.LocalName) && !IsQuoteCitation(element))
        {
            return Furniture.Named;
        }
        var names = NameAttributes.Of(element);
        if (names.Role is { } role && BoilerplateRoles.Contains(role))
        {
            return Furniture.Named;
        }
        if (!byName)
        {
            return Furniture.None;
        }
        var properties = names.ItemProp;
        if (properties is not null && PictureProperties.Contains(properties))
        {
            // schema.org's words for a picture's caption and credit: what the markup says the text is, in any CMS.
            return Furniture.Named;
        }
        if (MarksComment(properties, names.ItemType))
        {
            return Furniture.Comments;
        }
        var heading = HtmlVocabulary.IsHeading(element.LocalName) || (element.LocalName == "header" && IsSectionHeading(element));
        // A link is words of the sentence it stands in: a name that calls it a tag is no reason to
        // take them out of it (PMC's sites give every name they link in a story "id=auto-tag_…"; a
        // list of the story's tags is a list of links, which goes as one).
        var link = element.LocalName == "a";
        var classes = names.Class;
        if (classes is not null && classes.Contains("dateline", StringComparison.OrdinalIgnoreCase) && OpensItsSentence(element))
        {
            // The place a story is filed from, set in its first sentence ("<span class="dateline">LOS
            // ANGELES -- </span>People who wear …", "<strong class="…Dateline…">Wendelsbrück.</strong>
            // Am Ende …"): words of the sentence, as the wires write them. A dateline that stands
            // alone or holds a time is the page's stamp, and goes as the name says.
            classes = classes.Replace("dateline", "", StringComparison.OrdinalIgnoreCase);
        }
        var byClass = NamesFurniture(classes, heading, link);
        if (byClass == Furniture.Comments)
        {
            return byClass;
        }
        var id = names.Id;
        var named = heading && id is not null && IsAnchorOfItsText(id, element) ? byClass : Stronger(byClass, NamesFurniture(id, heading, link));
        // A region labelled by its heading carries the heading's id, a name the site chose as well:
        // <section aria-labelledby="comments-h"> under utility classes that name nothing.
        named = Stronger(named, NamesFurniture(names.LabelledBy, heading, link));
        // So does the name a component carries for its tests, where class names are hashes
        // (<section data-testid="lineups" class="ssrcss-sjqavx-LineupsSection">,
        // <div data-test-id="odds-widget" class="hyperion-css-1xq2v7n">).
        named = Stronger(named, NamesFurniture(names.TestId, heading, link));
        // And what ARIA says a region is, where the class says nothing (a gallery set as a carousel,
        // <div aria-roledescription="carousel">, under a namespace's BEM name, "duet--article--gallery").
        named = Stronger(named, NamesFurniture(names.RoleDescription, heading, link));
        // A custom element's tag is a name its site chose, as a class is (<newsletter-box>,
        // <ad-slot>, <share-bar>); a built-in tag has no hyphen.
        if (element.LocalName.Contains('-', StringComparison.Ordinal) && named != Furniture.Named)
        {
            named = Stronger(named, NamesFurniture(element.LocalName, heading));
        }
        // A name that needs prose to be the story's cannot ask it of a subheading's wrapper: a
        // page builder's heading widget ("elementor-widget-heading") holds a heading and nothing else.
        return named == Furniture.UnlessProse && element.LocalName is "div" or "header" && IsSectionHeading(element) ? Furniture.None
            : named == Furniture.None && !heading && IsMarketQuote(element, names) ? Furniture.Named : named;
    }

    /// <summary>
    /// An inline element opens a run of text and the text goes on after it in the same parent:
    /// a place name, without digits (a time stamp has them), at the start of a sentence.
    /// </summary>
    private static bool OpensItsSentence(IElement element)
    {
        if (element.LocalName is not ("span" or "strong" or "b" or "em") ||
            element.TextContent.Trim() is not { Length: >= 2 and <= PlaceLineChars } place || place.Any(char.IsDigit))
        {
            return false;
        }
        // Nothing with text before it in its parent: white space, comments ("<!--startindex-->"), a picture's box.
        for (var before = element.PreviousSibling; before is not null; before = before.PreviousSibling)
        {
            if (!(before is IComment || (before is IText or IElement && string.IsNullOrWhiteSpace(before.TextContent))))
            {
                return false;
            }
        }
        return element.NextSibling is IText { Data: var sentence } && sentence.AsSpan().Trim().Length >= SentenceAfterPlaceChars;
    }

    // "LOS ANGELES, Calif. --", "Wendelsbrück.": a place and its punctuation.
    private const int PlaceLineChars = 60;
    // The sentence the place opens goes on for more than a word or two.
    private const int SentenceAfterPlaceChars = 20;

    /// <summary>
    /// The id is the heading's own text made into an anchor to link to ("les-taux-de-credit-cle-de-la-reprise"
    /// over "Les taux de crédit, clé de la reprise"), as tables of contents and Markdown renderers
    /// make one: its words are the heading's, not a name the site gave a part of its page (the
    /// "credit" of a photo's credit).
    /// </summary>
    private static bool IsAnchorOfItsText(string id, IElement heading)
    {
        var anchor = LettersAndDigits(id);
        return anchor.Length >= AnchorChars && LettersAndDigits(heading.TextContent).StartsWith(anchor, StringComparison.Ordinal);
    }

    // An anchor this short may be a word of the heading by chance ("top", "nav").
    private const int AnchorChars = 8;

    /// <summary>The text's letters and digits, lower case, without their accents ("clé" is "cle" in an anchor).</summary>
    private static string LettersAndDigits(string text)
    {
        var letters = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }
        return letters.ToString();
    }

    /// <summary>The stronger of two judgements: an element that one of its names calls furniture is furniture.</summary>
    private static Furniture Stronger(Furniture one, Furniture other) => (Furniture)Math.Max((int)one, (int)other);

    /// <summary>
    /// A stock's quote beside the company's name, as financial sites set one in their stories (its
    /// symbol, price and change: "LKSP -31.42%", "6958 3,032円 -1.04%", "HBRK, -3.12%"), or a small
    /// box of quotes by the text ("Mentioned in this article", "Cotizaciones"): named a quote, a
    /// ticker or a stock by its class, its name for tests or its component's name
    /// (<see cref="FurnitureVocabulary.MarketQuoteWord"/>), and holding a change in per cent. An
    /// element in a line of text is such a quote only when it holds nothing else
    /// (<see cref="FurnitureVocabulary.QuoteChipText"/>): a chip that wraps the company's name
    /// with its quote ("Corvid Networks +14.07%") is the sentence's words.
    /// </summary>
    private static bool IsMarketQuote(IElement element, NameAttributes names)
    {
        if (!NamesMarketQuote(names.Class) && !NamesMarketQuote(names.DataTestId) && !NamesMarketQuote(names.Component))
        {
            return false;
        }
        var text = element.TextContent;
        return HtmlVocabulary.IsBlock(element.LocalName)
            ? text.Length <= MarketQuoteBoxChars && PercentChange().IsMatch(text)
            : text.Length <= QuoteChipChars && QuoteChipText().IsMatch(text);
    }

    private static bool NamesMarketQuote(string? value) => value is not null && MarketQuoteWord().IsMatch(value);

    // A box of quotes names a few companies; a box of the story's figures runs longer.
    private const int MarketQuoteBoxChars = 600;

    // A chip's symbol, price and change, and the words its arrow is read as.
    private const int QuoteChipChars = 100;

    /// <summary>
    /// The element is a reader's comment by schema.org's microdata. An &lt;article&gt; named like
    /// comments may be the story's own ("post has-comments"), but one the markup types as a
    /// Comment is one reply of a thread that sets each reply as an &lt;article&gt;, as HTML's
    /// own example of the element does.
    /// </summary>
    public static bool IsMarkedComment(IElement element) =>
        MarksComment(element.GetAttribute("itemprop"), element.GetAttribute("itemtype"));

    /// <summary>An element's <c>itemprop</c> names and <c>itemtype</c> mark it a reader's comment in schema.org's microdata (<see cref="CommentProperty"/>, <see cref="CommentType"/>).</summary>
    private static bool MarksComment(string? properties, string? type)
    {
        if (type is not null && type.AsSpan().TrimEnd('/').EndsWith(CommentType, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (properties is null)
        {
            return false;
        }
        // itemprop holds a list of names parted by spaces ("text comment").
        foreach (var name in properties.AsSpan().Split(' '))
        {
            if (properties.AsSpan()[name].Equals(CommentProperty, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A &lt;header&gt; or a &lt;div&gt; that holds one subheading and nothing else, no link in
    /// it, directly or through a wrapper or two of its own: the heading of a section of the text
    /// (TYPO3 wraps each content element's heading in a &lt;header&gt;, Elementor each heading
    /// widget in two divs), not an article's head, which holds its title (an h1) with its byline
    /// and dates, nor a teaser's, whose headline links to the story. It is a heading, and is read
    /// as one.
    /// </summary>
    public static bool IsSectionHeading(IElement wrapper)
    {
        var inner = wrapper;
        for (var depth = 0; depth < SectionHeadingDepth && inner.ChildElementCount == 1; depth++)
        {
            var child = inner.FirstElementChild!;
            if (child.LocalName is "h2" or "h3" or "h4" or "h5" or "h6")
            {
                return child.QuerySelector("a") is null && wrapper.TextContent.Trim() == child.TextContent.Trim();
            }
            if (child.LocalName != "div")
            {
                return false;
            }
            inner = child;
        }
        return false;
    }

    // The wrapper, the page builder's container inside it, the heading.
    private const int SectionHeadingDepth = 3;

    // Pages repeat a few hundred class values thousands of times; each is judged once per thread.
    [ThreadStatic]
    private static Dictionary<string, Furniture>? _judged;
    [ThreadStatic]
    private static Dictionary<string, Furniture>? _judgedHeadings;
    [ThreadStatic]
    private static Dictionary<string, Furniture>? _judgedLinks;

    /// <param name="link">The name is a link's: the weak words for a tag do not make it furniture.</param>
    private static Furniture NamesFurniture(string? value, bool heading, bool link = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Furniture.None;
        }
        var judged = link ? _judgedLinks ??= new Dictionary<string, Furniture>(StringComparer.Ordinal)
            : heading ? _judgedHeadings ??= new Dictionary<string, Furniture>(StringComparer.Ordinal)
            : _judged ??= new Dictionary<string, Furniture>(StringComparer.Ordinal);
        if (judged.TryGetValue(value, out var furniture))
        {
            return furniture;
        }
        if (judged.Count > 50_000)
        {
            judged.Clear();
        }
        var lower = value.ToLowerInvariant();
        if (heading && lower.Contains("anchorwith", StringComparison.Ordinal))
        {
            // Docusaurus names each subheading for the sticky navigation bar its anchor keeps
            // clear of ("anchorWithStickyNavbar_LWe7", "anchorWithHideOnScrollNavbar_WYt5"): the
            // heading is a place to link to, not the bar.
            lower = lower.Replace("anchorwithstickynavbar", "", StringComparison.Ordinal).Replace("anchorwithhideonscrollnavbar", "", StringComparison.Ordinal);
        }
        if (heading && lower.StartsWith("nav_", StringComparison.Ordinal))
        {
            // heise names each subheading for the page's contents that link to it
            // ("nav_updates_stehen_bereit"): an anchor to navigate to, not a navigation bar.
            lower = lower[4..];
        }
        if (link && lower.Contains("keyword", StringComparison.Ordinal))
        {
            // A word of the story linked as a keyword, as portals link names in their text to a
            // search or a topic (<a class="keyword">江澜理财</a>), is the sentence's, as a link named
            // a tag is; a box of keywords is named so itself, and its links go with it.
            lower = lower.Replace("keyword", "", StringComparison.Ordinal);
        }
        var significant = Significant(lower);
        if (heading)
        {
            // A heading is a header by nature: "header-anchor-post", "section-header" on an h2 in
            // the text name what it is, not the site's header. And the tag a heading names is its
            // own (Enfold's "av-special-heading-tag" on every subheading, its h1-h6 chosen in the
            // page builder), not a list of the story's tags.
            significant = significant.Replace("header", "", StringComparison.Ordinal).Replace("heading-tag", "", StringComparison.Ordinal);
        }
        // Embedded posts (tweets, Instagram) quoted by the article sit in "social-embed" wrappers: content, not a share bar.
        furniture = NamesSocialEmbed(lower) || NamesWordStyle(lower) ? Furniture.None
            : CommentWord().IsMatch(lower) ? Furniture.Comments
            : HasFurnitureWord(lower) || HasToken(lower, FurnitureTokenLookup) ? Furniture.Named
            : ContentWord().IsMatch(lower) ? Furniture.None
            : WeakFurnitureWord().IsMatch(significant) || (!link && HasToken(significant, WeakFurnitureTokenLookup)) ? Furniture.Named
            // A heading is words to read, not an ad's slot: "ad" or "adv" in its name is something else
            // (Kadence's advanced heading, "kt-adv-heading", in the text), and an ad's own label
            // ("Advertisement") is a line the line filter knows. (A gallery's or a widget's heading
            // names what it heads, and goes.)
            : UnlessProseWord().IsMatch(significant) || (!heading && HasToken(significant, UnlessProseTokenLookup)) ? Furniture.UnlessProse
            : Furniture.None;
        judged[value] = furniture;
        return furniture;
    }

    /// <summary>
    /// A page saved from a word processor: Microsoft Word names each paragraph by its style in the
    /// document ("MsoNormal", "MsoBodyText", "MsoCommentText", "MsoHeader"), which says what the text
    /// is in the document, not that it is the page's furniture.
    /// </summary>
    private static bool NamesWordStyle(string names) =>
        names.StartsWith("mso", StringComparison.Ordinal) && !names.Contains(' ', StringComparison.Ordinal);

    /// <summary>
    /// A class name (a run without spaces) with a network's name and "embed" after it, or "embed"
    /// and a network's name after it: what (social|tweet|…)[^ ]*embed|embed[^ ]*(social|tweet|…)
    /// matched. That pattern scanned to the end of the name from every network's name and every
    /// "embed" in it, so a megabyte of "embedembed…" in one class attribute took about an hour. The first
    /// occurrence of each word is the only one to look after: it leaves the most of the name.
    /// </summary>
    private static bool NamesSocialEmbed(string names)
    {
        foreach (var range in names.AsSpan().Split(' '))
        {
            var name = names.AsSpan()[range];
            var embed = name.IndexOf("embed", StringComparison.Ordinal);
            if (embed < 0)
            {
                continue;
            }
            foreach (var network in Networks)
            {
                var at = name.IndexOf(network, StringComparison.Ordinal);
                if (at >= 0 && (name[(at + network.Length)..].Contains("embed", StringComparison.Ordinal) ||
                                name[(embed + "embed".Length)..].Contains(network, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }
        return false;
    }


    /// <summary>
    /// The class names that say what an element is, for the weak words. A BEM modifier says which variant of a
    /// block it is ("Section--Ads" is a section, "card--hidden-caption" a card), so it is cut
    /// off; and in a list of classes, the taxonomy classes CMSs add to a post ("tag-politics",
    /// "category-ads") name the post's subjects, not its role.
    /// </summary>
    private static string Significant(string value)
    {
        if (!value.Contains("--", StringComparison.Ordinal) && !value.Contains("tag-", StringComparison.Ordinal) && !value.Contains("category-", StringComparison.Ordinal))
        {
            return value;
        }
        var names = value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(names.Length);
        foreach (var name in names)
        {
            if (names.Length >= 3 && (name.StartsWith("tag-", StringComparison.Ordinal) || name.StartsWith("category-", StringComparison.Ordinal)))
            {
                continue;
            }
            var modifier = name.IndexOf("--", StringComparison.Ordinal);
            kept.Add(modifier > 0 ? name[..modifier] : name);
        }
        return string.Join(' ', kept);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FurnitureTokenLookup = FurnitureTokens.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WeakFurnitureTokenLookup = WeakFurnitureTokens.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UnlessProseTokenLookup = UnlessProseTokens.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool HasToken(string names, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> tokens)
    {
        foreach (var range in names.AsSpan().SplitAny(" -_:.\t\n/"))
        {
            var token = names.AsSpan()[range];
            if (token.Length is > 0 and <= 11 && tokens.Contains(token))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>What an element's markup says about it as furniture.</summary>
internal enum Furniture
{
    None,
    /// <summary>Furniture unless it holds prose: a name page builders also give the article's text blocks.</summary>
    UnlessProse,
    /// <summary>Furniture by its tag, role or name.</summary>
    Named,
    /// <summary>Readers' comments by name: furniture even when it holds most of the page's prose.</summary>
    Comments,
}
