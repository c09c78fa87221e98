using System.Buffers;
using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// How much article-like text each element holds. Every run of text between block
/// boundaries and paragraph breaks (two &lt;br&gt;s in a row, as the text renderer parts
/// paragraphs) is a unit worth its non-link characters less a fixed cost; a unit that is
/// mostly link text (a menu item, a headline in a list) also pays a penalty on its links, and
/// the blurbs of teaser lists are worth nothing. Links inside prose cost nothing: articles link.
/// Its arrays are rented from the shared pool, like the outline's, and go back on Dispose.
/// </summary>
internal sealed class TextMass : IDisposable
{
    // A headline link in a list of teasers costs more than its length so the teaser's blurb cannot buy it in.
    private const double LinkPenalty = 2.0;
    // Each unit pays this much: dozens of one-word menu items sum to a loss, a real paragraph hardly notices.
    private const double UnitCost = 25;
    // A paragraph this much link is a linked headline, a list's item, whatever the block around it.
    private const double HeadlineLinkShare = 0.8;
    // A <p> is prose by the author's own markup, and a table row is data the author laid out:
    // even a one-line paragraph or a row of figures should not count against its container.
    private const double ParagraphCost = 5;
    private const double ProseUnitChars = 400;
    // One link around this much text that ends sentences is a passage of prose that links as a
    // whole (an excerpt page whose text links to the full article), not a menu item or a headline:
    // no headline, and hardly a teaser's blurb, runs to this length (400 ideographs, 800 letters).
    private const double LinkedPassageChars = 2 * ProseUnitChars;
    // A unit this short with no sentence's punctuation in it is a label, a name or a menu item (a
    // ranking of officials, a table of scores set in divs, "Read also"): it adds nothing to the
    // score, so that a list of many such outscores no article. It still counts as prose, which
    // decides whether a wrapper is taken in, so an article's subheads widen the choice as before.
    // A table row or cell is data the author laid out, a <p> is prose by the author's markup,
    // and a definition list's term and definition are a glossary's text: those keep their value.
    private const double LabelUnitChars = 60;
    /// <summary>What ends a sentence: a full stop, question or exclamation mark, in Latin, CJK, Arabic and Devanagari punctuation.</summary>
    internal const string SentenceEnds = ".!?。！？\u061F\u0964";

    // And the pauses inside one (semicolons, and the Greek question mark, which is written as one).
    private static readonly CharacterSet SentenceMarks = new(SentenceEnds + ";；\u037E");

    private readonly PageOutline _outline;
    private readonly Measure[] _measures;
    private readonly bool[] _held;
    private readonly int[] _postOrder;
    // The paragraph breaks of the open blocks, innermost last (a block's are dropped when it is left).
    private readonly List<Cut> _cuts = [];
    private int _measured;

    /// <param name="Score">Sum of the unit values below the element: the best-scoring element gathers the most prose for the least furniture.</param>
    /// <param name="Prose">Sum of the positive unit values only.</param>
    /// <param name="Chars">Weighed visible characters, furniture included.</param>
    /// <param name="LinkChars">The part of <paramref name="Chars"/> inside links.</param>
    public readonly record struct Measure(double Score, double Prose, int Chars, int LinkChars);

    private TextMass(PageOutline outline)
    {
        _outline = outline;
        _measures = ArrayPool<Measure>.Shared.Rent(outline.Count);
        _held = ArrayPool<bool>.Shared.Rent(outline.Count);
        Array.Clear(_held);
        _postOrder = ArrayPool<int>.Shared.Rent(outline.Count);
    }

    /// <summary>Measures every element of <paramref name="outline"/>, its root included.</summary>
    /// <param name="skip">Positions of elements left out with their subtree.</param>
    public static TextMass Of(PageOutline outline, bool[] skip)
    {
        var mass = new TextMass(outline);
        mass.Walk(skip);
        return mass;
    }

