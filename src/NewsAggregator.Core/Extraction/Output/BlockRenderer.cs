using System.Text;
using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// The one place that turns markup into plain text: block elements become paragraphs,
/// whitespace inside a paragraph folds to one space, <c>br</c> is a line break and two
/// of them in a row end the paragraph (old layouts separate paragraphs that way).
/// </summary>
internal sealed class BlockRenderer
{
    private readonly List<TextBlock> _blocks = [];
    private readonly StringBuilder _text = new();
    private List<IText> _sources = [];
    private readonly Stack<IElement> _openBlocks = new();
    private IElement? _container;
    private int _linkChars;
    private int _linkDepth;
    private int _preDepth;
    private int _quoteDepth;
    private bool _pendingSpace;

    private BlockRenderer()
    {
    }

    /// <summary>The blocks of <paramref name="root"/> in document order.</summary>
    /// <param name="skip">Elements whose whole subtree is left out, besides those that never carry text.</param>
    public static List<TextBlock> Render(INode root, Func<IElement, bool>? skip = null)
    {
        var renderer = new BlockRenderer();
        renderer.Walk(root, skip);
        renderer.EndParagraph();
        return renderer._blocks;
    }

    /// <summary>Blocks joined the way every text this library returns is: one blank line between paragraphs.</summary>
    public static string Join(IEnumerable<TextBlock> blocks) => string.Join("\n\n", blocks.Select(b => b.Text));

    private void Walk(INode root, Func<IElement, bool>? skip)
    {
        foreach (var (node, leaving) in DomWalk.Of(root, skip))
        {
            switch (node)
            {
                case IText text:
                    _sources.Add(text);
                    Append(text.Data);
                    break;
                case IElement element when leaving:
                    Leave(element);
                    break;
                case IElement element:
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
            case "a":
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
            case "a":
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
        foreach (var c in data)
        {
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
            if (_text.Length == 0)
            {
                _container = _openBlocks.TryPeek(out var open) ? open : null;
            }
            else if (_pendingSpace && _text[^1] != '\n')
            {
                _text.Append(' ');
            }
            _pendingSpace = false;
            _text.Append(c);
            if (_linkDepth > 0)
            {
                _linkChars++;
            }
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
            _blocks.Add(new TextBlock(text, KindOf(_container), Math.Min(_linkChars, text.Length), _container, _sources));
            _sources = [];
        }
        _text.Clear();
        _linkChars = 0;
        _container = null;
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
