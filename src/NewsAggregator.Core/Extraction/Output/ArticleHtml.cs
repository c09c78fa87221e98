using System.Collections.Frozen;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using static NewsAggregator.Extraction.FurnitureVocabulary;

namespace NewsAggregator.Extraction;

/// <summary>
/// The article as clean HTML, written from an allow-list rather than by removing what is
/// known to be bad: only the elements and attributes below come out, so nothing a page hides
/// in its markup (scripts, styles, event handlers, <c>javascript:</c> links, forms, frames,
/// tracking pixels, class and style soup) can reach a reader of the database. Layout wrappers
/// (div, section, span...) are dropped and their loose text becomes paragraphs; links and
/// images are absolute; text and attribute values are escaped.
/// </summary>
internal sealed class ArticleHtml
{
    // Block elements kept as they are; their content is what the text renderer turned into paragraphs.
    private static readonly FrozenSet<string> KeptBlocks = new HashSet<string>(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "hr",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Blocks that may hold running text themselves; inside the others loose text gets a <p>.
    private static readonly FrozenSet<string> TextBlocks = new HashSet<string>(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "li", "dt", "dd", "th", "td", "caption", "blockquote", "figure",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Inline elements kept as they are: emphasis, code, quotations, sub/superscripts, links, line breaks.
    private static readonly FrozenSet<string> KeptInline = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "em", "i", "strong", "b", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "code", "kbd",
        "samp", "var", "q", "cite", "abbr", "time", "br", "img",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>An element being written: the tag that went out for it (null when only its content does) and where that tag starts and its content begins.</summary>
    private struct Frame
    {
        public string? Tag;
        public int Start;
        public int ContentStart;
        // Line breaks written just before the tag, owed again if the element comes out empty.
        public int BreaksBefore;
        // Whether nothing had been written in the enclosing block before the tag: so it is again if the element comes out empty.
        public bool AtBlockStartBefore;
        // What a reader sees (text other than white space, images; see _seen) written before its content began.
        public int SeenBefore;
    }

    private readonly StringBuilder _html = ReusedBuilder.Take();
    private readonly List<Frame> _open = [];
    private readonly Uri? _baseUrl;
    // The paragraph opened for loose text: where it starts, and how many elements were open before it.
    private bool _paragraphOpen;
    private int _paragraphStart;
    private int _paragraphDepth;
    private bool _atBlockStart = true;
    private bool _pendingSpace;
    private int _pendingBreaks;
    // A block of the text ended and nothing has been written since: the next content starts a
    // paragraph of the HTML too. Unlike a line break, a wrapper's edge does not cancel it.
    private bool _pendingBoundary;
    private int _preDepth;
    // Grows with what a reader sees as it is written (text other than white space, an image): an
    // element within which it did not grow shows nothing, whatever markup came out inside it (a
    // rule alone in a table or a quotation is a layout's separator, and goes with it).
    private int _seen;
    // Where the last rule was written, and how much had been seen then.
    private int _ruleAt = -1;
    private int _seenAtRule;

    private ArticleHtml(Uri? baseUrl)
    {
        _baseUrl = baseUrl;
    }

    /// <summary>
    /// The clean HTML of <paramref name="blocks"/>' roots in order, written from the same walk as
    /// their text: less the runs of the blocks <paramref name="dropped"/> names and the elements
    /// that held nothing else; elements left empty go too.
    /// </summary>
    /// <param name="baseUrl">Resolves relative links and images; without it only absolute ones are kept.</param>
    public static string Write(ArticleBlocks blocks, ArticleBlocks.Dropped? dropped, Uri? baseUrl)
    {
        var writer = new ArticleHtml(baseUrl);
        for (var i = 0; i < blocks.RootCount; i++)
        {
            writer.WriteRoot(blocks, blocks.RootSteps(i), dropped);
            writer.CloseParagraph();
        }
        // Trimmed before it becomes a string: the article's HTML is copied out once, not twice.
        // A rule that ends the article parts it from nothing, and goes too.
        writer.TrimEnd(0, "<hr>", anyWhiteSpace: true);
        var html = writer._html.ToString();
        ReusedBuilder.Give(writer._html);
        return html;
    }

    /// <summary>Plain text (paragraphs separated by a blank line, lines by a line end) as paragraphs of HTML.</summary>
    public static string FromText(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var html = new StringBuilder(text.Length + 64);
        foreach (var paragraph in text.Split("\n\n"))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        }
        return html.ToString().TrimEnd();
    }

    /// <summary>What is inside one root: its own tag is not written, whatever the container the extractor chose.</summary>
    private void WriteRoot(ArticleBlocks blocks, Range range, ArticleBlocks.Dropped? dropped)
    {
        var (offset, length) = range.GetOffsetAndLength(blocks.Steps.Count);
        var root = length > 0 && blocks.Steps[offset] is { Node: IElement first, Leaving: false } ? first : null;
        IElement? skipping = null;
        for (var i = offset; i < offset + length; i++)
        {
            var (node, leaving, block) = blocks.Steps[i];
            if (skipping is not null)
            {
                if (leaving && node == skipping)
                {
                    skipping = null;
                }
                continue;
            }
            switch (node)
            {
                case null:
                    // A block ends here: what follows starts a new paragraph, or after two breaks
                    // inside an element that holds running text itself (a list item, a cell), so
                    // that the HTML's paragraphs are the text's. A <pre> keeps its own line ends.
                    if (_preDepth == 0)
                    {
                        _pendingBoundary = true;
                    }
                    break;
                case not null when block == ArticleBlocks.LeftOutLine:
                    // The text of a line its block left out, or the <br> that set the line apart.
                    break;
                case IText text when block < 0 || dropped?.Blocks[block] != true:
                    AppendText(text.Data);
                    break;
                case IElement element when element == root:
                    break;
                case IElement element when leaving:
                    Leave(element);
                    break;
                case IElement element when dropped?.Elements.Contains(element) == true:
                    skipping = element;
                    break;
                case IElement element:
                    Enter(element);
                    break;
            }
        }
    }

    /// <summary>Writes the element's opening (all of it for an image, a break or a rule).</summary>
    private void Enter(IElement element)
    {
        var name = element.LocalName;
        switch (name)
        {
            case "br":
                _pendingBreaks++;
                _pendingSpace = false;
                return;
            case "img":
                WriteImage(element);
                return;
            case "hr":
                CloseParagraph();
                // A rule parts what a reader sees: none before the article's first content, none
                // right after another (the one that ends the article goes in Write).
                if (_seen > _seenAtRule)
                {
                    _ruleAt = _html.Length;
                    _seenAtRule = _seen;
                    _html.Append("<hr>\n");
                }
                _atBlockStart = true;
                return;
        }
        if (name is "td" or "th" && !BelongsHere(name))
        {
            // A cell outside a written table (a layout table's, or a stray one) is its content
            // only, and as in the text a space apart from the next cell, not a paragraph.
            _pendingSpace = true;
            Push(null, element);
            return;
        }
        if (name == "table" && LayoutTable.Is(element, _baseUrl))
        {
            // Its rows and cells go too (they belong to no written table): its content stays.
            CloseParagraph();
            Push(null, element);
            return;
        }
        if (KeptBlocks.Contains(name))
        {
            CloseParagraph();
            // A list item or cell outside its list or table is written as its content only.
            Push(BelongsHere(name) ? name : null, element);
            if (name == "pre")
            {
                _preDepth++;
            }
            return;
        }
        if (KeptInline.Contains(name))
        {
            var start = _html.Length;
            var breaks = EnsureTextContext();
            // A link that goes nowhere safe keeps its text and loses its markup.
            Push(name == "a" && SafeUrl(element.GetAttribute("href"), allowMail: true) is null ? null : name, element);
            if (breaks > 0)
            {
                var frame = _open[^1];
                frame.Start = start;
                frame.BreaksBefore = breaks;
                frame.AtBlockStartBefore = false;
                _open[^1] = frame;
            }
            return;
        }
        if (HtmlVocabulary.IsBlock(name))
        {
            // A layout wrapper: its edges end the running paragraph, the tag itself goes.
            CloseParagraph();
        }
        // Wrappers and other inline elements (span, font, custom elements): their content only.
        Push(null, element);
    }

    private void Push(string? tag, IElement element)
    {
        var frame = new Frame { Tag = tag, Start = _html.Length, AtBlockStartBefore = _atBlockStart };
        if (tag is not null)
        {
            if (_pendingSpace && !_atBlockStart && KeptInline.Contains(tag))
            {
                // "word <b>bold</b>": the space goes before the tag, not inside it.
                _html.Append(' ');
                frame.Start++;
            }
            _pendingSpace = false;
            OpenTag(tag, element);
            // An inline tag opening a block writes nothing visible: a space after it would lead the paragraph.
            _atBlockStart = KeptBlocks.Contains(tag) || _atBlockStart;
        }
        frame.ContentStart = _html.Length;
        frame.SeenBefore = _seen;
        _open.Add(frame);
    }

    private void Leave(IElement element)
    {
        var name = element.LocalName;
        if (name is "br" or "img" or "hr")
        {
            // Written whole on entering: no frame was opened for them.
            return;
        }
        if (name is "td" or "th" && _open[^1].Tag is null)
        {
            // A cell written as its content only: a space before the next cell's (see Enter).
            _open.RemoveAt(_open.Count - 1);
            _pendingSpace = true;
            return;
        }
        if (KeptBlocks.Contains(name) || HtmlVocabulary.IsBlock(name))
        {
            CloseParagraph();
        }
        var frame = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (name == "pre")
        {
            _preDepth--;
        }
        if (frame.Tag is null)
        {
            return;
        }
        var isBlock = KeptBlocks.Contains(frame.Tag);
        if (isBlock)
        {
            _pendingBreaks = 0;
            _pendingSpace = false;
        }
        TrimEnd(frame.ContentStart, isBlock ? "<br>" : null);
        if (_seen == frame.SeenBefore && frame.Tag is not ("td" or "th"))
        {
            // Nothing a reader sees came out inside it: no empty paragraph, link or list item is
            // left behind, nor the breaks written for it (a paragraph would end in them), nor a
            // row of empty cells, nor the table of a layout whose content all went (an empty
            // cell itself stays, so that the cells after it keep their columns).
            _html.Length = frame.Start;
            if (_ruleAt >= frame.Start)
            {
                // The last rule went with it: content was seen since the one before (else it
                // would not have been written), so the next rule is written again.
                _ruleAt = -1;
                _seenAtRule = _seen - 1;
            }
            _atBlockStart = frame.AtBlockStartBefore;
            if (frame.BreaksBefore > 0)
            {
                _pendingBreaks = frame.BreaksBefore;
            }
            return;
        }
        if (frame.Tag == "table")
        {
            DropEmptyColumns(frame.ContentStart);
        }
        _html.Append("</").Append(frame.Tag).Append('>');
        if (isBlock && frame.Tag is not ("li" or "td" or "th" or "dt" or "dd"))
        {
            _html.Append('\n');
        }
        _atBlockStart = isBlock;
    }

    /// <summary>A data table's columns of empty cells go (<see cref="EmptyColumns"/>).</summary>
    private void DropEmptyColumns(int contentStart)
    {
        var content = _html.ToString(contentStart, _html.Length - contentStart);
        if (EmptyColumns.Remove(content) is not { } kept)
        {
            return;
        }
        if (_ruleAt >= contentStart)
        {
            // A rule inside the table moves with the cells taken out before it; where to does not
            // matter: only an element that comes out empty takes the last rule back, and the
            // table and everything around it show something. So it is forgotten, as if none
            // could be taken back (a later rule is written at a new place anyway).
            _ruleAt = -1;
        }
        _html.Length = contentStart;
        _html.Append(kept);
    }

    /// <summary>Whether a list item or table part sits in the list or table it belongs to, as written so far.</summary>
    private bool BelongsHere(string name)
    {
        if (name is not ("li" or "dt" or "dd" or "tr" or "th" or "td" or "thead" or "tbody" or "tfoot" or "caption"))
        {
            return true;
        }
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            var open = _open[i].Tag;
            if (open is null)
            {
                continue;
            }
            return (name, open) switch
            {
                ("li", "ul" or "ol") => true,
                ("dt" or "dd", "dl") => true,
                ("tr", "table" or "thead" or "tbody" or "tfoot") => true,
                ("thead" or "tbody" or "tfoot" or "caption", "table") => true,
                ("th" or "td", "tr") => true,
                _ => false,
            };
        }
        return false;
    }

