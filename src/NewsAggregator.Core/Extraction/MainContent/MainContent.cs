using System.Text.RegularExpressions;
using AngleSharp.Dom;
using static NewsAggregator.Extraction.FurnitureVocabulary;

namespace NewsAggregator.Extraction;

/// <summary>What the survey of a page found: the elements the article leaves out and those the publisher marked as its body.</summary>
/// <param name="Outline">The surveyed subtree.</param>
/// <param name="LeftOut">By position: hidden elements and furniture, neither measured nor rendered.</param>
/// <param name="Headers">By position: &lt;header&gt; elements, measured, because a teaser's headline sits in one
/// and gives the teaser away, but never rendered, because an article's holds its title and byline; in a live
/// blog's post, the header's parts but its heading, which titles the post.</param>
/// <param name="MarkedBodies">Positions of elements marked itemprop=articleBody, or as a post's content by microformats.</param>
/// <param name="SoleArticle">Position of the page's one &lt;article&gt; element; -1 when it has none or several.</param>
internal sealed record PageSurvey(PageOutline Outline, bool[] LeftOut, bool[] Headers, IReadOnlyList<int> MarkedBodies, int SoleArticle = -1)
{
    public bool Unrendered(IElement element) =>
        Outline.PositionOf(element) is var position and >= 0 && (LeftOut[position] || Headers[position]);

    /// <summary>Leaves out elements found after the measure (boxes of furniture inside the chosen container): rendering skips them too.</summary>
    public void LeaveOut(IEnumerable<int> positions)
    {
        foreach (var position in positions)
        {
            LeftOut[position] = true;
        }
    }
}

/// <summary>
/// Finds the element that holds the article. Furniture is left out first (unless it holds
/// most of the page's prose, which means the markup named a wrapper oddly); the element with
/// the best <see cref="TextMass"/> score wins and is widened to ancestors that add mostly
/// prose; the publisher's itemprop=articleBody element, the precise candidate, replaces it
/// when it holds most of that prose.
/// </summary>
internal static partial class MainContent
{
    // Below this score the best element is no article worth the name: a page of links and labels.
    private const double MinimumScore = 60;
    // A wrapper that holds this share of the page's prose is the article's, whatever its name.
    private const double ProtectedProseShare = 0.6;
    // An ancestor is taken in when at least this share of what it adds is prose.
    private const double WidenProseShare = 0.4;
    // The articleBody mark is taken over the measure's choice when it holds this share of the chosen prose.
    private const double MarkedBodyProseShare = 0.7;
    // The page's only <article> is taken over the measure's choice with this much prose, and this share of the chosen prose.
    private const double SoleArticleMinimumProse = 200;
    private const double SoleArticleProseShare = 0.3;
    // Prose enough for a short article: a second look prefers such an element to readers' comments.
    private const double ShortArticleProse = 250;
    // A table's row or a row's cell is the text's box when it holds this share of the score (RichestCell);
    private const double RichestCellScoreShare = 0.7;
    // the row's other cells are more of the text, not columns of furniture beside it, when this share of
    // what they add is prose: a stricter bar than a wrapper's (WidenProseShare), because a column of
    // teasers or notices reads as short prose too.
    private const double ColumnProseShare = 0.7;
    // A sibling of the chosen element joins it with this share of its score (and at least the minimum),
    private const double SiblingScoreShare = 0.2;
    private const double SiblingMinimumScore = 20;
    // or as a paragraph of this much plain text, nearly all of it prose.
    private const double SiblingParagraphChars = 80;
    private const double SiblingPlainShare = 0.8;
    // The chosen element is all of its table's text while the wrappers up to the table add no more than this.
    private const double TableWrapperGrowth = 1.25;
    private const double TableWrapperChars = 50;
    // An element named furniture-unless-prose keeps its place with this much prose, making up this share of its text.
    private const double UnlessProseMinimum = 80;
    private const double UnlessProseShare = 0.5;
    // A quoted social post's own wrappers; further up, a "widget" is a real sidebar widget.
    private const int QuotedPostWrapperDepth = 4;

    /// <summary>
    /// Elements the article leaves out: what a reader does not see (hidden) and page furniture
    /// (navigation, share bars, related lists and the like), unless the furniture holds most of
    /// the page's prose or the publisher's articleBody mark. Nothing is removed from the DOM:
    /// measuring and rendering skip these subtrees, which costs less than mutating the tree.
    /// </summary>
    /// <param name="look">A second look spares the element named like furniture (by class or id, not by tag or role)
    /// that holds the most prose, with its ancestors, as the article's wrapper after all; a third ignores such names.</param>
    /// <param name="title">The page's title: an element named for readers' comments that holds the headline is the article's wrapper (comments follow a headline, they never hold it).</param>
    /// <summary>
    /// The header of one of a live blog's posts: an &lt;article&gt; among three or more sibling
    /// articles, its header holding a heading of its own with no link in it (a teaser's title is a
    /// link to its page).
    /// </summary>
    private static bool IsPostHeader(IElement header)
    {
        if (header.ParentElement is not { LocalName: "article" } post || post.ParentElement is not { } feed)
        {
            return false;
        }
        var heading = header.Children.FirstOrDefault(child => HtmlVocabulary.IsHeading(child.LocalName));
        if (heading is null || heading.GetElementsByTagName("a").Length > 0)
        {
            return false;
        }
        // Counted only as far as a feed's number: asked for every post's header, a count of all the
        // feed's articles made a live blog of many posts cost the square of their number.
        var posts = 0;
        foreach (var sibling in feed.Children)
        {
            if (sibling.LocalName == "article" && ++posts == PostsOfALiveBlog)
            {
                return true;
            }
        }
        return false;
    }

