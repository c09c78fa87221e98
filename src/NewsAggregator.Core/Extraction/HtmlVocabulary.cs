using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>What HTML's elements mean for plain text: which ones start a paragraph, which never hold readable text.</summary>
internal static partial class HtmlVocabulary
{
    private static readonly FrozenSet<string> Blocks = new HashSet<string>(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Elements whose content a reader never sees as text (scripts, media, form controls), and
    // ruby annotations: the reading aid above the base text would otherwise run into it.
    // <noframes> and <noembed> are fallbacks a browser hides, since it shows frames and embeds;
    // the parser keeps their content as one raw string of markup, which must never reach the text.
    // A formula's MathML is read, all but its annotations (the TeX it was written in): KaTeX and
    // MathJax draw the formula a second time in spans hidden from assistive technology
    // (aria-hidden), which are left out, so the MathML is the only copy of the formula's text.
    private static readonly FrozenSet<string> Textless = new HashSet<string>(StringComparer.Ordinal)
    {
        "head", "script", "style", "noscript", "template", "svg", "annotation", "annotation-xml", "canvas", "iframe", "object",
        "embed", "video", "audio", "map", "button", "input", "select", "option", "textarea", "link",
        "meta", "title", "img", "picture", "source", "frame", "frameset", "datalist", "dialog",
        "rt", "rp", "noframes", "noembed",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsBlock(string localName) => Blocks.Contains(localName);

    public static bool IsHeading(string localName) => localName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    public static bool IsTextless(string localName) => Textless.Contains(localName);

    /// <summary>
    /// An &lt;a&gt; that leads somewhere. Old pages mark places with &lt;a name="..."&gt; and often
    /// never close it, so the parser reopens it in every block that follows and the rest of the
    /// page sits "inside" it: such an anchor is no link, and its text is no link text.
    /// </summary>
    public static bool IsLink(IElement element) => element.LocalName == "a" && element.HasAttribute("href");

    /// <summary>
    /// A named anchor, no link, where readers' comments begin: <c>&lt;a name="comments"&gt;</c>, the
    /// target every "Comments" link of a blog or a news site jumps to, or the word with the place
    /// it marks ("topcomment", Slash's; "commentsTop", "article_comments", "comment_block"). Not
    /// one comment's own anchor, which carries its number ("comment660732"), nor a note about them
    /// ("comments-policy").
    /// </summary>
    public static bool IsCommentsAnchor(IElement element) =>
        element.LocalName == "a" && !element.HasAttribute("href") &&
        (element.GetAttribute("name") ?? element.Id)?.Trim() is { Length: > 0 } name && CommentsAnchorName().IsMatch(name);

    [GeneratedRegex(@"^((top|all|article|post|story|entry|news|reader|user)[-_]?)?comments?([-_]?(top|start|begin|list|section|block|area|thread|wrap(per)?|container|all))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentsAnchorName();

    // Zero-width and soft-hyphen characters that only steer layout.
    private const string Invisible = "\u200B\u200C\u200D\u2060\uFEFF\u00AD";

    private static readonly CharacterSet InvisibleChars = new(Invisible);

    /// <summary>A zero-width or soft-hyphen character: it only steers layout.</summary>
    private static bool IsInvisible(char c) => InvisibleChars.Contains(c);

    /// <summary>
    /// Whether the character at <paramref name="index"/> is dropped from the output: an invisible one,
    /// except a zero-width non-joiner or joiner inside a word. There they are spelling, not layout:
    /// Persian and Urdu put a non-joiner between the parts of one word to keep two letters from joining, the Indic
    /// scripts choose half forms with them, and emoji sequences are bound by the joiner. One at a word's
    /// edge or alone in a block (an editor's spacer paragraph) still goes.
    /// </summary>
    public static bool IsDropped(string text, int index)
    {
        var c = text[index];
        if (!IsInvisible(c))
        {
            return false;
        }
        return c is not ('\u200C' or '\u200D') ||
            index == 0 || index + 1 == text.Length ||
            !IsWordPart(text[index - 1]) || !IsWordPart(text[index + 1]);

        static bool IsWordPart(char neighbour) => !char.IsWhiteSpace(neighbour) && !InvisibleChars.Contains(neighbour);
    }

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> counts (Unicode's White_Space, NBSP among them).</summary>
    internal const string WhiteSpace =
        "\t\n\u000B\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    private const string Unplain = WhiteSpace + Invisible;

    private static readonly CharacterSet NotPlainText = new(Unplain);
    private static readonly CharacterSet NotPlainHtml = new(Unplain + "<>&");

    /// <summary>
    /// How many characters from the start are plain: neither white space nor invisible. The
    /// renderers take characters one by one where something may change (a space, a break) and
    /// copy such a run whole.
    /// </summary>
    public static int PlainRun(ReadOnlySpan<char> text) => Run(text, NotPlainText);

    /// <summary>As <see cref="PlainRun"/>, and also without a character HTML must escape.</summary>
    public static int PlainHtmlRun(ReadOnlySpan<char> text) => Run(text, NotPlainHtml);

    private static int Run(ReadOnlySpan<char> text, CharacterSet stops) =>
        stops.IndexOfAny(text) is var stop and >= 0 ? stop : text.Length;
}
