using System.Net;
using System.Text.RegularExpressions;
using NewsAggregator.Extraction;

namespace NewsAggregator.Feeds;

/// <summary>Text fields of entries as people should read them.</summary>
/// <remarks>
/// A title or an author is one element, so the feed limits do not bound it: only the body cap
/// does, at megabytes. Every pattern here therefore runs, as it is used, in time linear in its
/// input, and what comes out is cut to the length of a real title or name
/// (<see cref="MaxTitleLength"/>, <see cref="MaxNameLength"/>).
/// </remarks>
internal static partial class EntryText
{
    /// <summary>
    /// Characters kept of a title. Headlines run to a few hundred; a longer "title" is a page of
    /// text or an attack, and cut so that what is stored and logged stays the size of a headline.
    /// </summary>
    internal const int MaxTitleLength = 2_000;

    /// <summary>Characters kept of one person's name, for the same reason (a byline joins several).</summary>
    internal const int MaxNameLength = 200;

    // Only things shaped like tags: "x < y" in a headline stays. The name is atomic (it is the
    // same name whatever follows): otherwise "<" and a long run of letters with no ">" would be
    // tried once for every length of the name.
    [GeneratedRegex(@"<(?:/?(?<name>(?>[A-Za-z][A-Za-z0-9]*))[^<>]*|!--.*?--)>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    // Tag without its comment branch, for the text after the last "-->" (see Plain).
    [GeneratedRegex(@"</?(?<name>(?>[A-Za-z][A-Za-z0-9]*))[^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex ElementTag();

    // Tags that separate words when rendered; inline ones (<b>, <a>, <span>) join them.
    private static readonly HashSet<string> Separating = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote", "hr",
    };

    [GeneratedRegex(@"[\s\u00A0\u200B]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    // The address patterns below match what ^\S+@\S+\.\S+$ and its like match, but without
    // trying every "@" against every "." or "(": that was cubic on "@.@.@.… x" and quadratic on
    // "@@@…". A lookahead checks once that there is no white space; the first "@" after the first
    // character is the one taken, since the earliest leaves the most room for the rest.
    [GeneratedRegex(@"^(?=\S+$)\S[^@]*@\S+\.\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // "jane@example.org (Jane Doe)", RSS 2.0's own form of <author>: ^\S+@\S+\s*\((?<name>[^)]+)\)$
    // with the same matches and names. The lookahead checks once that the text ends in ")" with no
    // other ")" after its first word. The name then opens at the "(" after the address and white
    // space, else at the last "(" of the address that follows the address's last ")" (the part up
    // to that ")" is taken at once, so no "(" before it is tried against the rest of the text).
    [GeneratedRegex(@"^(?=\S*(?:\s[^)]*)?\)$)\S[^\s@]*@(?:\S+\s+\((?<name>[^)]+)\)$|(?>\S*\)(?!$)|[^\s)])[^\s)]*\((?<name>[^)]+)\)$)",
        RegexOptions.CultureInvariant)]
    private static partial Regex AddressThenName();

    // "Jane Doe <jane@example.org>": ^(?<name>[^<]+?)\s*<\S+@\S+>$ with the same matches and names.
    // The name ends at its last non-space before the first "<" (found in one pass, where the lazy
    // form tried each length against the white space after it); the address is read as above.
    [GeneratedRegex(@"^(?<name>[^<]*[^\s<]|[^<])\s*<(?=\S+$)\S[^@]*@\S+>$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenAddress();

    /// <summary>
    /// Tags stripped, entities decoded, white space folded, cut to <see cref="MaxTitleLength"/>.
    /// Feeds escape titles once, twice, or wrap them in CDATA with entities inside; decoding after
    /// stripping handles all three without turning an escaped "&amp;lt;b&amp;gt;" into markup
    /// that would then vanish.
    /// </summary>
    public static string? Plain(string? html) => Cut(Stripped(html), MaxTitleLength);

    /// <summary>What <see cref="Plain"/> gives, before the cut.</summary>
    private static string? Stripped(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }
        // A comment runs to the first "-->" after its "<!--", so none ends past the last "-->" of
        // the text. Past it only tags are stripped: searched for comments too, each "<!--" there
        // would scan to the end of the text for an end it does not have, which on a title of
        // "<!--<!--<!--…" takes time in the square of its length. Output is the same either way.
        var last = html.LastIndexOf("-->", StringComparison.Ordinal);
        var commentsEnd = last < 0 ? 0 : last + 3;
        var withoutTags = commentsEnd == 0
            ? ElementTag().Replace(html, Separator)
            : string.Concat(Tag().Replace(html[..commentsEnd], Separator), ElementTag().Replace(html[commentsEnd..], Separator));
        return Folded(WebUtility.HtmlDecode(withoutTags));
    }

    private static string Separator(Match tag) => Separating.Contains(tag.Groups["name"].Value) ? " " : "";

    /// <summary>Runs of white space (non-breaking and zero-width included) as one space, trimmed, without control characters (<see cref="ControlCharacters"/>); <c>null</c> when nothing is left.</summary>
    public static string? Folded(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        // After entities are decoded: WebUtility reads "&#146;" as U+0092, not as HTML's "’".
        var folded = Whitespace().Replace(ControlCharacters.Repaired(text), " ").Trim();
        return folded.Length > 0 ? folded : null;
    }

    /// <summary>
    /// Plain text (JSON Feed's content_text and summary) as HTML: escaped, each line end a
    /// &lt;br&gt;, so that a blank line ends a paragraph as it does in the text.
    /// </summary>
    public static string? PlainTextAsHtml(string? text) =>
        Trimmed(text) is { } trimmed ? WebUtility.HtmlEncode(trimmed).ReplaceLineEndings("<br>") : null;

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A person's display name, cut to <see cref="MaxNameLength"/>; an e-mail address alone is not one.</summary>
    public static string? PersonName(string? value)
    {
        // The patterns see the whole text, so that "address (name)" yields the name however long
        // the address; only what is kept is cut.
        var text = Stripped(value);
        if (text is null)
        {
            return null;
        }
        if (AddressThenName().Match(text) is { Success: true } first)
        {
            return Cut(first.Groups["name"].Value.Trim(), MaxNameLength);
        }
        if (NameThenAddress().Match(text) is { Success: true } second)
        {
            return Cut(second.Groups["name"].Value.Trim().Trim('"'), MaxNameLength);
        }
        return EmailAddress().IsMatch(text) ? null : Cut(text, MaxNameLength);
    }

    /// <summary>The distinct names, joined for one byline.</summary>
    public static string? Names(IEnumerable<string?> values)
    {
        var names = values.Select(PersonName).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    /// <summary><paramref name="text"/> if it is at most <paramref name="maxLength"/> characters, else its start and "…" within that length.</summary>
    private static string? Cut(string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }
        var end = maxLength - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--; // not half a character
        }
        return string.Concat(text.AsSpan(0, end).TrimEnd(), "…");
    }
}
