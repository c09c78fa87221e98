using System.Text;

namespace NewsAggregator.Extraction;

/// <summary>
/// A page title without its site branding: "Story — Site", "Site | Story" and
/// "Story - Section - Site" all give "Story".
/// </summary>
internal static class Headline
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " // ", " ~ ", " • ", "｜"];

    /// <param name="title">The raw title (og:title, headline or &lt;title&gt;).</param>
    /// <param name="siteName">The site's name when the page states it; a part equal to it is branding.</param>
    /// <param name="heading">The page's h1: when the title starts or ends with it, it is the headline.</param>
    public static string? Clean(string? title, string? siteName, string? heading)
    {
        title = Fold(title);
        if (string.IsNullOrEmpty(title))
        {
            return null;
        }
        heading = Fold(heading);
        if (!string.IsNullOrEmpty(heading) && heading.Length < title.Length && heading.Length >= 15 &&
            (title.StartsWith(heading, StringComparison.OrdinalIgnoreCase) || title.EndsWith(heading, StringComparison.OrdinalIgnoreCase)))
        {
            return heading;
        }
        foreach (var separator in Separators)
        {
            var parts = Parts(title, separator);
            if (parts.Length < 2)
            {
                continue;
            }
            var kept = parts.Where(p => !IsSiteName(p, siteName)).ToList();
            if (kept.Count == 0)
            {
                return title;
            }
            var stripped = kept.Count < parts.Length;
            // Without a known site name: branding is the short part at either end (a quotation is
            // the story's), and a title may carry two, the site's and the section's ("Site - Section
            // - Story", "Story - Section - Site"), so the ends are taken off while they are short.
            while (kept.Count >= 2)
            {
                var first = kept[0];
                var last = kept[^1];
                if (WordCount(last) <= 4 && WordCount(first) > WordCount(last) && !IsQuotation(last))
                {
                    kept.RemoveAt(kept.Count - 1);
                }
                else if (WordCount(first) <= 3 && WordCount(last) > WordCount(first) + 2 && !IsQuotation(first))
                {
                    kept.RemoveAt(0);
                }
                else
                {
                    break;
                }
                stripped = true;
            }
            if (stripped)
            {
                return string.Join(separator.Trim() == "-" ? " - " : separator, kept);
            }
        }
        return title;
    }

    /// <summary>
    /// The title's parts between separators, but for one inside brackets, which is the story's own
    /// ("Obituary (1938 - 2025) - Harlow Falls" has two parts).
    /// </summary>
    private static string[] Parts(string title, string separator)
    {
        var pieces = title.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (pieces.Length < 2 || title.AsSpan().IndexOfAny("([（") < 0)
        {
            return pieces;
        }
        var parts = new List<string>(pieces.Length);
        var open = 0;
        foreach (var piece in pieces)
        {
            if (open > 0)
            {
                parts[^1] += separator + piece;
            }
            else
            {
                parts.Add(piece);
            }
            foreach (var c in piece)
            {
                open += c switch { '(' or '[' or '（' => 1, ')' or ']' or '）' => -1, _ => 0 };
            }
            open = Math.Max(open, 0);
        }
        return [.. parts];
    }

    /// <summary>Whitespace folded to single spaces and trimmed.</summary>
    public static string? Fold(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The texts are equal once folded, ignoring case and the kind of quotation mark or
    /// apostrophe: compared word by word, without building the folded strings (every paragraph of
    /// an article is compared with its title). A CMS curls the quotes of the headline it shows
    /// ("Harlow’s") and leaves them straight in the title it writes for others ("Harlow's").
    /// </summary>
    public static bool SameFolded(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        while (true)
        {
            var leftWord = NextWord(ref left);
            var rightWord = NextWord(ref right);
            if (leftWord.IsEmpty || rightWord.IsEmpty)
            {
                return leftWord.IsEmpty && rightWord.IsEmpty;
            }
            if (!leftWord.Equals(rightWord, StringComparison.OrdinalIgnoreCase) && !SameButQuotes(leftWord, rightWord))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// The text is the title's headline after its kicker: news sites title a story "Kicker: Headline"
    /// ("Velmar Chemie: Spezialchemiekonzern senkt erneut Prognose") and show the kicker above the
    /// headline on the page, each in an element of its own. The headline may go on past the title
    /// where <see cref="Clean"/> took its last part for the site's branding ("… Prognose – Lacksparte
    /// steht zum Verkauf").
    /// </summary>
    public static bool FollowsKicker(string text, string title)
    {
        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || colon > KickerChars)
        {
            return false;
        }
        var headline = title.AsSpan(colon + 2);
        if (SameFolded(text, headline))
        {
            return true;
        }
        var rest = text.AsSpan().Trim();
        if (!rest.StartsWith(headline, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        rest = rest[headline.Length..];
        foreach (var separator in Separators)
        {
            if (rest.StartsWith(separator, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    // A kicker names the story's subject in a few words.
    private const int KickerChars = 40;

    private static bool SameButQuotes(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }
        for (var i = 0; i < left.Length; i++)
        {
            var l = left[i];
            var r = right[i];
            if (l == r || char.ToUpperInvariant(l) == char.ToUpperInvariant(r))
            {
                continue;
            }
            var kind = QuoteKind(l);
            if (kind == 0 || kind != QuoteKind(r))
            {
                return false;
            }
        }
        return true;
    }

    // Single quotes and apostrophes are one kind, double quotes another.
    private static int QuoteKind(char c) => c switch
    {
        '\'' or '‘' or '’' or 'ʼ' or '‚' or '′' => 1,
        '"' or '“' or '”' or '„' or '″' => 2,
        _ => 0,
    };

    /// <summary>The next run of characters that <see cref="Fold"/> keeps between spaces; empty at the end.</summary>
    private static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }
        var word = text[..end];
        text = text[end..];
        return word;
    }

    private static bool IsSiteName(string part, string? siteName)
    {
        if (string.IsNullOrEmpty(siteName))
        {
            return false;
        }
        var p = Compact(part);
        var s = Compact(siteName);
        return p.Length > 0 && (p == s || (p.Length >= 4 && (s.Contains(p, StringComparison.Ordinal) || p.Contains(s, StringComparison.Ordinal))));
    }

    // By code point: a letter beyond the Basic Multilingual Plane (Adlam, Chakma, Newa) is two
    // surrogates, neither of them a letter, and would leave nothing to compare.
    private static string Compact(string text)
    {
        var compact = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                compact.Append(Rune.ToLowerInvariant(rune));
            }
        }
        return compact.ToString();
    }

    private static bool IsQuotation(string part) => part.Length > 0 && part[0] is '\'' or '"' or '‘' or '“' or '«' or '„' or '「';

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
