using System.Text;
using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// The one walk that turns markup into the article's blocks (<see cref="ArticleBlocks"/>):
/// block elements become paragraphs, whitespace inside a paragraph folds to one space,
/// <c>br</c> is a line break and two of them in a row end the paragraph (old layouts separate
/// paragraphs that way). Each step of the walk is recorded with the block its text went into,
/// so that the HTML is written from the same blocks as the text.
/// </summary>
internal sealed class BlockRenderer
{
    private readonly List<TextBlock> _blocks = [];
    private readonly List<ArticleBlocks.Step> _steps = [];
    private readonly StringBuilder _text = ReusedBuilder.Take();
    // The block the current text node's first visible character went into; -1 while it has none.
    private int _nodeBlock = -1;
    private readonly Stack<IElement> _openBlocks = new();
    private IElement? _container;
    // The root being walked.
    private IElement? _root;
    private int _linkChars;
    // Where the block's first line ends (0 while it has one line), and whether all of that line is
    // link text: a teaser's linked headline over its blurb, in one paragraph written with <br>.
    private int _leadLineEnd;
    private bool _leadLineLinked;
    private int _linkDepth;
    // Links around a passage of prose (TextMass.IsLinkedPassage), open now: their text is no link
    // text, and the walk over a link's text that says so is done once, on entering it.
    private readonly HashSet<IElement> _openPassages = [];
    private int _preDepth;
    private int _quoteDepth;
    private bool _pendingSpace;
    // The <br>s that split the current block into lines: where each line's text ends, the step
    // that entered the <br>, and the link characters before it; and the step of the block's
    // first text. A line break inside <pre> is no <br>: such a block keeps all its lines.
    private readonly List<(int TextEnd, int Step, int LinkChars)> _breaks = [];
    private bool _preLines;
    private int _blockFirstStep;
    // A named anchor where readers' comments begin (<a name="comments">) was passed; the block
    // whose first text came after it opens the comments.
    private bool _commentsAnchor;
    private bool _opensComments;
    // A heading over readers' comments was skipped as furniture; the next block comes after it.
    private bool _afterCommentsHeading;
    private bool _followsCommentsHeading;

    private BlockRenderer()
    {
    }

    /// <summary>The blocks of <paramref name="roots"/> in document order, with the steps of the walk that made them.</summary>
    /// <param name="skip">Elements whose whole subtree is left out, besides those that never carry text.</param>
    public static ArticleBlocks Render(IReadOnlyList<IElement> roots, Func<IElement, bool>? skip = null)
    {
        var renderer = new BlockRenderer();
        var rootSteps = new int[roots.Count];
        for (var i = 0; i < roots.Count; i++)
        {
            rootSteps[i] = renderer._steps.Count;
            renderer._root = roots[i];
            renderer.Walk(roots[i], skip);
            renderer.EndParagraph();
        }
        ReusedBuilder.Give(renderer._text);
        return new ArticleBlocks(renderer._blocks, renderer._steps, rootSteps);
    }

    /// <summary>Blocks joined the way every text this library returns is: one blank line between paragraphs.</summary>
    public static string Join(IEnumerable<TextBlock> blocks) => string.Join("\n\n", blocks.Select(b => b.Text));

    private void Walk(INode root, Func<IElement, bool>? skip)
    {
        // Images are walked for the HTML (the text has no use for them); those that are an
        // avatar or a share icon by their own markup are left out, whatever the caller skips:
        // the text measures never look at elements without text, so its skip would drop them all.
        Func<IElement, bool> skipWithImages = element =>
        {
            if (element.LocalName is "img" or "picture")
            {
                return BoilerplateMarkers.IsFurniture(element);
            }
            var skipped = skip?.Invoke(element) == true;
            if (skipped && HtmlVocabulary.IsHeading(element.LocalName) && InlineFurniture.IsCommentsHeading(element.TextContent))
            {
                // The heading over readers' comments went with the furniture (its class or id names
                // them), but what follows it in the same box is still the thread: the next block opens it.
                _afterCommentsHeading = true;
            }
            return skipped;
        };
        foreach (var (node, leaving) in DomWalk.Of(root, skipWithImages, withImages: true))
        {
            switch (node)
            {
                case IText text:
                    _nodeBlock = -1;
                    Append(text.Data);
                    _steps.Add(new ArticleBlocks.Step(text, false, _nodeBlock));
                    break;
                case IElement element when leaving:
                    // The element's step goes before the block its edge ends, so the HTML sees the
                    // edge after the element: a block ending inside a list item is still a break there.
                    _steps.Add(new ArticleBlocks.Step(element, true, -1));
                    Leave(element);
                    break;
                case IElement element:
                    _steps.Add(new ArticleBlocks.Step(element, false, -1));
                    Enter(element);
                    break;
            }
        }
    }