    /// <summary>The element's measure; zero for one that was not measured.</summary>
    public Measure this[int position] => _held[position] ? _measures[position] : default;

    /// <summary>The element was measured: it is neither skipped nor inside a skipped subtree.</summary>
    public bool Holds(int position) => _held[position];

    /// <summary>Positions of every measured element, children before their parent.</summary>
    public ReadOnlySpan<int> PostOrder => _postOrder.AsSpan(0, _measured);

    public void Dispose()
    {
        ArrayPool<Measure>.Shared.Return(_measures);
        ArrayPool<bool>.Shared.Return(_held);
        ArrayPool<int>.Shared.Return(_postOrder);
    }

    /// <summary>An open element while the walk is inside it.</summary>
    private struct Frame
    {
        public int Position;
        // The frame of the block the element's text counts toward: its own when it is a block.
        public int Block;
        public double OwnChars;
        public double OwnLinkChars;
        public double OwnAddressChars;
        public int OwnLinks;
        public bool EndsWithEllipsis;
        public bool HasBlockChild;
        public bool IsLink;
        // Its paragraph breaks (two <br>s in a row) are the walk's cuts from this index on.
        public int CutsStart;
        // A <br> is the last thing met in the block, no text after it yet: a second one is a paragraph break.
        public bool AfterBreak;
        // Some run since the block's last paragraph break (or its start) holds a sentence's punctuation.
        public bool PartMarksSentence;
        // The same, counting only runs outside links.
        public bool PartWritesSentence;
        public double Score;
        public double Prose;
        public int Chars;
        public int LinkChars;
    }

    /// <summary>
    /// The outline's elements and text runs in document order, as a walk over the DOM would meet
    /// them: the runs before each element's start belong to the elements still open.
    /// </summary>
    private void Walk(bool[] skip)
    {
        var frames = new Frame[8];
        var depth = 0;
        var run = 0;
        var linkDepth = 0;
        var teasers = new TeaserRun();
        for (var position = 0; position < _outline.Count;)
        {
            while (depth > 0 && _outline.SubtreeEnd(frames[depth - 1].Position) <= position)
            {
                Leave(frames, ref depth, ref run, ref linkDepth, ref teasers);
            }
            AddRuns(frames, depth, ref run, _outline.RunStart(position), linkDepth);
            if (skip[position])
            {
                run = _outline.RunEnd(position);
                position = _outline.SubtreeEnd(position);
                continue;
            }
            var name = _outline.Element(position).LocalName;
            if (name == "br" && depth > 0)
            {
                Break(ref frames[frames[depth - 1].Block]);
            }
            if (depth == frames.Length)
            {
                Array.Resize(ref frames, depth * 2);
            }
            // The root is a block whatever its tag so no text goes unweighed.
            var isBlock = IsUnit(name) || depth == 0;
            var enclosingBlock = depth > 0 ? frames[depth - 1].Block : -1;
            frames[depth] = new Frame { Position = position, Block = isBlock ? depth : enclosingBlock, CutsStart = _cuts.Count };
            if (isBlock && enclosingBlock >= 0)
            {
                frames[enclosingBlock].HasBlockChild = true;
                // A block between two <br>s stands between them: they are no paragraph break.
                frames[enclosingBlock].AfterBreak = false;
            }
            if (HtmlVocabulary.IsLink(_outline.Element(position)) && !IsLinkedPassage(position))
            {
                frames[depth].IsLink = true;
                linkDepth++;
                frames[frames[depth].Block].OwnLinks++;
            }
            depth++;
            position++;
        }
        while (depth > 0)
        {
            Leave(frames, ref depth, ref run, ref linkDepth, ref teasers);
        }
    }

