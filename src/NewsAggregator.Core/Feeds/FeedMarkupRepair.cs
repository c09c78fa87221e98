using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsAggregator.Feeds;

/// <summary>
/// The two breakages that make most hand-made feeds ill-formed XML: a bare <c>&amp;</c>
/// (<c>AT&amp;T</c>, <c>?a=1&amp;b=2</c>) and HTML entities such as <c>&amp;nbsp;</c> that XML
/// does not know. Both have one obvious meaning, so we repair them instead of rejecting the feed.
/// </summary>
internal static partial class FeedMarkupRepair
{
    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    // CDATA sections and comments are matched only to be passed over: an ampersand there is text.
    // One left open runs to the end of the text, as it does in XML. Were it not matched at all,
    // every later "<!--" would be scanned to the end again: quadratic on a feed full of them.
    [GeneratedRegex(@"<!\[CDATA\[.*?(?:\]\]>|\z)|<!--.*?(?:-->|\z)|&(?:(?<name>[A-Za-z][A-Za-z0-9]{0,31});|(?<numeric>#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};))?",
        RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex AmpersandOrSkipped();

    /// <summary>The repaired text, or <c>null</c> when there was nothing to repair.</summary>
    public static string? Repair(string xml)
    {
        var changed = false;
        var repaired = AmpersandOrSkipped().Replace(xml, match =>
        {
            if (match.Value[0] != '&' || match.Groups["numeric"].Success)
            {
                return match.Value;
            }
            var name = match.Groups["name"];
            if (!name.Success)
            {
                changed = true;
                return "&amp;";
            }
            if (XmlEntities.Contains(name.Value))
            {
                return match.Value;
            }
            var decoded = WebUtility.HtmlDecode(match.Value);
            if (decoded == match.Value)
            {
                return match.Value; // not an HTML entity either: perhaps declared in the DTD
            }
            changed = true;
            return NumericReference(decoded);
        });
        return changed ? repaired : null;
    }

    private static string NumericReference(string text)
    {
        var builder = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append("&#").Append(rune.Value).Append(';');
        }
        return builder.ToString();
    }
}
