using System.Collections.Frozen;

namespace NewsAggregator.Extraction;

/// <summary>
/// Bounds on what one page may cost, applied to the markup before it is parsed. Real article
/// pages are at most a few megabytes with a few thousand elements nested a few dozen deep;
/// past the caps a page is cut, not refused, because the article sits near the top of any page
/// that has one. Nesting is flattened rather than cut (as browsers do past 512 levels): the
/// parser's cost grows with the square of the depth, and the text down there may be the article.
/// The bodies of scripts and style sheets are left out too (the elements stay, empty): nothing
/// reads them but JSON-LD's, which is kept, yet they are half the characters of a news page
/// (53 % of the zyte set) that the parser would tokenize one by one and copy into strings. So are
/// the bodies of inline SVG drawings (icons, logos, charts), textless to the extractor.
/// </summary>
public static class PageLimits
{
    /// <summary>Characters of a page that are read (about 3 MB of markup).</summary>
    public const int MaxChars = 3_000_000;

    /// <summary>Start tags of a page that are read.</summary>
    public const int MaxElements = 20_000;

    /// <summary>Elements nested deeper than this lose their tags, and keep their content.</summary>
    public const int MaxDepth = 1_000;

    // Elements that close themselves or whose end tag is optional: they do not nest without end tags.
    private static readonly FrozenSet<string> Unnested = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
        "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Elements whose content is raw text: tags inside them are not tags.
    private static readonly FrozenSet<string> RawText = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // The HTML start tags that end an SVG drawing they stand in (the parser's rule for foreign
    // content; <font> only with some attributes, taken here with any).
    private static readonly FrozenSet<string> Breakout = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
        "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BreakoutNames = Breakout.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnnestedNames = Unnested.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextNames = RawText.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <see cref="Bound"/> cuts <paramref name="html"/> short (past <see cref="MaxChars"/> or <see cref="MaxElements"/>), for a message that says so.</summary>
    public static bool Cuts(string html)
    {
        var scan = new Scan(html.AsSpan(0, Math.Min(html.Length, MaxChars)));
        scan.Run();
        return scan.End < html.Length;
    }

    /// <summary>
    /// <paramref name="html"/> within the caps (cut after <see cref="MaxChars"/> or <see cref="MaxElements"/>,
    /// flattened below <see cref="MaxDepth"/>), without the bodies of scripts and style sheets.
    /// </summary>
    public static string Bound(string html)
    {
        var scan = new Scan(html.AsSpan(0, Math.Min(html.Length, MaxChars)));
        scan.Run();
        if (scan.End == html.Length && scan.Dropped.Count == 0)
        {
            return html;
        }
        // Written once at its final length: most pages lose their scripts' bodies, and a builder
        // sized for the whole page doubled what bounding allocates.
        var length = scan.End;
        foreach (var (_, dropped) in scan.Dropped)
        {
            length -= dropped;
        }
        return string.Create(length, (html, scan.Dropped, scan.End), static (bounded, state) =>
        {
            var (page, dropped, end) = state;
            var at = 0;
            foreach (var (start, count) in dropped)
            {
                page.AsSpan(at, start - at).CopyTo(bounded);
                bounded = bounded[(start - at)..];
                at = start + count;
            }
            page.AsSpan(at, end - at).CopyTo(bounded);
        });
    }