    private void OpenTag(string name, IElement element)
    {
        _html.Append('<').Append(name);
        switch (name)
        {
            case "a":
                if (SafeUrl(element.GetAttribute("href"), allowMail: true) is { } href)
                {
                    AppendAttribute("href", href);
                }
                break;
            case "td" or "th":
                AppendNumber(element, "colspan");
                AppendNumber(element, "rowspan");
                break;
            case "ol":
                AppendNumber(element, "start");
                break;
            case "time":
                if (element.GetAttribute("datetime") is { Length: > 0 and < 64 } datetime)
                {
                    AppendAttribute("datetime", datetime.Trim());
                }
                break;
            case "abbr":
                if (element.GetAttribute("title") is { Length: > 0 and < 200 } title)
                {
                    AppendAttribute("title", title.Trim());
                }
                break;
        }
        _html.Append('>');
    }

    private void WriteImage(IElement image)
    {
        if (ShownImage.Source(image, _baseUrl) is not { } source)
        {
            return;
        }
        EnsureTextContext();
        if (_pendingSpace && !_atBlockStart)
        {
            _html.Append(' ');
        }
        _pendingSpace = false;
        _html.Append("<img");
        AppendAttribute("src", source);
        if (image.GetAttribute("alt") is { } alt && !string.IsNullOrWhiteSpace(alt))
        {
            AppendAttribute("alt", alt.Trim());
        }
        _html.Append('>');
        _seen++;
        _atBlockStart = false;
    }