    private void Enter(IElement element)
    {
        var name = element.LocalName;
        switch (name)
        {
            case "br":
                // The walk has just recorded the <br>'s step.
                LineBreak(_steps.Count - 1);
                return;
            case "a" when HtmlVocabulary.IsLink(element):
                if (TextMass.IsLinkedPassage(element))
                {
                    _openPassages.Add(element);
                }
                else
                {
                    _linkDepth++;
                }
                break;
            case "a" when HtmlVocabulary.IsCommentsAnchor(element):
                _commentsAnchor = true;
                break;
            case "td" or "th":
                _pendingSpace = true;
                break;
            case "pre":
                _preDepth++;
                break;
            case "blockquote":
                _quoteDepth++;
                break;
        }
        if (HtmlVocabulary.IsBlock(name))
        {
            EndParagraph();
            _openBlocks.Push(element);
        }
    }

    private void Leave(IElement element)
    {
        var name = element.LocalName;
        var isBlock = HtmlVocabulary.IsBlock(name);
        if (isBlock)
        {
            // The paragraph ends while the element is still open, so a blockquote's last line is still a quote.
            EndParagraph();
            _openBlocks.TryPop(out _);
        }
        switch (name)
        {
            case "a" when HtmlVocabulary.IsLink(element):
                if (!_openPassages.Remove(element))
                {
                    _linkDepth--;
                }
                break;
            case "td" or "th":
                _pendingSpace = true;
                break;
            case "pre":
                _preDepth--;
                break;
            case "blockquote":
                _quoteDepth--;
                break;
        }
    }

