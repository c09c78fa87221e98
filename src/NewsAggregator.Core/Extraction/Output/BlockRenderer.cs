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
    private int _linkChars;
    // Where the block's first line ends (0 while it has one line), and whether all of that line is
    // link text: a teaser's linked headline over its blurb, in one paragraph written with <br>.
    private int _leadLineEnd;
    private bool _leadLineLinked;
    private int _linkDepth;
    private int _preDepth;
    private int _quoteDepth;
    private bool _pendingSpace;

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
            element.LocalName is "img" or "picture" ? BoilerplateMarkers.IsFurniture(element) : skip?.Invoke(element) == true;
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
                LineBreak();
                return;
            case "a" when HtmlVocabulary.IsLink(element):
                _linkDepth++;
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
                _linkDepth--;
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
            if (HtmlVocabulary.IsInvisible(c))
            {
                continue;
            }
            if (_preDepth > 0 && c == '\n')
            {
                LineBreak();
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
                _container = _openBlocks.TryPeek(out var open) ? open : null;
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

    private void LineBreak()
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
            _leadLineLinked = _linkChars > 0 && _linkChars == NonSpaceChars(_text);
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
            var text = _text.ToString(0, end);
            _blocks.Add(new TextBlock(text, KindOf(_container), Math.Min(_linkChars, text.Length), _container)
            {
                LinkedLeadLine = _leadLineLinked && _leadLineEnd < end,
            });
            // Where the block ends: the HTML breaks there too, whatever element it is in.
            _steps.Add(new ArticleBlocks.Step(null, false, _blocks.Count - 1));
        }
        _text.Clear();
        _linkChars = 0;
        _leadLineEnd = 0;
        _leadLineLinked = false;
        _container = null;
    }

    /// <summary>The characters of <paramref name="text"/> that are not spaces: what <see cref="_linkChars"/> counts.</summary>
    private static int NonSpaceChars(StringBuilder text)
    {
        var count = 0;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (c is not (' ' or '\n'))
                {
                    count++;
                }
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
        return container?.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" ? BlockKind.Heading : BlockKind.Paragraph;
    }
}