    /// <summary>Text runs up to <paramref name="end"/> count toward the innermost open block.</summary>
    private void AddRuns(Frame[] frames, int depth, ref int run, int end, int linkDepth)
    {
        for (; run < end; run++)
        {
            var text = _outline.Run(run);
            ref var block = ref frames[frames[depth - 1].Block];
            block.AfterBreak = false;
            block.EndsWithEllipsis = text.EndsWithEllipsis;
            block.PartMarksSentence |= text.MarksSentence;
            block.PartWritesSentence |= linkDepth == 0 && text.MarksSentence;
            block.OwnChars += text.Weight;
            if (linkDepth > 0)
            {
                block.OwnLinkChars += text.Weight;
                if (text.IsAddress)
                {
                    block.OwnAddressChars += text.Weight;
                }
            }
        }
    }

    private void Leave(Frame[] frames, ref int depth, ref int run, ref int linkDepth, ref TeaserRun teasers)
    {
        ref var done = ref frames[depth - 1];
        AddRuns(frames, depth, ref run, _outline.RunEnd(done.Position), linkDepth);
        depth--;
        var name = _outline.Element(done.Position).LocalName;
        if (done.IsLink)
        {
            linkDepth--;
        }
        if (done.Block == depth)
        {
            // Whether links cost a menu's penalty is the whole block's matter: a paragraph of it
            // that is a short line around one link is not a menu when the block around it is prose.
            var mostlyLinks = IsMostlyLinks(done.OwnChars, done.OwnLinkChars);
            // The last paragraph ends with the block.
            _cuts.Add(Cut.At(done));
            var before = default(Cut);
            for (var i = done.CutsStart; i < _cuts.Count; i++)
            {
                AddUnit(ref done, name, _cuts[i].Since(before), mostlyLinks, ref teasers);
                before = _cuts[i];
            }
            // Cuts are only ever a block's: an inline element's <br>s break its block's text.
            _cuts.RemoveRange(done.CutsStart, _cuts.Count - done.CutsStart);
        }
        _measures[done.Position] = new Measure(done.Score, done.Prose, done.Chars, done.LinkChars);
        _held[done.Position] = true;
        _postOrder[_measured++] = done.Position;
        if (depth > 0)
        {
            ref var parent = ref frames[depth - 1];
            parent.Score += done.Score;
            parent.Prose += done.Prose;
            parent.Chars += done.Chars;
            parent.LinkChars += done.LinkChars;
        }
    }

    /// <summary>
    /// The text of a block up to one of its paragraph breaks (or the whole of it), counted from
    /// the block's start; <paramref name="MarksSentence"/> is the part since the break before, and
    /// <paramref name="WritesSentence"/> the same for its text outside links.
    /// </summary>
    private readonly record struct Cut(
        double Chars, double LinkChars, double AddressChars, int Links, bool EndsWithEllipsis, bool MarksSentence, bool WritesSentence)
    {
        /// <summary>The block's text so far.</summary>
        public static Cut At(in Frame block) =>
            new(block.OwnChars, block.OwnLinkChars, block.OwnAddressChars, block.OwnLinks, block.EndsWithEllipsis, block.PartMarksSentence, block.PartWritesSentence);

        /// <summary>The part between <paramref name="before"/> and this cut.</summary>
        public Cut Since(Cut before) =>
            this with { Chars = Chars - before.Chars, LinkChars = LinkChars - before.LinkChars, AddressChars = AddressChars - before.AddressChars, Links = Links - before.Links };
    }

    /// <summary>
    /// A line break in <paramref name="block"/>: the second of two in a row, with text of the
    /// block's own before them, is a paragraph break (old layouts and blogs write paragraphs so,
    /// and a short story's last sentences and a list of headlines under them share one &lt;p&gt;).
    /// </summary>
    private void Break(ref Frame block)
    {
        if (!block.AfterBreak)
        {
            block.AfterBreak = true;
            return;
        }
        block.AfterBreak = false;
        var last = _cuts.Count > block.CutsStart ? _cuts[^1].Chars : 0;
        if (block.OwnChars > last)
        {
            _cuts.Add(Cut.At(block));
            block.PartMarksSentence = false;
            block.PartWritesSentence = false;
        }
    }

