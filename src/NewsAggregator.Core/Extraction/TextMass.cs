using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// How much article-like text each element holds. Every run of text between block
/// boundaries is a unit worth its non-link characters less a fixed cost; a unit that is
/// mostly link text (a menu item, a headline in a list) also pays a penalty on its links, and
/// the blurbs of teaser lists are worth nothing. Links inside prose cost nothing: articles link.
/// </summary>
internal sealed class TextMass
{
    // A headline link in a list of teasers costs more than its length so the teaser's blurb cannot buy it in.
    private const double LinkPenalty = 2.0;
    // Each unit pays this much: dozens of one-word menu items sum to a loss, a real paragraph hardly notices.
    private const double UnitCost = 25;
    // A <p> is prose by the author's own markup, and a table row is data the author laid out:
    // even a one-line paragraph or a row of figures should not count against its container.
    private const double ParagraphCost = 5;

    private readonly Dictionary<IElement, Measure> _measures = new();
    private readonly List<KeyValuePair<IElement, Measure>> _postOrder = [];

    /// <param name="Score">Sum of the unit values below the element: the best-scoring element gathers the most prose for the least furniture.</param>
    /// <param name="Prose">Sum of the positive unit values only.</param>
    /// <param name="Chars">Weighed visible characters, furniture included.</param>
    public readonly record struct Measure(double Score, double Prose, int Chars);

    private TextMass()
    {
    }

    /// <summary>Measures every element under <paramref name="root"/> (inclusive).</summary>
    /// <param name="skip">Elements left out with their subtree, besides those that never carry text.</param>
    public static TextMass Of(IElement root, Func<IElement, bool> skip)
    {
        var mass = new TextMass();
        mass.Walk(root, skip);
        return mass;
    }

    public Measure this[IElement element] => _measures.GetValueOrDefault(element);

    /// <summary>The element was measured: it is neither skipped nor inside a skipped subtree.</summary>
    public bool Holds(IElement element) => _measures.ContainsKey(element);

    /// <summary>Every measured element, children before their parent.</summary>
    public IReadOnlyList<KeyValuePair<IElement, Measure>> All => _postOrder;

    private sealed class Frame(IElement element, bool isBlock)
    {
        public IElement Element { get; } = element;
        public bool IsBlock { get; } = isBlock;
        public double OwnChars;
        public double OwnLinkChars;
        public int OwnLinks;
        public bool EndsWithEllipsis;
        public bool HasBlockChild;
        public double Score;
        public double Prose;
        public int Chars;
    }

    private void Walk(IElement root, Func<IElement, bool> skip)
    {
        var frames = new List<Frame>();
        var blockFrames = new Stack<Frame>();
        var linkDepth = 0;
        var teasers = new TeaserRun();
        foreach (var (node, leaving) in DomWalk.Of(root, skip))
        {
            if (node is IText text)
            {
                if (blockFrames.TryPeek(out var block))
                {
                    var weight = Weigh(text.Data);
                    if (weight > 0)
                    {
                        block.EndsWithEllipsis = EndsWithEllipsis(text.Data);
                    }
                    block.OwnChars += weight;
                    if (linkDepth > 0)
                    {
                        block.OwnLinkChars += weight;
                    }
                }
                continue;
            }
            var element = (IElement)node;
            var name = element.LocalName;
            if (!leaving)
            {
                // The root is a block whatever its tag so no text goes unweighed.
                var frame = new Frame(element, HtmlVocabulary.IsBlock(name) || frames.Count == 0);
                frames.Add(frame);
                if (frame.IsBlock)
                {
                    if (blockFrames.TryPeek(out var parentBlock))
                    {
                        parentBlock.HasBlockChild = true;
                    }
                    blockFrames.Push(frame);
                }
                if (name == "a")
                {
                    linkDepth++;
                    if (blockFrames.TryPeek(out var linkBlock))
                    {
                        linkBlock.OwnLinks++;
                    }
                }
                continue;
            }

            var done = frames[^1];
            frames.RemoveAt(frames.Count - 1);
            if (name == "a")
            {
                linkDepth--;
            }
            if (done.IsBlock)
            {
                blockFrames.Pop();
                var unit = UnitValue(done.OwnChars, done.OwnLinkChars, name is "p" or "tr" ? ParagraphCost : UnitCost);
                // Only leaf blocks take part: a container's own text is finished after its children, out of reading order.
                if (done.OwnChars > 0 && !done.HasBlockChild && teasers.IsTeaser(done.OwnChars, done.OwnLinkChars, done.OwnLinks, done.EndsWithEllipsis) && unit > 0)
                {
                    unit = 0;
                }
                done.Score += unit;
                done.Prose += Math.Max(0, unit);
                done.Chars += (int)done.OwnChars;
            }
            var measure = new Measure(done.Score, done.Prose, done.Chars);
            _measures[done.Element] = measure;
            _postOrder.Add(new(done.Element, measure));
            if (frames.Count > 0)
            {
                var parent = frames[^1];
                parent.Score += done.Score;
                parent.Prose += done.Prose;
                parent.Chars += done.Chars;
            }
        }
    }

    private static double UnitValue(double chars, double linkChars, double cost)
    {
        if (chars <= 0)
        {
            return 0;
        }
        var penalty = linkChars * 2 > chars ? LinkPenalty * linkChars : 0;
        return chars - linkChars - penalty - cost;
    }

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
        private bool _afterHeadline;
        private int _pairs;

        public bool IsTeaser(double chars, double linkChars, int links, bool endsWithEllipsis)
        {
            if (linkChars >= chars * 0.8)
            {
                // A headline (perhaps with its picture) links once or twice; a row of shop or share links is no headline.
                _afterHeadline = links <= 2 && chars >= HeadlineChars;
                return false;
            }
            if (chars < LabelChars)
            {
                return false;
            }
            _pairs = _afterHeadline ? _pairs + 1 : 0;
            _afterHeadline = false;
            return _pairs >= 2 || (endsWithEllipsis && linkChars > 0);
        }
    }

    private static bool EndsWithEllipsis(string data)
    {
        var trimmed = data.AsSpan().TrimEnd();
        return trimmed.EndsWith("...") || trimmed.EndsWith("…") || trimmed.EndsWith("[…]") || trimmed.EndsWith("[...]");
    }

    /// <summary>
    /// Visible characters, whitespace not counted; ideographs, kana and hangul count double
    /// because one of them carries about what a short Latin word does.
    /// </summary>
    internal static double Weigh(string data)
    {
        double weight = 0;
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