    private void Append(string data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            if (HtmlVocabulary.IsDropped(data, i))
            {
                continue;
            }
            if (_preDepth > 0 && c == '\n')
            {
                LineBreak(-1);
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }
            if (_nodeBlock < 0)
            {
                _nodeBlock = _blocks.Count;
            }
            if (_text.Length == 0)
            {
                // Text with no block of its own between it and the root (a cell's, a <tt>'s lines)
                // is the root's.
                _container = _openBlocks.TryPeek(out var open) ? open : _root;
                _opensComments = _commentsAnchor;
                _commentsAnchor = false;
                _followsCommentsHeading = _afterCommentsHeading;
                _afterCommentsHeading = false;
                // The text node's step is recorded after its text is appended.
                _blockFirstStep = _steps.Count;
            }
            else if (_pendingSpace && _text[^1] != '\n')
            {
                _text.Append(' ');
            }
            _pendingSpace = false;
            // This character and the plain ones after it: nothing above changes for them.
            var run = 1 + HtmlVocabulary.PlainRun(data.AsSpan(i + 1));
            _text.Append(data, i, run);
            if (_linkDepth > 0)
            {
                _linkChars += run;
            }
            i += run - 1;
        }
    }

    /// <param name="breakStep">The step of the &lt;br&gt; that breaks the line; -1 for a line end inside &lt;pre&gt;.</param>
    private void LineBreak(int breakStep)
    {
        while (_text.Length > 0 && _text[^1] == ' ')
        {
            _text.Length--;
        }
        _pendingSpace = false;
        if (_text.Length == 0)
        {
            return;
        }
        if (_text[^1] == '\n')
        {
            // A second break with nothing between: the paragraph ends here.
            EndParagraph();
            return;
        }
        if (_leadLineEnd == 0)
        {
            _leadLineEnd = _text.Length;
            _leadLineLinked = _linkChars > 0 && _linkChars == NonSpaceChars(_text, 0, _text.Length);
        }
        if (breakStep < 0)
        {
            _preLines = true;
        }
        else
        {
            _breaks.Add((_text.Length, breakStep, _linkChars));
        }
        _text.Append('\n');
    }

    private void EndParagraph()
    {
        _pendingSpace = false;
        var end = _text.Length;
        while (end > 0 && _text[end - 1] is ' ' or '\n')
        {
            end--;
        }
        if (end > 0)
        {
            var linkedLeadLine = _leadLineLinked && _leadLineEnd < end;
            var text = _breaks.Count > 0 && !_preLines
                ? WithoutToolLines(end, ref _linkChars, ref linkedLeadLine)
                : _text.ToString(0, end);
            _blocks.Add(new TextBlock(text, KindOf(_container), Math.Min(_linkChars, text.Length), _container)
            {
                LinkedLeadLine = linkedLeadLine,
                OpensComments = _opensComments,
                FollowsCommentsHeading = _followsCommentsHeading,
            });
            // Where the block ends: the HTML breaks there too, whatever element it is in.
            _steps.Add(new ArticleBlocks.Step(null, false, _blocks.Count - 1));
        }
        _text.Clear();
        _breaks.Clear();
        _preLines = false;
        _linkChars = 0;
        _leadLineEnd = 0;
        _leadLineLinked = false;
        _opensComments = false;
        _followsCommentsHeading = false;
        _container = null;
    }

    /// <summary>
    /// The text of the block ending at <paramref name="end"/> less its lines of page tools
    /// (<see cref="InlineFurniture.IsToolLine"/>: "Posted by Jane at 10:32 PM", "Permalink",
    /// "Comments (3)" under each post of an old blog written as one paragraph with &lt;br&gt;), when
    /// it has other lines to keep. The left-out lines' text steps and the &lt;br&gt;s that set
    /// them apart are marked <see cref="ArticleBlocks.LeftOutLine"/>, so the HTML leaves out what
    /// the text does: between two kept lines exactly one &lt;br&gt; stays, the one after the first.
    /// </summary>
    private string WithoutToolLines(int end, ref int linkChars, ref bool linkedLeadLine)
    {
        // Line k runs from the end of break k-1 to break k (the last to the block's end); a break
        // the block ends on (two in a row) leaves an empty last line, which is no line.
        var lines = _breaks[^1].TextEnd + 1 < end ? _breaks.Count + 1 : _breaks.Count;
        var tool = new bool[lines];
        var tools = 0;
        Span<char> buffer = stackalloc char[InlineFurniture.ToolLineLength];
        for (var k = 0; k < lines; k++)
        {
            var (start, stop) = LineRange(k, end);
            if (stop - start < InlineFurniture.ToolLineLength)
            {
                _text.CopyTo(start, buffer, stop - start);
                tool[k] = InlineFurniture.IsToolLine(buffer[..(stop - start)]);
                tools += tool[k] ? 1 : 0;
            }
        }
        if (tools == 0 || tools == lines)
        {
            // Nothing to leave out, or nothing else to keep: the line filter judges the block whole.
            return _text.ToString(0, end);
        }
        var block = _blocks.Count;
        var text = new StringBuilder(end);
        var keptLinkChars = 0;
        var firstKept = -1;
        var lastKept = -1;
        for (var k = 0; k < lines; k++)
        {
            if (tool[k])
            {
                continue;
            }
            var (start, stop) = LineRange(k, end);
            if (firstKept < 0)
            {
                firstKept = k;
            }
            else
            {
                text.Append('\n');
            }
            lastKept = k;
            text.Append(_text, start, stop - start);
            keptLinkChars += LineLinkChars(k, linkChars);
        }
        // The text of the lines left out, by the breaks between them.
        var line = 0;
        for (var i = _blockFirstStep; i < _steps.Count; i++)
        {
            while (line < _breaks.Count && _breaks[line].Step < i)
            {
                line++;
            }
            if (_steps[i].Block == block && line < lines && tool[line])
            {
                _steps[i] = _steps[i] with { Block = ArticleBlocks.LeftOutLine };
            }
        }
        // Every break but the one after each kept line that another kept line follows.
        for (var k = 0; k < _breaks.Count; k++)
        {
            if (k >= lines || tool[k] || k >= lastKept)
            {
                _steps[_breaks[k].Step] = _steps[_breaks[k].Step] with { Block = ArticleBlocks.LeftOutLine };
            }
        }
        // As the walk judged the first line, now of the first line kept.
        var (leadStart, leadStop) = LineRange(firstKept, end);
        var leadLinkChars = LineLinkChars(firstKept, linkChars);
        linkedLeadLine = firstKept != lastKept && leadLinkChars > 0 && leadLinkChars == NonSpaceChars(_text, leadStart, leadStop);
        linkChars = keptLinkChars;
        return text.ToString();
    }

    private (int Start, int Stop) LineRange(int line, int end) =>
        (line > 0 ? _breaks[line - 1].TextEnd + 1 : 0, line < _breaks.Count ? _breaks[line].TextEnd : end);

    /// <summary>The link characters of line <paramref name="line"/>, of the block's <paramref name="total"/>.</summary>
    private int LineLinkChars(int line, int total) =>
        (line < _breaks.Count ? _breaks[line].LinkChars : total) - (line > 0 ? _breaks[line - 1].LinkChars : 0);

    /// <summary>The characters of <paramref name="text"/> from <paramref name="start"/> to <paramref name="stop"/> that are not spaces: what <see cref="_linkChars"/> counts.</summary>
    private static int NonSpaceChars(StringBuilder text, int start, int stop)
    {
        var count = 0;
        var offset = 0;
        foreach (var chunk in text.GetChunks())
        {
            var span = chunk.Span;
            var from = Math.Max(start - offset, 0);
            var to = Math.Min(stop - offset, span.Length);
            for (var i = from; i < to; i++)
            {
                if (span[i] is not (' ' or '\n'))
                {
                    count++;
                }
            }
            offset += span.Length;
            if (offset >= stop)
            {
                break;
            }
        }
        return count;
    }

    private BlockKind KindOf(IElement? container)
    {
        if (_quoteDepth > 0)
        {
            return BlockKind.Quote;
        }
        return container is not null && HtmlVocabulary.IsHeading(container.LocalName) ? BlockKind.Heading : BlockKind.Paragraph;
    }
}