    /// <summary>One pass over the markup, tag by tag, as far as the caps allow.</summary>
    private ref struct Scan(ReadOnlySpan<char> html)
    {
        private readonly ReadOnlySpan<char> _html = html;
        private int _elements;
        private int _depth;
        // Start tags dropped for depth whose end tags are still to come.
        private int _flattened;

        /// <summary>Where the kept markup ends.</summary>
        public int End = html.Length;

        /// <summary>Tags taken out to flatten the nesting and bodies of scripts and style sheets, in order.</summary>
        public readonly List<(int Start, int Length)> Dropped = [];

        public void Run()
        {
            var at = 0;
            while (at < _html.Length)
            {
                var open = _html[at..].IndexOf('<');
                if (open < 0)
                {
                    return;
                }
                at += open;
                var close = _html[at..].IndexOf('>');
                if (close < 0)
                {
                    // The cut fell inside a tag: end before it.
                    End = at;
                    return;
                }
                var tag = _html.Slice(at, close + 1);
                var next = at + close + 1;
                if (tag.StartsWith("<!--"))
                {
                    var end = _html[(at + 4)..].IndexOf("-->");
                    next = end < 0 ? _html.Length : at + 4 + end + 3;
                }
                else if (tag.Length > 2 && tag[1] == '/' && char.IsAsciiLetter(tag[2]))
                {
                    EndTag(Name(tag[2..]), at, tag.Length);
                }
                else if (char.IsAsciiLetter(tag[1]))
                {
                    if (++_elements > MaxElements)
                    {
                        End = at;
                        return;
                    }
                    var name = Name(tag[1..]);
                    if (IsDrawing(name, tag))
                    {
                        // A drawing's body goes unread: the element stays, empty, until its end tag.
                        var end = EndTagOf(_html[next..], name);
                        if (end > 0 && !BreaksOut(_html.Slice(next, end)))
                        {
                            Dropped.Add((next, end));
                            next += end;
                        }
                    }
                    else if (RawTextNames.Contains(name))
                    {
                        var end = EndTagOf(_html[next..], name);
                        var stop = end < 0 ? _html.Length : next + end;
                        if (IsUnread(name, tag, _html[next..stop]))
                        {
                            Dropped.Add((next, stop - next));
                        }
                        next = stop;
                    }
                    else
                    {
                        StartTag(name, tag, at);
                    }
                }
                at = next;
            }
        }

        private void StartTag(ReadOnlySpan<char> name, ReadOnlySpan<char> tag, int at)
        {
            if (tag.EndsWith("/>") || UnnestedNames.Contains(name))
            {
                return;
            }
            if (_depth >= MaxDepth)
            {
                Dropped.Add((at, tag.Length));
                _flattened++;
                return;
            }
            _depth++;
        }

        private void EndTag(ReadOnlySpan<char> name, int at, int length)
        {
            if (UnnestedNames.Contains(name))
            {
                return;
            }
            if (_flattened > 0)
            {
                Dropped.Add((at, length));
                _flattened--;
                return;
            }
            _depth = Math.Max(0, _depth - 1);
        }

        /// <summary>
        /// Whether the body of a script or style sheet can go unread: all of them but JSON-LD, which
        /// the metadata reads. A script holding "&lt;!--" and "&lt;script" may be one the HTML
        /// tokenizer does not end at the first "&lt;/script" (its double-escaped state, as in
        /// <c>&lt;!-- document.write('&lt;script&gt;…&lt;/script&gt;') --&gt;</c>): that one is left to the parser.
        /// </summary>
        private static bool IsUnread(ReadOnlySpan<char> name, ReadOnlySpan<char> tag, ReadOnlySpan<char> body) =>
            !body.IsEmpty && (name.Equals("style", StringComparison.OrdinalIgnoreCase)
                || (name.Equals("script", StringComparison.OrdinalIgnoreCase)
                    && !tag.Contains("ld+json", StringComparison.OrdinalIgnoreCase)
                    && !(body.Contains("<!--", StringComparison.Ordinal) && body.Contains("<script", StringComparison.OrdinalIgnoreCase))));

        /// <summary>
        /// An inline SVG drawing with a body: its shapes are textless (the extractor renders no SVG)
        /// and their path data long, about 9 % of the markup the parser read on the zyte set's pages
        /// once scripts were gone. One written "&lt;svg/&gt;" has no body to leave out.
        /// </summary>
        private static bool IsDrawing(ReadOnlySpan<char> name, ReadOnlySpan<char> tag) =>
            name.Equals("svg", StringComparison.OrdinalIgnoreCase) && !tag.EndsWith("/>");

        /// <summary>
        /// The drawing's markup up to the first end tag of a drawing holds an HTML element that ends
        /// it (a paragraph, a div, a heading: the parser closes the drawing there and reads the rest
        /// as the page's), as markup that forgot the drawing's end tag does, or a drawing of its own,
        /// whose end tag that one is. Either is left to the parser, which reads it as a browser would.
        /// </summary>
        private static bool BreaksOut(ReadOnlySpan<char> body)
        {
            for (var at = body.IndexOf('<'); at >= 0 && at + 1 < body.Length; at = body.IndexOf('<'))
            {
                body = body[(at + 1)..];
                if (char.IsAsciiLetter(body[0]) && Name(body) is var name &&
                    (BreakoutNames.Contains(name) || name.Equals("svg", StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Where the end tag of the raw-text element <paramref name="name"/> starts in <paramref name="rest"/>; -1 when it never comes.</summary>
        /// <remarks>
        /// "&lt;/" is found by a vectorised search and the name then compared ignoring case: a search
        /// for the whole end tag ignoring case took a fifth of the scan's time.
        /// </remarks>
        private static int EndTagOf(ReadOnlySpan<char> rest, ReadOnlySpan<char> name)
        {
            for (var at = 0; ;)
            {
                var found = rest[at..].IndexOf("</");
                if (found < 0)
                {
                    return -1;
                }
                at += found;
                // The name must end there ("</scripts" does not end a script), or the page ends.
                var after = at + 2 + name.Length;
                if (rest[(at + 2)..].StartsWith(name, StringComparison.OrdinalIgnoreCase)
                    && (after >= rest.Length || rest[after] is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f'))
                {
                    return at;
                }
                at += 2;
            }
        }

        private static ReadOnlySpan<char> Name(ReadOnlySpan<char> rest)
        {
            var end = 0;
            while (end < rest.Length && (char.IsAsciiLetterOrDigit(rest[end]) || rest[end] == '-'))
            {
                end++;
            }
            return rest[..end];
        }
    }
}