    // Three posts in a row make a feed; one or two articles are a story and its like.
    private const int PostsOfALiveBlog = 3;

    public static PageSurvey Survey(PageOutline outline, Look look = Look.First, string? title = null)
    {
        // One pass finds what a reader does not see and notes the landmarks of what they do.
        var hidden = new bool[outline.Count];
        var markedBodies = new List<int>();
        var quotedPosts = new List<int>();
        var soleArticle = -1;
        var articles = 0;
        List<int>? veiled = null;
        Scan(0, outline.Count);
        if (veiled is not null && Unveiled(outline, hidden, veiled) is { } shown)
        {
            hidden[shown] = false;
            Scan(shown + 1, outline.SubtreeEnd(shown));
            markedBodies.Sort();
            quotedPosts.Sort();
        }
        using var mass = TextMass.Of(outline, hidden);
        var markedPaths = new List<int>(markedBodies);
        // A root that never carries text (a source's selector may choose one) has no position.
        var protectedProse = outline.Count > 0 ? mass[0].Prose * ProtectedProseShare : 0;
        if (look == Look.SpareRichestNamed && RichestNamed(outline, mass) is { } richest)
        {
            markedPaths.Add(richest);
        }
        var protectedWrappers = ProtectedWrappers(outline, markedPaths, quotedPosts);
        var leftOut = new bool[outline.Count];
        var headers = new bool[outline.Count];
        // The root's descendants, each subtree left out passed over whole.
        for (var position = 1; position < outline.Count;)
        {
            var element = outline.Element(position);
            // The measure left out hidden elements already.
            if (!mass.Holds(position) || IsLineNumbers(element) ||
                (Judge(element, look) is var furniture && IsLeftOut(furniture, mass[position]) &&
                 !protectedWrappers[position] && (element.LocalName is not ("article" or "main") || BoilerplateMarkers.IsMarkedComment(element)) &&
                 (mass[position].Prose < protectedProse || furniture == Furniture.Comments) &&
                 !(furniture == Furniture.Comments && HoldsTitleLine(outline, mass, position, title))))
            {
                leftOut[position] = true;
                position = outline.SubtreeEnd(position);
                continue;
            }
            if (element.LocalName == "header" && !protectedWrappers[position] && !BoilerplateMarkers.IsSectionHeading(element))
            {
                if (IsPostHeader(element))
                {
                    // A live blog's post: its header's heading is the post's title, a line of the
                    // text; its time and writer stay unrendered.
                    for (var child = position + 1; child < outline.SubtreeEnd(position); child = outline.SubtreeEnd(child))
                    {
                        headers[child] = !HtmlVocabulary.IsHeading(outline.Element(child).LocalName);
                    }
                }
                else
                {
                    headers[position] = true;
                }
            }
            if (element.LocalName is "pre" or "code")
            {
                // Inside code, class names are a highlighter's names for the code's parts ("token
                // keyword", "token comment", "hljs-title"), not the page's for its furniture; only
                // the highlighter's gutter of line numbers goes.
                var end = outline.SubtreeEnd(position);
                for (var inner = position + 1; inner < end; inner++)
                {
                    if (IsLineNumbers(outline.Element(inner)))
                    {
                        leftOut[inner] = true;
                        inner = outline.SubtreeEnd(inner) - 1;
                    }
                }
                position = end;
                continue;
            }
            position++;
        }
        return new PageSurvey(outline, leftOut, headers, markedBodies, articles == 1 ? soleArticle : -1);

        // The control sits just before the part it opens: its subtree ends there.
        void HideControl(int position, IElement control)
        {
            for (var before = position - 1; before >= 0 && position - before <= ControlElements; before--)
            {
                if (outline.Element(before) == control)
                {
                    hidden[before] = true;
                    return;
                }
            }
        }

        void Scan(int start, int end)
        {
            for (var position = start; position < end;)
            {
                var element = outline.Element(position);
                var marks = Marks.Of(element);
                var opener = marks.Hidden ? OpeningControl(element) : null;
                if (opener is not null)
                {
                    // Read as opened: the control that opened it is gone from a reader's view.
                    HideControl(position, opener);
                }
                if ((marks.Hidden && opener is null) || IsHoverCard(outline, position) || IsNoteMark(element))
                {
                    hidden[position] = true;
                    if (marks.Veiled)
                    {
                        (veiled ??= []).Add(position);
                    }
                    position = outline.SubtreeEnd(position);
                    continue;
                }
                if ((marks.ItemProp is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase)) || IsEntryContent(marks.Class))
                {
                    markedBodies.Add(position);
                }
                else if (element.LocalName == "blockquote" && SocialPost().IsMatch(marks.Class ?? ""))
                {
                    quotedPosts.Add(position);
                }
                if (element.LocalName == "article" && articles++ == 0)
                {
                    soleArticle = position;
                }
                position++;
            }
        }
    }

    // A "read more" control is a few elements (a link, a bold label in it, an arrow's icon).
    private const int ControlElements = 8;

    /// <summary>
    /// Text hidden behind the "read more" control right before it, which names it: the rest of a
    /// post behind a blog's cut (Diary.ru's "Читать дальше", whose script is given the part's id),
    /// a body collapsed behind a button that says which element it opens (<c>aria-controls</c>, a
    /// link to its id). A reader opens it with one click, as a closed &lt;details&gt;. A menu's or a
    /// dialog's toggle is named for what it shows, not as the way to more of the text.
    /// </summary>
    /// <returns>The control, or null when the element is no such part.</returns>
    private static IElement? OpeningControl(IElement element)
    {
        if (element.Id is not { Length: > 0 } id || element.PreviousElementSibling is not { LocalName: "a" or "button" } control ||
            !IsReadMoreMarker(control.TextContent.AsSpan().Trim()))
        {
            return null;
        }
        var names = control.GetAttribute("aria-controls") == id ||
                    (control.GetAttribute("href") is { } href && href.EndsWith("#" + id, StringComparison.Ordinal)) ||
                    (control.GetAttribute("onclick") is { } script && (script.Contains(id, StringComparison.Ordinal) || EndsWithArgument(id, script)));
        return names ? control : null;
    }

    // The id ends with a quoted argument of the script ("more221908734m1", "swapMore('221908734m1', e)").
    private static bool EndsWithArgument(string id, string script)
    {
        var parts = script.Split('\'', '"');
        for (var i = 1; i < parts.Length; i += 2)
        {
            if (parts[i].Length >= 4 && id.EndsWith(parts[i], StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    // A note's number, its brackets included ("1", "[12]", "iv").
    private const int NoteMarkChars = 4;

    /// <summary>
    /// A footnote's mark in the text and the way back from the note: a <c>&lt;sup&gt;</c> that
    /// holds only a link to a place on the page, as Markdown renderers and wikis write a note's
    /// number (<c>&lt;sup&gt;&lt;a href="#fn-1"&gt;1&lt;/a&gt;&lt;/sup&gt;</c>), a link the page marks as
    /// one (DPUB-ARIA's <c>doc-noteref</c> and <c>doc-backlink</c>), or a link to a place on the page
    /// that shows only an arrow ("↩"). Rendered, the number runs into the word or figure before
    /// it ("in 1989.1") and the arrow stands at the end of the note; a reader reads past both.
    /// A bare link to a place on the page is a mark too when it shows a note's number set off as
    /// one ("*1", "[2]", "(3)", "†") and stands after words of its block, as Hatena Blog writes
    /// them (<c>&lt;a class="footnote" href="#f-…"&gt;*1&lt;/a&gt;</c>, in Japanese, where no space
    /// separates it from the word it follows): the same mark opening a note is the note's label.
    /// </summary>
    private static bool IsNoteMark(IElement element)
    {
        switch (element.LocalName)
        {
            case "sup":
                return element.ChildElementCount == 1 && element.FirstElementChild is { LocalName: "a" } link && PointsWithinPage(link) &&
                       element.TextContent.AsSpan().Trim().Length is > 0 and <= NoteMarkChars;
            case "a":
                return element.GetAttribute("role") is "doc-noteref" or "doc-backlink" ||
                       (PointsWithinPage(element) &&
                        (element.TextContent.AsSpan().Trim() is "↩" or "↩︎" or "↑" or "^" or "⤴" ||
                         (NoteNumber().IsMatch(element.TextContent) && FollowsWords(element))));
            default:
                return false;
        }

        static bool PointsWithinPage(IElement link) => link.GetAttribute("href") is { Length: > 1 } href && href[0] == '#';

        // Words of the same block before it: beside the link, or beside any inline element around
        // it (a <span>, a <sup>), up to the block that holds it.
        static bool FollowsWords(IElement link)
        {
            for (var node = link; ;)
            {
                for (var before = node.PreviousSibling; before is not null; before = before.PreviousSibling)
                {
                    if (!string.IsNullOrWhiteSpace(before.TextContent))
                    {
                        return true;
                    }
                }
                if (node.ParentElement is not { } parent || HtmlVocabulary.IsBlock(parent.LocalName))
                {
                    return false;
                }
                node = parent;
            }
        }
    }

    // A note's number set off as one: "*1", "※2", "[3]", "(4)", "†", "‡". A bare "1" may be a
    // figure the text links to; it counts as a mark only inside <sup> (above).
    [GeneratedRegex(@"^\s*([*※]\d{1,3}|\[\d{1,3}\]|\(\d{1,3}\)|[*†‡]{1,3})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NoteNumber();

    /// <summary>
    /// A card shown when the pointer rests on a link (a person's photo, name and latest stories
    /// beside their name in the text): an inline element right after the link, no text between
    /// them, mostly links, one of them where the link goes. A reader sees the name; the card's text,
    /// rendered, runs into the sentence ("Rep. Ilhan OmarIlhan OmarHillicon Valley: …").
    /// </summary>
    private static bool IsHoverCard(PageOutline outline, int position)
    {
        var parent = outline.Parent(position);
        if (parent < 0 || position - 1 == parent || outline.Element(position).LocalName != "span")
        {
            return false;
        }
        // The sibling before it: the element of the last position before it whose parent is the same.
        var before = position - 1;
        while (outline.Parent(before) != parent)
        {
            before = outline.Parent(before);
        }
        // The link shows words (a name), not only a picture, and the card follows them straight away.
        if (outline.RunEnd(before) != outline.RunStart(position) || outline.RunStart(before) == outline.RunEnd(before) ||
            outline.Element(before) is not { LocalName: "a" } link ||
            link.GetAttribute("href") is not { Length: > 0 } href || href.StartsWith('#'))
        {
            return false;
        }
        // A card is links (the name again, the person's stories); a link cut in two by a word
        // processor's spans ("<a>expand</a><span><a>ed</a> to Jupiter's moon …</span>") is prose.
        var again = false;
        var linkChars = 0;
        foreach (var inner in outline.Element(position).GetElementsByTagName("a"))
        {
            again |= inner.GetAttribute("href") == href;
            linkChars += inner.TextContent.Trim().Length;
        }
        return again && linkChars * 2 >= outline.Element(position).TextContent.Trim().Length;
    }

    /// <summary>
    /// The element hidden by its style's <c>visibility:hidden</c> alone that holds most of the
    /// page's prose, or null: a page whose script shows the article once it has run (WeChat's
    /// official-account pages ship their whole text so, <c>id="js_content"</c>, and fade-in
    /// layouts do the same). Everything else hidden stays hidden: a reader never sees a dialog's
    /// template or a closed menu, and text hidden with display:none or the hidden attribute is not
    /// waiting for a script to show it.
    /// </summary>
    private static int? Unveiled(PageOutline outline, bool[] hidden, List<int> veiled)
    {
        var trial = (bool[])hidden.Clone();
        foreach (var position in veiled)
        {
            trial[position] = false;
        }
        using var mass = TextMass.Of(outline, trial);
        foreach (var position in veiled)
        {
            if (mass.Holds(position) && mass[position].Prose > ProtectedProseShare * mass[0].Prose)
            {
                return position;
            }
        }
        return null;
    }

    /// <summary>The position of the element with the highest score, or null when nothing on the page reads like prose.</summary>
    /// <param name="outline">The page's body.</param>
    /// <param name="mass">The page measured without what <see cref="Survey"/> left out.</param>
    /// <param name="markedBodies">Positions of elements marked itemprop=articleBody, or as a post's content by microformats.</param>
    /// <param name="whole">Set when the choice is the page's only &lt;article&gt; taken over what the measure chose:
    /// a whole composition, which what stands beside it does not continue.</param>
    /// <param name="title">The page's title: a story headed by it is the page's, where the choice holds two (<see cref="TitledStory"/>).</param>
    public static int? Best(PageOutline outline, TextMass mass, IReadOnlyList<int> markedBodies, int soleArticle, string? title, out bool whole)
    {
        whole = false;
        int? best = null;
        double bestScore = MinimumScore;
        // Post-order visits children first, so a parent must do strictly better than its best child to win.
        foreach (var position in mass.PostOrder)
        {
            if (mass[position].Score > bestScore)
            {
                best = position;
                bestScore = mass[position].Score;
            }
        }
        if (best is not { } found)
        {
            return null;
        }
        found = RichestCell(outline, mass, found);
        var chosen = Widen(outline, found, mass);
        // The precise candidate: the publisher's own articleBody mark, when it holds most of what the measure found.
        foreach (var marked in markedBodies)
        {
            if (mass.Holds(marked) && mass[marked].Prose >= MarkedBodyProseShare * mass[chosen].Prose)
            {
                return marked;
            }
        }
        if (TitledStory(outline, mass, chosen, title) is { } story)
        {
            whole = true;
            return story;
        }
        // The author's own mark, one level less precise: the page's only <article>, when the measure
        // chose something around it or beside it (a comment thread that outweighs a short story).
        if (soleArticle > 0 && mass.Holds(soleArticle) && !(soleArticle <= chosen && chosen < outline.SubtreeEnd(soleArticle)) &&
            mass[soleArticle].Prose >= SoleArticleMinimumProse && mass[soleArticle].Prose >= SoleArticleProseShare * mass[chosen].Prose)
        {
            whole = true;
            return soleArticle;
        }
        return chosen;
    }

    /// <summary>
    /// The story headed by the page's title, when the chosen element holds it and another story
    /// beside it: a page that loads the next story below the first as the reader scrolls (or
    /// shows a second one whole) sums both stories' prose in their common wrapper, which then
    /// outscores each. The title's story is the child of the chosen element that holds the title's
    /// heading; it is taken whole (what stands beside it is the other story) when it holds an
    /// article's worth of prose and an &lt;article&gt; of its own, and another &lt;article&gt;
    /// with an article's worth of prose stands outside it. A headline above a body in a wrapper of
    /// its own is no story: it holds no &lt;article&gt;, so the chosen element stays.
    /// </summary>
    private static int? TitledStory(PageOutline outline, TextMass mass, int chosen, string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        var end = outline.SubtreeEnd(chosen);
        var heading = chosen + 1;
        while (heading < end && !IsHeadline(outline.Element(heading), title))
        {
            heading++;
        }
        if (heading == end)
        {
            return null;
        }
        var story = heading;
        while (outline.Parent(story) != chosen)
        {
            story = outline.Parent(story);
        }
        if (!mass.Holds(story) || mass[story].Prose < SoleArticleMinimumProse)
        {
            return null;
        }
        var storyEnd = outline.SubtreeEnd(story);
        bool ownArticle = false, otherArticle = false;
        for (var position = chosen + 1; position < end; position++)
        {
            if (outline.Element(position).LocalName != "article")
            {
                continue;
            }
            if (story <= position && position < storyEnd)
            {
                ownArticle = true;
            }
            else if (mass.Holds(position) && mass[position].Prose >= SoleArticleMinimumProse)
            {
                otherArticle = true;
            }
        }
        return ownArticle && otherArticle ? story : null;
    }

    /// <summary>
    /// The chosen element with the siblings that continue its article, in page order: an
    /// article split over several blocks under one parent (the parent also holding ads or
    /// teasers, which keep it from winning) is taken whole, and so is a lead or standfirst just
    /// outside the publisher's articleBody. A sibling joins when it scores a fair share of the
    /// chosen element's score, or when it is a paragraph of plain prose (Readability's rule too).
    /// </summary>
    public static List<int> WithSiblings(PageOutline outline, TextMass mass, int chosen)
    {
        var parent = outline.Parent(chosen);
        if (parent < 0)
        {
            return [chosen];
        }
        var threshold = Math.Max(SiblingMinimumScore, SiblingScoreShare * mass[chosen].Score);
        var joined = new List<int>();
        for (var sibling = parent + 1; sibling < outline.SubtreeEnd(parent); sibling = outline.SubtreeEnd(sibling))
        {
            if (sibling == chosen)
            {
                joined.Add(sibling);
                continue;
            }
            // Only blocks continue an article: inline siblings run into their neighbours' paragraphs.
            if (!mass.Holds(sibling) || !IsOrHoldsBlocks(outline.Element(sibling)))
            {
                continue;
            }
            var measure = mass[sibling];
            if (measure.Score >= threshold ||
                (measure.Prose >= SiblingParagraphChars && measure.Score >= SiblingPlainShare * measure.Chars))
            {
                joined.Add(sibling);
            }
        }
        return joined.Count == 1 && SiblingTables(outline, mass, chosen, threshold) is { } tables ? tables : joined;
    }

    // A lead is looked for this many levels above the chosen text, and the headline no further up.
    private const int LeadLevels = 4;
    // A heading longer than this is no headline (the title of a page is a line).
    private const int HeadlineMaxChars = 300;

    /// <summary>
    /// The lead or standfirst of the chosen text: paragraphs of plain prose that stand between
    /// the article's headline and the text, outside the text's own container (a "head" block
    /// beside the wrapper of the body, under the headline). Only when the headline is found
    /// above them, a few levels up at most, so what is taken is the article's by its place:
    /// between its title and its body. What stands there that is not prose (the byline, the
    /// date, the share row) stays out. Empty when there is no such lead.
    /// </summary>
    public static List<int> LeadBefore(PageOutline outline, TextMass mass, int chosen, string? title)
    {
        var leads = new List<int>();
        if (string.IsNullOrWhiteSpace(title))
        {
            return leads;
        }
        var node = chosen;
        var before = new List<int>();
        for (var level = 0; level < LeadLevels && outline.Parent(node) > 0; level++)
        {
            var parent = outline.Parent(node);
            // The children of the parent before node, walked nearest first.
            before.Clear();
            for (var child = parent + 1; child < node; child = outline.SubtreeEnd(child))
            {
                before.Add(child);
            }
            for (var i = before.Count - 1; i >= 0; i--)
            {
                var sibling = before[i];
                if (HoldsHeadline(outline, sibling, title))
                {
                    leads.Reverse();
                    return leads;
                }
                if (mass.Holds(sibling) && IsLead(outline.Element(sibling), mass[sibling]))
                {
                    leads.Add(sibling);
                }
            }
            node = parent;
        }
        return [];
    }

    /// <summary>
    /// Plain prose, as a sibling paragraph joins the text (<see cref="WithSiblings"/>); an inline
    /// element (a &lt;strong&gt; summary between the headline and the body) has no measure of its
    /// own, its text counting to the block around it, so its own text is read: a sentence's
    /// length, and little of it in links.
    /// </summary>
    private static bool IsLead(IElement element, TextMass.Measure measure)
    {
        if (HoldsPicture(element))
        {
            return false;
        }
        if (element.LocalName is "h2" or "h3" or "h4" or "h5" or "h6")
        {
            // A standfirst set as a subheading (h3 id="article_lead"): a sentence, which no
            // section's label or kicker is, and no link. Measured, it pays a unit's cost as a
            // block, not a paragraph's, and a one-sentence lead falls short of a paragraph's prose.
            var text = element.TextContent.AsSpan().Trim();
            return text.Length >= SiblingParagraphChars && TextMass.SentenceEnds.Contains(text[^1]) && element.QuerySelector("a[href]") is null;
        }
        if (IsOrHoldsBlocks(element))
        {
            return measure.Prose >= SiblingParagraphChars && measure.Score >= SiblingPlainShare * measure.Chars;
        }
        if (HtmlVocabulary.IsLink(element))
        {
            return false;
        }
        // Names in the summary may link to their pages ("<strong>… <a>Kinga Rusin</a> przyznaje …</strong>"),
        // as in a paragraph of the text: plain, as a sibling paragraph must be, by the same share.
        var chars = element.TextContent.AsSpan().Trim().Length;
        return chars >= SiblingParagraphChars && LinkChars(element) <= (1 - SiblingPlainShare) * chars;
    }

    /// <summary>The characters of the element's text inside its links.</summary>
    private static int LinkChars(IElement element)
    {
        var chars = 0;
        foreach (var link in element.QuerySelectorAll("a[href]"))
        {
            chars += link.TextContent.AsSpan().Trim().Length;
        }
        return chars;
    }

    /// <summary>A box with a picture: the text beside it is the picture's caption or a quote set over it, not the lead.</summary>
    private static bool HoldsPicture(IElement element) =>
        element.LocalName is "img" or "picture" or "figure" || element.QuerySelector("img, picture, figure, figcaption") is not null;

    /// <summary>The element is, or holds, a heading whose text is the title.</summary>
    private static bool HoldsHeadline(PageOutline outline, int position, string title)
    {
        for (var inner = position; inner < outline.SubtreeEnd(position); inner++)
        {
            if (IsHeadline(outline.Element(inner), title))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The element holds a line whose text is the title: the headline, set in a heading or, on
    /// older pages, in a block of its own (div class="newspaper_name").
    /// </summary>
    private static bool HoldsTitleLine(PageOutline outline, TextMass mass, int position, string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return false;
        }
        // A thread holds thousands of blocks: only those about the title's length are read, the
        // words being compared folded (punctuation and case apart), so within a margin.
        var titleWeight = TextMass.Weigh(title);
        for (var inner = position; inner < outline.SubtreeEnd(position); inner++)
        {
            var element = outline.Element(inner);
            if (HtmlVocabulary.IsBlock(element.LocalName) && mass[inner].Chars is var weight &&
                weight >= titleWeight / 2 && weight <= titleWeight * 2 &&
                Headline.SameFolded(element.TextContent.Trim(), title))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A heading whose text is the title.</summary>
    private static bool IsHeadline(IElement element, string title) =>
        element.LocalName is "h1" or "h2" or "h3" && element.TextContent is var text && text.Length < HeadlineMaxChars &&
        Headline.SameFolded(text.Trim(), title);

    /// <summary>
    /// An old layout's article split over sibling tables, one box of it in each (a section per
    /// table, with tables of links between): the chosen text's own table, when the chosen element
    /// is all of that table's text, with the sibling tables that score a fair share of it, as for
    /// siblings; null when there are none. Only tables join, so a page's other blocks beside
    /// them do not; a notice or a menu under the text scores nowhere near a share of it.
    /// </summary>
    private static List<int>? SiblingTables(PageOutline outline, TextMass mass, int chosen, double threshold)
    {
        var table = chosen;
        while (outline.Element(table).LocalName != "table")
        {
            table = outline.Parent(table);
            // A wrapper that adds text of its own (a row's menu cell beside the text) is the layout, not the text's box.
            if (table <= 0 || mass[table].Chars > mass[chosen].Chars * TableWrapperGrowth + TableWrapperChars)
            {
                return null;
            }
        }
        var parent = outline.Parent(table);
        var joined = new List<int>();
        for (var sibling = parent + 1; sibling < outline.SubtreeEnd(parent); sibling = outline.SubtreeEnd(sibling))
        {
            if (sibling == table ||
                (mass.Holds(sibling) && outline.Element(sibling).LocalName == "table" && mass[sibling].Score >= threshold))
            {
                joined.Add(sibling);
            }
        }
        return joined.Count > 1 ? joined : null;
    }

    /// <summary>
    /// Keeps the editorial boxes inside the chosen text that the survey left out by name: a box
    /// named "sidebar" (<see cref="FurnitureVocabulary.EditorialBoxWord"/>) nested in the article's
    /// own container that reads as prose (a few sentences, few links) is the story's sidebar in the
    /// print sense, not the page's column of widgets. Its own furniture and hidden parts stay out.
    /// </summary>
    public static void KeepEditorialBoxes(PageOutline outline, PageSurvey survey, List<int> joined)
    {
        foreach (var root in joined)
        {
            for (var position = root + 1; position < outline.SubtreeEnd(root);)
            {
                var element = outline.Element(position);
                if (!survey.LeftOut[position])
                {
                    position++;
                    continue;
                }
                if (IsEditorialBox(element))
                {
                    survey.LeftOut[position] = false;
                    LeaveOutFurnitureWithin(outline, survey, position);
                }
                position = outline.SubtreeEnd(position);
            }
        }
    }

    // An editorial box holds a paragraph or two of prose, in sentences, with few links.
    private const int EditorialBoxChars = 400;
    private const int EditorialBoxSentences = 3;
    private const double EditorialBoxLinkShare = 0.2;

    // A fact box is a few lines of figures or points, not sentences; fewer characters than this are a label.
    private const int FactBoxChars = 80;

    /// <summary>
    /// Named furniture only by an editorial box's name, visible, and prose by its own text; or
    /// named a box of facts (<see cref="FurnitureVocabulary.FactBoxWord"/>), whatever its tag or
    /// role, visible and not a list of links.
    /// </summary>
    private static bool IsEditorialBox(IElement element)
    {
        if (BoilerplateMarkers.Judge(element) != Furniture.Named)
        {
            return false;
        }
        var names = ((element.GetAttribute("class") ?? "") + " " + (element.GetAttribute("id") ?? "")).ToLowerInvariant();
        var factBox = FactBoxWord().IsMatch(names);
        if ((!factBox && (BoilerplateMarkers.Judge(element, byName: false) != Furniture.None || !EditorialBoxWord().IsMatch(names))) || Marks.Of(element).Hidden)
        {
            return false;
        }
        int chars = 0, linkChars = 0, sentences = 0, linkDepth = 0;
        foreach (var (node, leaving) in DomWalk.Of(element))
        {
            if (node is IElement inner)
            {
                if (HtmlVocabulary.IsLink(inner))
                {
                    linkDepth += leaving ? -1 : 1;
                }
                continue;
            }
            var data = ((IText)node).Data;
            for (var i = 0; i < data.Length; i++)
            {
                if (char.IsWhiteSpace(data[i]))
                {
                    continue;
                }
                chars++;
                linkChars += linkDepth > 0 ? 1 : 0;
                if (data[i] is '.' or '!' or '?' && (i + 1 == data.Length || char.IsWhiteSpace(data[i + 1])))
                {
                    sentences++;
                }
            }
        }
        return factBox
            ? chars >= FactBoxChars && linkChars <= EditorialBoxLinkShare * chars
            : chars >= EditorialBoxChars && sentences >= EditorialBoxSentences && linkChars <= EditorialBoxLinkShare * chars;
    }

    /// <summary>The survey's judgement inside a box it had passed over whole: hidden elements and furniture by tag, role or name go.</summary>
    private static void LeaveOutFurnitureWithin(PageOutline outline, PageSurvey survey, int box)
    {
        for (var position = box + 1; position < outline.SubtreeEnd(box);)
        {
            var element = outline.Element(position);
            if (Marks.Of(element).Hidden || IsNoteMark(element) || BoilerplateMarkers.Judge(element) is Furniture.Named or Furniture.Comments)
            {
                survey.LeftOut[position] = true;
                position = outline.SubtreeEnd(position);
                continue;
            }
            position++;
        }
    }

    /// <summary>
    /// A block, or an inline element that holds blocks: old pages leave a &lt;font&gt; open across
    /// paragraphs (&lt;p&gt;&lt;font&gt;…&lt;/p&gt;), and the parser reopens it around each next
    /// paragraph, so the article's paragraphs stand in sibling &lt;font&gt; elements.
    /// </summary>
    private static bool IsOrHoldsBlocks(IElement element)
    {
        if (HtmlVocabulary.IsBlock(element.LocalName))
        {
            return true;
        }
        foreach (var child in element.Children)
        {
            if (HtmlVocabulary.IsBlock(child.LocalName))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The measure's choice, or the table cell inside it that holds the text. A table row's cells
    /// are the columns of an old layout (a menu, the text, a column of links and notices beside
    /// it), and a row scores the sum of its cells, so it beats its richest cell whenever a column
    /// beside the text scores above nothing. Down through the table, its body and its row while
    /// one child holds most of the score, to that child; at a row, only when what its other
    /// cells add is not mostly prose (an article set in two columns keeps both).
    /// </summary>
    private static int RichestCell(PageOutline outline, TextMass mass, int found)
    {
        while (outline.Element(found).LocalName is "table" or "tbody" or "thead" or "tfoot" or "tr")
        {
            var richest = -1;
            for (var child = found + 1; child < outline.SubtreeEnd(found); child = outline.SubtreeEnd(child))
            {
                if (mass.Holds(child) && (richest < 0 || mass[child].Score > mass[richest].Score))
                {
                    richest = child;
                }
            }
            if (richest < 0 || mass[richest].Score < RichestCellScoreShare * mass[found].Score ||
                (outline.Element(found).LocalName == "tr" && IsColumnOfProse(mass[found], mass[richest])))
            {
                break;
            }
            found = richest;
        }
        return found;
    }

    /// <summary>What a row adds to one of its cells (its other cells) is mostly prose: more of the text, not a column of furniture.</summary>
    private static bool IsColumnOfProse(TextMass.Measure row, TextMass.Measure cell) =>
        row.Prose - cell.Prose >= ColumnProseShare * (row.Chars - cell.Chars);

    /// <summary>
    /// Climbs from the best element while an ancestor adds mostly prose: an article whose
    /// paragraphs are interleaved with product boxes or link-led list items scores below its
    /// best paragraph, yet the ancestor's additions read like text, not like furniture.
    /// </summary>
    private static int Widen(PageOutline outline, int best, TextMass mass)
    {
        var current = best;
        var kept = mass[best];
        for (var ancestor = outline.Parent(best); ancestor >= 0; ancestor = outline.Parent(ancestor))
        {
            var measure = mass[ancestor];
            var addedProse = measure.Prose - kept.Prose;
            var addedChars = measure.Chars - kept.Chars;
            if (addedChars <= 0)
            {
                continue;
            }
            if (outline.Element(ancestor).LocalName == "tr" && !IsColumnOfProse(measure, kept))
            {
                // The row's other cells are columns beside the text, not more of it (RichestCell).
                break;
            }
            if (addedProse < WidenProseShare * addedChars)
            {
                break;
            }
            current = ancestor;
            kept = measure;
        }
        return current;
    }

    /// <summary>
    /// A list whose items are their own numbers, 1, 2, 3 and nothing else: the gutter of line numbers a
    /// code block's highlighter sets beside the code (<c>&lt;ul class="pre-numbering"&gt;</c>), which a
    /// browser shows as a column and the text would show as a paragraph a number. Wherever it stands:
    /// such a list says nothing (a list of pages links its numbers, so it is not one).
    /// </summary>
    private static bool IsLineNumbers(IElement element)
    {
        if (element.LocalName is not ("ul" or "ol") || element.ChildElementCount < 2)
        {
            return false;
        }
        var number = 0;
        foreach (var item in element.Children)
        {
            number++;
            if (item.LocalName != "li" || item.ChildElementCount != 0 || !IsNumber(item.TextContent.AsSpan().Trim(), number))
            {
                return false;
            }
        }
        return true;

        static bool IsNumber(ReadOnlySpan<char> text, int number) =>
            int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value == number;
    }

    /// <summary>What the element is to this look: without names, only readers' comments keep theirs.</summary>
    private static Furniture Judge(IElement element, Look look)
    {
        var furniture = BoilerplateMarkers.Judge(element);
        return look != Look.IgnoreNames || furniture == Furniture.Comments ? furniture : BoilerplateMarkers.Judge(element, byName: false);
    }

    /// <summary>Furniture by name, or by a name that needs the element to hold no prose as well.</summary>
    private static bool IsLeftOut(Furniture furniture, TextMass.Measure measure) =>
        furniture is Furniture.Named or Furniture.Comments ||
        (furniture == Furniture.UnlessProse && !(measure.Prose >= UnlessProseMinimum && measure.Prose >= UnlessProseShare * measure.Chars));

    /// <summary>
    /// The outermost element named like furniture that holds the most prose; null when none holds
    /// any. Readers' comments are named for what they are even when they outweigh the article, so
    /// one is taken only when no other such element holds a short article's worth of prose
    /// (on a page of readers' views the comments are the text).
    /// </summary>
    private static int? RichestNamed(PageOutline outline, TextMass mass)
    {
        int? richest = null, richestComments = null;
        double most = 0, mostComments = 0;
        for (var position = 1; position < outline.Count;)
        {
            var element = outline.Element(position);
            if (mass.Holds(position) && BoilerplateMarkers.IsFurniture(element) && !BoilerplateMarkers.IsFurniture(element, byName: false))
            {
                var prose = mass[position].Prose;
                if (BoilerplateMarkers.Judge(element) == Furniture.Comments)
                {
                    if (prose > mostComments)
                    {
                        (richestComments, mostComments) = (position, prose);
                    }
                }
                else if (prose > most)
                {
                    (richest, most) = (position, prose);
                }
                position = outline.SubtreeEnd(position);
                continue;
            }
            position++;
        }
        return most >= ShortArticleProse || mostComments <= most ? richest : richestComments;
    }

    /// <summary>
    /// Elements whose furniture-like names must not hide content: every ancestor of the
    /// publisher's itemprop=articleBody mark (or of a wrapper spared on a second look), and the close wrappers of a social post the
    /// article quotes (a tweet's blockquote sits in "widget" or "video-container" boxes).
    /// </summary>
    private static bool[] ProtectedWrappers(PageOutline outline, List<int> markedPaths, List<int> quotedPosts)
    {
        var path = new bool[outline.Count];
        foreach (var marked in markedPaths)
        {
            for (var position = marked; position >= 0 && !path[position]; position = outline.Parent(position))
            {
                path[position] = true;
            }
        }
        foreach (var quote in quotedPosts)
        {
            var position = quote;
            for (var level = 0; level < QuotedPostWrapperDepth && position >= 0; level++, position = outline.Parent(position))
            {
                path[position] = true;
            }
        }
        return path;
    }

    /// <summary>
    /// The body of a post as microformats mark it: mf2's <c>e-content</c> (the content property of
    /// an <c>h-entry</c>: Eleventy, Hugo and IndieWeb themes) and hAtom's <c>entry-content</c> (in a
    /// <c>hentry</c>, as most WordPress themes write it). A publisher's own mark of the text, as
    /// itemprop=articleBody is, in a class token of its own: "entry-content-wrap" is no such mark.
    /// </summary>
    private static bool IsEntryContent(string? classes)
    {
        if (classes is null || !classes.Contains("content", StringComparison.Ordinal))
        {
            return false;
        }
        var all = classes.AsSpan();
        foreach (var token in all.Split(' '))
        {
            if (all[token] is "e-content" or "entry-content")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// What the survey reads of an element's attributes, gathered in one pass over them: most
    /// elements have none or one, and a search by name for each costs more than the pass.
    /// </summary>
    /// <param name="Hidden">Hidden from every reader: the hidden attribute, aria-hidden="true", or display:none or visibility:hidden;
    /// but for a tab's panel (role="tabpanel"), which is hidden until its tab is chosen, as a &lt;details&gt; is closed
    /// until it is opened: every reader can open it.</param>
    /// <param name="Veiled">Hidden by visibility:hidden in its style and by nothing else, as a page hides what its script will show.</param>
    private readonly record struct Marks(bool Hidden, bool Veiled, string? ItemProp, string? Class)
    {
        public static Marks Of(IElement element)
        {
            bool hidden = false, tabPanel = false;
            string? ariaHidden = null, style = null, itemProp = null, @class = null;
            var attributes = element.Attributes;
            for (var i = 0; i < attributes.Length; i++)
            {
                var attribute = attributes[i]!;
                switch (attribute.Name)
                {
                    case "hidden":
                        hidden = true;
                        break;
                    case "aria-hidden":
                        ariaHidden ??= attribute.Value;
                        break;
                    case "style":
                        style ??= attribute.Value;
                        break;
                    case "itemprop":
                        itemProp ??= attribute.Value;
                        break;
                    case "class":
                        @class ??= attribute.Value;
                        break;
                    case "role":
                        tabPanel = attribute.Value == "tabpanel";
                        break;
                }
            }
            var byStyle = tabPanel ? StyleHiding.None : HidesByStyle(style);
            var byOther = !tabPanel && (hidden || ariaHidden == "true");
            return new Marks(byOther || byStyle != StyleHiding.None, !byOther && byStyle == StyleHiding.Visibility, itemProp, @class);
        }

        private static StyleHiding HidesByStyle(string? style)
        {
            if (string.IsNullOrEmpty(style))
            {
                return StyleHiding.None;
            }
            var compact = style.Replace(" ", "", StringComparison.Ordinal);
            return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) ? StyleHiding.Display :
                compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase) ? StyleHiding.Visibility : StyleHiding.None;
        }

        private enum StyleHiding { None, Display, Visibility }
    }
}

/// <summary>How the survey treats class and id names that call an element furniture.</summary>
internal enum Look
{
    /// <summary>They leave the element out, unless it holds most of the page's prose.</summary>
    First,
    /// <summary>As first, but the one that holds the most prose is kept.</summary>
    SpareRichestNamed,
    /// <summary>They count for nothing, but for readers' comments: only tags, roles, hiding and those do.</summary>
    IgnoreNames,
}
