using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// The elements of a subtree that can carry text, in document order (the order of
/// <see cref="DomWalk"/>), with their parents, where each one's subtree ends, and the weighed
/// text runs between them. Built in one walk over the DOM so that the passes after it work by
/// position: a position identifies an element without hashing it (identity hashes of DOM
/// objects were a tenth of the extractor's time), a subtree is a range skipped in one step,
/// and measuring again without some subtrees needs no second walk over the DOM.
/// </summary>
internal sealed class PageOutline : IDisposable
{
    // Enough for most article pages' bodies, so the storage is rarely rented twice.
    private readonly PooledList<Entry> _entries = new(1024);
    private readonly PooledList<TextRun> _runs = new(512);
    private int _lastFound = -1;

    /// <param name="Parent">The parent's position; -1 for the root.</param>
    /// <param name="SubtreeEnd">The position after the element's last descendant.</param>
    /// <param name="RunStart">The first text run after the element's start tag.</param>
    /// <param name="RunEnd">The first text run after the element's end tag.</param>
    private record struct Entry(IElement Element, int Parent, int SubtreeEnd, int RunStart, int RunEnd);

    /// <summary>A text node with visible characters.</summary>
    /// <param name="Weight">Its characters weighed by <see cref="TextMass.Weigh"/>.</param>
    /// <param name="EndsWithEllipsis">It ends with "..." or the like, as excerpts of other pages do.</param>
    /// <param name="IsAddress">It is a web address and nothing else ("http://www.example.org", "www.example.org").</param>
    /// <param name="MarksSentence">It holds a sentence's punctuation (<see cref="TextMass.MarksSentence"/>).</param>
    public readonly record struct TextRun(double Weight, bool EndsWithEllipsis, bool IsAddress = false, bool MarksSentence = false);

    private PageOutline()
    {
    }

    /// <summary>The elements under <paramref name="root"/> (inclusive, at position 0) that are not textless, with their text.</summary>
    public static PageOutline Of(IElement root)
    {
        var outline = new PageOutline();
        var open = -1;
        foreach (var (node, leaving) in DomWalk.Of(root))
        {
            if (node is IText text)
            {
                var weight = TextMass.Weigh(text.Data);
                if (weight > 0)
                {
                    outline._runs.Add(new TextRun(weight, TextMass.EndsWithEllipsis(text.Data), TextMass.IsAddress(text.Data), TextMass.MarksSentence(text.Data)));
                }
            }
            else if (!leaving)
            {
                outline._entries.Add(new Entry((IElement)node, open, 0, outline._runs.Count, 0));
                open = outline._entries.Count - 1;
            }
            else
            {
                ref var entry = ref outline._entries[open];
                entry.SubtreeEnd = outline._entries.Count;
                entry.RunEnd = outline._runs.Count;
                open = entry.Parent;
            }
        }
        return outline;
    }

    public int Count => _entries.Count;

    /// <summary>Gives the storage back to the pool: the outline is of no use after.</summary>
    public void Dispose()
    {
        _entries.Dispose();
        _runs.Dispose();
    }

    public IElement Element(int position) => _entries[position].Element;

    /// <summary>The parent's position; -1 for the root.</summary>
    public int Parent(int position) => _entries[position].Parent;

    /// <summary>The position after the element's last descendant: where a walk that skips the element goes on.</summary>
    public int SubtreeEnd(int position) => _entries[position].SubtreeEnd;

    /// <summary>Text runs after the element's start tag and before its first child, or its end tag when it has no children.</summary>
    public int RunStart(int position) => _entries[position].RunStart;

    /// <summary>The first text run after the element's end tag: its own runs and its descendants' lie between <see cref="RunStart"/> and here.</summary>
    public int RunEnd(int position) => _entries[position].RunEnd;

    public TextRun Run(int index) => _runs[index];

    /// <summary>The element's position; -1 when it is not in the outline.</summary>
    /// <remarks>
    /// Walks ask in document order, so the element after the last one found (the first child
    /// of an element entered) or after its subtree (what follows one passed over) is nearly
    /// always the one asked for; anything else is searched for by reference, which costs less
    /// than hashing every element would. Not thread-safe, like the DOM it outlines.
    /// </remarks>
    public int PositionOf(IElement element)
    {
        if (_lastFound >= 0)
        {
            foreach (var next in (ReadOnlySpan<int>)[_lastFound + 1, _entries[_lastFound].SubtreeEnd])
            {
                if (next < _entries.Count && ReferenceEquals(_entries[next].Element, element))
                {
                    return _lastFound = next;
                }
            }
        }
        if (_entries.Count == 0 || !_entries[0].Element.Contains(element))
        {
            return -1;
        }
        // A walk that passed over subtrees without asking goes on ahead; a new walk starts behind.
        for (var i = 0; i < _entries.Count; i++)
        {
            var position = (_lastFound + 1 + i) % _entries.Count;
            if (ReferenceEquals(_entries[position].Element, element))
            {
                return _lastFound = position;
            }
        }
        return -1;
    }
}