    /// <summary>A unit of <paramref name="block"/>'s own text (the whole of it, or one of its paragraphs) added to its measure.</summary>
    private static void AddUnit(ref Frame block, string name, Cut part, bool mostlyLinks, ref TeaserRun teasers)
    {
        var unit = UnitValue(part.Chars, part.LinkChars, UnitCostOf(name),
            IsMostlyLinks(part.Chars, part.LinkChars) && (mostlyLinks || part.LinkChars >= HeadlineLinkShare * part.Chars) && !LinksItsSources(part));
        // Only leaf blocks take part: a container's own text is finished after its children, out of reading order.
        if (part.Chars > 0 && !block.HasBlockChild && teasers.IsTeaser(part.Chars, part.LinkChars, part.AddressChars, part.Links, part.EndsWithEllipsis) && unit > 0)
        {
            unit = 0;
        }
        block.Prose += Math.Max(0, unit);
        if (unit > 0 && part.Chars < LabelUnitChars && !part.MarksSentence && !IsAuthored(name) && name is not ("dt" or "dd"))
        {
            unit = 0;
        }
        block.Score += unit;
        block.Chars += (int)part.Chars;
        block.LinkChars += (int)part.LinkChars;
    }

    /// <summary>A paragraph, a table row or a cell is a unit by the author's own layout.</summary>
    private static bool IsAuthored(string name) => name is "p" or "tr" or "td" or "th";

    private static double UnitCostOf(string name) => IsAuthored(name) ? ParagraphCost : UnitCost;

    /// <summary>
    /// An element whose own text is one unit: a block, or a table cell. Old layouts put the
    /// menu, the article and the sidebar in cells of one row; measured as one unit, the
    /// menu's links would tax the article, and a cell named like furniture would seem to hold no
    /// text of its own, however much it holds.
    /// </summary>
    public static bool IsUnit(string localName) => HtmlVocabulary.IsBlock(localName) || localName is "td" or "th";

    private static double UnitValue(double chars, double linkChars, double cost, bool mostlyLinks)
    {
        if (chars <= 0)
        {
            return 0;
        }
        var penalty = mostlyLinks ? LinkPenalty * linkChars : 0;
        return chars - linkChars - penalty - cost;
    }

    /// <summary>
    /// A block of text that is mostly links, whose links pay a menu's penalty. One with a few
    /// paragraphs' worth of text outside its links holds prose (an old layout's article and the
    /// list of links under it in one table cell): its links cost what they take.
    /// </summary>
    private static bool IsMostlyLinks(double chars, double linkChars) => linkChars * 2 > chars && chars - linkChars < ProseUnitChars;

    /// <summary>
    /// Sentences written around their links ("Thanks to the readers who answered my question about
    /// [why the port closed]. Note also that [the union's forum discussed it]."): a blog's or a
    /// reporter's paragraph that links its sources, not a menu or a headline, though half its text
    /// is links. Its own words end a sentence and run longer than a label; a headline's link is
    /// most of its line, and a "Read more:" line's own words are few.
    /// </summary>
    private static bool LinksItsSources(Cut part) =>
        part.WritesSentence && part.LinkChars < HeadlineLinkShare * part.Chars && part.Chars - part.LinkChars >= LabelUnitChars;

    /// <summary>
    /// Recognises lists of teasers for other pages: a headline link, perhaps a label or a
    /// date, then a blurb, over and over. The first pair could be an article whose title is a
    /// link, so only the second pair in a row onwards counts. A blurb cut off with "..." that
    /// links away is an excerpt of another page wherever it stands.
    /// </summary>
    private struct TeaserRun
    {
        // Units shorter than this (labels, names, dates) neither start nor break a run.
        private const double LabelChars = 40;
        private const double HeadlineChars = 15;
        private const double BlurbChars = 600;
        private bool _afterHeadline;
        private int _pairs;

