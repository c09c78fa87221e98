using System.Net;
using System.Text.RegularExpressions;

namespace NewsAggregator.Feeds;

/// <summary>Text fields of entries as people should read them.</summary>
internal static partial class EntryText
{
    // Only things shaped like tags: "x < y" in a headline stays.
    [GeneratedRegex(@"<(?:/?(?<name>[A-Za-z][A-Za-z0-9]*)[^<>]*|!--.*?--)>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    // Tags that separate words when rendered; inline ones (<b>, <a>, <span>) join them.
    private static readonly HashSet<string> Separating = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote", "hr",
    };

    [GeneratedRegex(@"[\s\u00A0\u200B]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\S+@\S+\.\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // "jane@example.org (Jane Doe)", RSS 2.0's own form of <author>
    [GeneratedRegex(@"^\S+@\S+\s*\((?<name>[^)]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressThenName();

    // "Jane Doe <jane@example.org>"
    [GeneratedRegex(@"^(?<name>[^<]+?)\s*<\S+@\S+>$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenAddress();

    /// <summary>
    /// Tags stripped, entities decoded, white space folded. Feeds escape titles once, twice, or
    /// wrap them in CDATA with entities inside; decoding after stripping handles all three without
    /// turning an escaped "&amp;lt;b&amp;gt;" into markup that would then vanish.
    /// </summary>
    public static string? Plain(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }
        var withoutTags = Tag().Replace(html, tag => Separating.Contains(tag.Groups["name"].Value) ? " " : "");
        return Folded(WebUtility.HtmlDecode(withoutTags));
    }

    /// <summary>Runs of white space (non-breaking and zero-width included) as one space, trimmed; <c>null</c> when nothing is left.</summary>
    public static string? Folded(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var folded = Whitespace().Replace(text, " ").Trim();
        return folded.Length > 0 ? folded : null;
    }

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A person's display name; an e-mail address alone is not one.</summary>
    public static string? PersonName(string? value)
    {
        var text = Plain(value);
        if (text is null)
        {
            return null;
        }
        if (AddressThenName().Match(text) is { Success: true } first)
        {
            return first.Groups["name"].Value.Trim();
        }
        if (NameThenAddress().Match(text) is { Success: true } second)
        {
            return second.Groups["name"].Value.Trim().Trim('"');
        }
        return EmailAddress().IsMatch(text) ? null : text;
    }

    /// <summary>The distinct names, joined for one byline.</summary>
    public static string? Names(IEnumerable<string?> values)
    {
        var names = values.Select(PersonName).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return names.Count > 0 ? string.Join(", ", names) : null;
    }
}