    private string? SafeUrl(string? value, bool allowMail) => PageLink.Absolute(value, _baseUrl, allowMail);

    private void AppendNumber(IElement element, string attribute)
    {
        if (int.TryParse(element.GetAttribute(attribute), out var number) && number is > 1 and < 1000)
        {
            AppendAttribute(attribute, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void AppendAttribute(string name, string value) =>
        _html.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');

    private void AppendText(string data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            if (HtmlVocabulary.IsDropped(data, i))
            {
                continue;
            }
            if (_preDepth == 0 && char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }
            EnsureTextContext();
            if (_pendingSpace && !_atBlockStart)
            {
                _html.Append(' ');
            }
            _pendingSpace = false;
            _atBlockStart = false;
            switch (c)
            {
                case '<':
                    _html.Append("&lt;");
                    break;
                case '>':
                    _html.Append("&gt;");
                    break;
                case '&':
                    _html.Append("&amp;");
                    break;
                default:
                    _html.Append(c);
                    break;
            }
            // The plain characters after it: the text context is set, no space is pending, nothing to escape.
            var run = HtmlVocabulary.PlainHtmlRun(data.AsSpan(i + 1));
            _html.Append(data, i + 1, run);
            if (!char.IsWhiteSpace(c) || !data.AsSpan(i + 1, run).IsWhiteSpace())
            {
                // (White space reaches here only inside <pre>, where it is kept but shows nothing.)
                _seen++;
            }
            i += run;
        }
    }

    /// <summary>
    /// Before inline content: a paragraph opens when the content would stand loose in a
    /// layout wrapper or a list; two line breaks in a row end the paragraph, one stays a break.
    /// </summary>
    /// <returns>How many line breaks it wrote.</returns>
    private int EnsureTextContext()
    {
        var written = 0;
        if ((_pendingBreaks >= 2 || _pendingBoundary) && _paragraphOpen)
        {
            CloseParagraph();
        }
        if (!_paragraphOpen && NeedsParagraph())
        {
            _paragraphStart = _html.Length;
            _paragraphDepth = _open.Count;
            _paragraphOpen = true;
            _html.Append("<p>");
            _atBlockStart = true;
            _pendingBreaks = 0;
        }
        if ((_pendingBreaks > 0 || _pendingBoundary) && !_atBlockStart)
        {
            // Where the text ends a block inside an element that holds running text (two breaks,
            // a wrapper's edge in a list item), two breaks: the HTML's paragraphs are the text's.
            written = _pendingBoundary ? 2 : Math.Min(_pendingBreaks, 2);
            _html.Append(written == 2 ? "<br><br>" : "<br>");
            _atBlockStart = true;
            _pendingSpace = false;
        }
        _pendingBreaks = 0;
        _pendingBoundary = false;
        return written;
    }

    /// <summary>Loose content needs a paragraph unless the innermost written element holds running text.</summary>
    private bool NeedsParagraph()
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].Tag is { } tag)
            {
                return !TextBlocks.Contains(tag) && !KeptInline.Contains(tag);
            }
        }
        return true;
    }

    /// <summary>Ends the paragraph opened for loose text, closing the inline elements still open inside it.</summary>
    private void CloseParagraph()
    {
        _pendingBreaks = 0;
        _pendingSpace = false;
        if (!_paragraphOpen)
        {
            return;
        }
        _paragraphOpen = false;
        for (var i = _open.Count - 1; i >= _paragraphDepth; i--)
        {
            var frame = _open[i];
            if (frame.Tag is null)
            {
                continue;
            }
            TrimEnd(frame.ContentStart);
            if (_html.Length == frame.ContentStart)
            {
                _html.Length = frame.Start;
            }
            else
            {
                _html.Append("</").Append(frame.Tag).Append('>');
            }
            // What follows the block boundary continues without the element's markup.
            frame.Tag = null;
            _open[i] = frame;
        }
        TrimEnd(_paragraphStart + 3, "<br>");
        if (_html.Length == _paragraphStart + 3)
        {
            _html.Length = _paragraphStart;
        }
        else
        {
            _html.Append("</p>\n");
        }
        _atBlockStart = true;
    }

    /// <summary>
    /// Trims the spaces (with <paramref name="anyWhiteSpace"/>, all white space) that end what was
    /// written since <paramref name="floor"/>, and the <paramref name="markup"/> among them: line
    /// breaks at a block's end break before nothing (left by a line whose content went after
    /// them: a list's links, a spacer), a rule at the article's end parts it from nothing.
    /// </summary>
    private void TrimEnd(int floor, string? markup = null, bool anyWhiteSpace = false)
    {
        while (true)
        {
            while (_html.Length > floor && (anyWhiteSpace ? char.IsWhiteSpace(_html[^1]) : _html[^1] == ' '))
            {
                _html.Length--;
            }
            if (markup is null || !EndsWith(markup, floor))
            {
                return;
            }
            _html.Length -= markup.Length;
        }
    }

    /// <summary>Whether what was written since <paramref name="floor"/> ends with <paramref name="markup"/>.</summary>
    private bool EndsWith(string markup, int floor)
    {
        if (_html.Length - markup.Length < floor)
        {
            return false;
        }
        for (var i = 0; i < markup.Length; i++)
        {
            if (_html[_html.Length - markup.Length + i] != markup[i])
            {
                return false;
            }
        }
        return true;
    }
}