        public bool IsTeaser(double chars, double linkChars, double addressChars, int links, bool endsWithEllipsis)
        {
            // A headline is its link, or its link with a label beside it shorter than a label can be
            // (the source and time: "明報 - 2012年1月11日上午7:08").
            if (linkChars >= chars * 0.8 || (linkChars >= HeadlineChars && chars - linkChars < LabelChars))
            {
                // A headline (perhaps with its picture) links once or twice; a row of shop or share links is no headline,
                // and neither is a link that shows its address: a list of sites each with a note on it is the page's text.
                _afterHeadline = links <= 2 && chars >= HeadlineChars && addressChars * 2 < linkChars;
                return false;
            }
            if (chars < LabelChars)
            {
                return false;
            }
            _pairs = _afterHeadline ? _pairs + 1 : 0;
            _afterHeadline = false;
            // A blurb is a few lines: a longer unit is a page's text, whatever follows it (an old
            // layout's whole article can be one unit, ending in a list of links cut off with "...").
            return chars <= BlurbChars && (_pairs >= 2 || (endsWithEllipsis && linkChars > 0));
        }
    }

    internal static bool EndsWithEllipsis(string data)
    {
        var trimmed = data.AsSpan().TrimEnd();
        return trimmed.EndsWith("...") || trimmed.EndsWith("…") || trimmed.EndsWith("[…]") || trimmed.EndsWith("[...]") ||
               FurnitureVocabulary.IsReadMoreMarker(trimmed);
    }

    /// <summary>The run holds a sentence's end or pause: a full stop, question or exclamation mark or semicolon, in Latin, CJK, Greek, Arabic or Devanagari punctuation.</summary>
    internal static bool MarksSentence(string data) => SentenceMarks.ContainsAny(data);

    /// <summary>
    /// A link around a passage of prose: its text is the article's (measured and rendered as
    /// text, not as a link), since no menu item or headline runs to several sentences this long.
    /// </summary>
    internal static bool IsLinkedPassage(IElement link)
    {
        double weight = 0;
        var marksSentence = false;
        foreach (var (node, _) in DomWalk.Of(link))
        {
            if (node is IText text)
            {
                weight += Weigh(text.Data);
                marksSentence = marksSentence || MarksSentence(text.Data);
                if (IsPassage(weight, marksSentence))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The same for the link at <paramref name="position"/>, from the outline's runs.</summary>
    private bool IsLinkedPassage(int position)
    {
        double weight = 0;
        var marksSentence = false;
        for (var run = _outline.RunStart(position); run < _outline.RunEnd(position); run++)
        {
            var text = _outline.Run(run);
            weight += text.Weight;
            marksSentence = marksSentence || text.MarksSentence;
            if (IsPassage(weight, marksSentence))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsPassage(double weight, bool marksSentence) => weight >= LinkedPassageChars && marksSentence;

    /// <summary>A run that is a web address alone, as a link to a site shows it: "http://www.example.org/", "www.example.org".</summary>
    internal static bool IsAddress(string data)
    {
        var trimmed = data.AsSpan().Trim();
        return (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
                trimmed.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) && !trimmed.ContainsAny(' ', '\n', '\t');
    }

    /// <summary>
    /// Visible characters, whitespace not counted; ideographs, kana and hangul count double
    /// because one of them carries about what a short Latin word does.
    /// </summary>
    internal static double Weigh(string data)
    {
        // Counted in an integer, which is exact here as the double was: a double's additions wait
        // each on the one before (several cycles apiece) over every character of every text node.
        var weight = 0;
        foreach (var c in data)
        {
            if (c <= ' ' || char.IsWhiteSpace(c))
            {
                continue;
            }
            weight += c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' ? 2 : 1;
        }
        return weight;
    }
}
