using System.Buffers;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsAggregator.Extraction;

/// <summary>
/// The one HTML parser settings of the library (one parser per thread: AngleSharp does not
/// promise a shared parser is thread-safe), scripting off as in a reader without
/// JavaScript, every page held to <see cref="PageLimits"/> (whoever reads it: the extractor,
/// the link finder of a section page, feed discovery), and the repairs a parse needs before anything reads the text: characters
/// composed (NFC), so that a decomposed accent matches its precomposed twin, and a
/// &lt;noscript&gt; that was never closed opened back up, web components' declarative shadow
/// trees put in their hosts' place (<see cref="ShadowTrees"/>), text encoded twice as UTF-8 put
/// back when part of it came as entities (the decoder repairs it only where it is all bytes),
/// and control characters taken out (<see cref="ControlCharacters"/>), raw or as references.
/// </summary>
internal static partial class PageParser
{
    // A <noscript> holding more than this share of the body's text swallowed the page: its end tag is missing.
    private const double SwallowedShare = 0.5;
    private const int SwallowedMinimumChars = 200;

    private static readonly ThreadLocal<HtmlParser> Parser = new(Create);

    // Looked for in every page, in either case: a vectorised search for the one tag took about half
    // the time of IndexOf ignoring case in a profile.
    private static readonly SearchValues<string> NoscriptTag = SearchValues.Create(["<noscript"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> ShadowRootTemplate = SearchValues.Create(["shadowrootmode"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A parser with this library's settings. Its context has no attribute observers: AngleSharp's
    /// default ones act on attributes as a browser would (a stylesheet link resolved and offered
    /// to a loader, a frame's source, an input's type), which a reader of text never uses, and
    /// they took about 8 % of the parse in a profile. Nothing reads source positions, comments, CDATA sections
    /// (only in SVG and MathML, which are textless) or processing instructions, so the tokenizer
    /// neither tracks nor keeps them. Raw text stays: an &lt;xmp&gt; listing is text on screen.
    /// </summary>
    internal static HtmlParser Create() => new(
        new HtmlParserOptions
        {
            IsScripting = false,
            IsKeepingSourceReferences = false,
            DisableElementPositionTracking = true,
            SkipComments = true,
            SkipCDATA = true,
            SkipProcessingInstructions = true,
        },
        BrowsingContext.New(Configuration.Default.Without<IAttributeObserver>()));

    /// <summary>
    /// <paramref name="html"/> parsed within <see cref="PageLimits"/>: AngleSharp's cost grows with
    /// the square of the nesting depth, and a section page of 100 000 nested elements held a pass
    /// for over ten minutes, deaf to cancellation, where the bounded page takes seconds.
    /// </summary>
    public static IHtmlDocument Parse(string html)
    {
        html = ComposedText.Of(ControlCharacters.Repaired(PageLimits.Bound(html)));
        var document = Parser.Value!.ParseDocument(html);
        if (document.Body is { LocalName: "frameset" } frameset && NoFramesPage(document, frameset) is { } alternative)
        {
            // Bounded again: the limits pass over raw text, and the frameless page was raw text.
            html = PageLimits.Bound(alternative);
            document = Parser.Value!.ParseDocument(html);
        }
        if (document.Body is { } components && html.AsSpan().ContainsAny(ShadowRootTemplate))
        {
            ShadowTrees.Flatten(components);
        }
        if (document.Body is { } body && html.AsSpan().ContainsAny(NoscriptTag))
        {
            OpenSwallowingNoscript(body);
        }
        if (document.Body is { } text && EntityOfLeadCharacter().IsMatch(html))
        {
            RepairTexts(text, PageDecoder.RepairDoubleEncoding);
        }
        if (document.Body is { } written && ReferenceToControl().IsMatch(html))
        {
            RepairTexts(written, ControlCharacters.Repaired);
        }
        return document;
    }

    // An entity for a character a UTF-8 lead byte becomes in windows-1252 (Â to ô): "&acirc;€™"
    // and "&Atilde;&copy;" are "’" and "é" encoded twice, with some or all of it written as entities.
    [GeneratedRegex(
        "&(?:[A-Za-z]{1,2}(?:grave|acute|circ|tilde|uml|ring|cedil|lig|slash);|ETH;|eth;|THORN;|szlig;|times;|" +
        "#0*(?:19[4-9]|2[0-4][0-9]);|#[xX]0*[c-fC-F][0-9a-fA-F];)",
        RegexOptions.CultureInvariant)]
    private static partial Regex EntityOfLeadCharacter();

    // A numeric reference to a C0 control or DEL ("&#26;"), which the parser turns into the character
    // (the C1 range it maps to windows-1252 itself, as HTML says); the raw ones are gone before the parse.
    [GeneratedRegex("&#(?:0*(?:[1-8]|11|1[4-9]|2[0-9]|3[01]|127)(?![0-9])|[xX]0*(?:[1-8bBeEfF]|1[0-9a-fA-F]|7[fF])(?![0-9a-fA-F]))", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceToControl();

    /// <summary>Each text node of <paramref name="body"/> through <paramref name="repair"/>, which gives the same instance when it changes nothing.</summary>
    private static void RepairTexts(IElement body, Func<string, string> repair)
    {
        foreach (var (node, _) in DomWalk.Of(body))
        {
            if (node is IText text && repair(text.Data) is var repaired && !ReferenceEquals(repaired, text.Data))
            {
                text.Data = repaired;
            }
        }
    }

    /// <summary>
    /// A page of frames has no text of its own: a browser loads each frame's page in its place, and
    /// shows the &lt;noframes&gt; page, whose markup HTML parses as raw text, where it has no frames.
    /// A reader follows no frames, so that page is the one it reads, under the frameset's head
    /// (title, metadata); null when the frameset has no such page.
    /// </summary>
    private static string? NoFramesPage(IHtmlDocument document, IElement frameset)
    {
        var markup = string.Concat(frameset.GetElementsByTagName("noframes").Select(noframes => noframes.TextContent));
        return string.IsNullOrWhiteSpace(markup) ? null : $"<html><head>{document.Head?.InnerHtml}</head><body>{markup}</body></html>";
    }

    /// <summary>
    /// A &lt;noscript&gt; for a tracking pixel whose end tag is missing holds everything after it,
    /// and a reader without scripts sees all of that. One that holds most of the body's text is
    /// replaced by its content; a real fallback (a pixel, "enable JavaScript") holds little.
    /// </summary>
    private static void OpenSwallowingNoscript(IElement body)
    {
        int? bodyText = null;
        foreach (var noscript in body.GetElementsByTagName("noscript").ToList())
        {
            // Most hold a pixel or a line of text: only one holding elements and some text is measured against the body.
            if (noscript.Parent is not { } parent || noscript.ChildElementCount == 0)
            {
                continue;
            }
            var length = noscript.TextContent.Length;
            if (length >= SwallowedMinimumChars && length > SwallowedShare * (bodyText ??= body.TextContent.Length))
            {
                while (noscript.FirstChild is { } child)
                {
                    parent.InsertBefore(child, noscript);
                }
                noscript.Remove();
            }
        }
    }
}
