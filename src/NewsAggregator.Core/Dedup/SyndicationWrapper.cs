using System.Buffers;
using System.Text.RegularExpressions;

namespace NewsAggregator.Dedup;

/// <summary>
/// What a site that republishes a wire story puts around the agency's words: a dateline and
/// credit before the first sentence ("BELGRADE, Serbia (AP) — "), a byline paragraph, and
/// trailing lines ("… contributed to this report.", "Copyright … All rights reserved.",
/// "Reporting by …; Editing by …"). Each copy has its own, so they are cut before two texts
/// are compared.
/// </summary>
/// <remarks>
/// Only similarity sees the stripped text; the stored text keeps everything. A rule that cuts
/// a little too much therefore costs a few shingles of evidence, never a word of an article.
/// </remarks>
public static partial class SyndicationWrapper
{
    // A trailer line is short; a long paragraph that mentions "copyright" is part of the story.
    private const int MaximumTrailerWords = 60;
    private const int MaximumBylineWords = 12;

    // "BELGRADE, Serbia (AP) — ", "NEW YORK, Nov 18 (Reuters) - ", "LONDON — ", "NEW DELHI: ":
    // a place in capitals, an optional ", region or date", an optional agency credit, a dash or colon.
    // The ", region or date" part is the same as ",\s*[\p{L}\p{M}\d\s.'’]{1,40}?" followed by the
    // "\s*" after it: at most 40 characters from its first to its last that is not white space, or
    // white space alone. Written that way, white space after the comma was split every possible way
    // between three loops: "AB, " and a thousand spaces took seconds, ten thousand most of an hour.
    [GeneratedRegex(@"^\p{Lu}[\p{Lu}\p{M}\s.'’/-]{1,40}?(?:,(?>\s*)(?:[\p{L}\p{M}\d.'’](?:[\p{L}\p{M}\d\s.'’]{0,38}[\p{L}\p{M}\d.'’])?|(?<=\s)))?\s*(?:\([^()\n]{1,40}\)\s*)?(?:[—–:]|-{1,2})\s*")]
    private static partial Regex CapitalisedDateline();

    // "Belgrade, Serbia (AP) — ", "(CNN) — ", "(CNN)President": any place, but then the credit in
    // parentheses is required, and the dash too unless the credit opens the paragraph. The
    // ", region or date" part is written as in CapitalisedDateline, for the same reason.
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}\p{M}\s.'’/-]{1,40}?(?:,(?>\s*)(?:[\p{L}\p{M}\d.'’](?:[\p{L}\p{M}\d\s.'’]{0,38}[\p{L}\p{M}\d.'’])?|(?<=\s)))?\s*\([^()\n]{1,40}\)\s*(?:[—–]|-{1,2})|\([^()\n]{1,40}\)\s*(?:[—–]|-{1,2})?)\s*")]
    private static partial Regex CreditedDateline();

    // "By Jovana Gec, Associated Press", "By JOVANA GEC and DUSAN STOJANOVIC": a short line naming writers.
    [GeneratedRegex(@"^By\s+\p{Lu}[^.!?]*$")]
    private static partial Regex BylineParagraph();

    [GeneratedRegex(@"^(?:The\s+)?(?:Associated Press|AP|Reuters|AFP|Agence France-Presse|Bloomberg|dpa|PA Media|Press Association)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex AgencyLine();

    [GeneratedRegex("""
        contributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting|story|article)
        |all\s+rights\s+reserved
        |may\s+not\s+be\s+(?:published|reproduced|redistributed)
        |^(?:copyright\b|©|\(c\)\s)
        |^[(\[]?(?:reporting|additional\s+reporting|writing|editing)\s+by\b
        |^follow\s+(?:\S+\s+){0,6}(?:on\s+(?:twitter|x|facebook|instagram|bluesky|threads)\b|at\s+https?:)
        |^(?:find|read|see)\s+more\s+(?:of\s+)?(?:ap|ap's|ap’s|reuters|our)\b
        |^(?:this\s+(?:story|article|report)\s+(?:has\s+been|was)\s+(?:corrected|updated))
        |^(?:sign\s+up|subscribe)\s+(?:for|to)\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex TrailerLine();

    // Separator lines some templates put before a trailer: "___", "* * *", "—".
    [GeneratedRegex(@"^[\s_*—–=-]*$")]
    private static partial Regex SeparatorLine();

    /// <summary>The paragraphs of <paramref name="text"/> without the syndicating site's dateline, byline and trailer.</summary>
    public static IReadOnlyList<string> Strip(string text)
    {
        var kept = Kept(text);
        return [.. kept.Paragraphs.Select((range, i) => i == 0 && kept.Lead is { } lead ? lead : text[range])];
    }

    /// <summary>
    /// <see cref="Strip"/>'s paragraphs joined by single spaces, each ellipsis a space: the text
    /// near-duplicate detection compares. Only the paragraphs at either end, which the rules look at,
    /// become strings of their own; the rest is copied once, into the result.
    /// </summary>
    public static string StrippedForComparison(string text)
    {
        var (paragraphs, lead) = Kept(text);
        var length = Math.Max(0, paragraphs.Count - 1);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            length += i == 0 && lead is not null ? lead.Length : paragraphs[i].GetOffsetAndLength(text.Length).Length;
        }
        return string.Create(length, (Text: text, Paragraphs: paragraphs, Lead: lead), static (destination, state) =>
        {
            var at = 0;
            for (var i = 0; i < state.Paragraphs.Count; i++)
            {
                if (i > 0)
                {
                    destination[at++] = ' ';
                }
                var paragraph = i == 0 && state.Lead is { } first ? first.AsSpan() : state.Text.AsSpan()[state.Paragraphs[i]];
                paragraph.Replace(destination[at..], '…', ' ');
                at += paragraph.Length;
            }
        });
    }

    // Every line ending ReplaceLineEndings knows: a paragraph is what lies between them, trimmed.
    private static readonly SearchValues<char> LineEnds = SearchValues.Create("\r\n\f\u0085\u2028\u2029");

    // The same without the three outside ASCII, which texts rarely hold: a set of six with non-ASCII
    // members is searched through a probabilistic map, which the native build's baseline
    // instruction set runs through a software shuffle (1 % of its worker's CPU in a profile).
    private static readonly SearchValues<char> AsciiLineEnds = SearchValues.Create("\r\n\f");

    /// <summary>
    /// The paragraphs the rules keep, as ranges of <paramref name="text"/> (non-empty, trimmed), and
    /// the first one's text when its dateline was cut (null when it is its range as it stands).
    /// </summary>
    private static (List<Range> Paragraphs, string? Lead) Kept(string text)
    {
        var paragraphs = new List<Range>();
        var rest = text.AsSpan();
        var lineEnds = rest.ContainsAny('\u0085', '\u2028', '\u2029') ? LineEnds : AsciiLineEnds;
        var offset = 0;
        while (true)
        {
            var end = rest.IndexOfAny(lineEnds);
            var line = end < 0 ? rest : rest[..end];
            var trimmedStart = line.Length - line.TrimStart().Length;
            var trimmed = line.Trim();
            if (!trimmed.IsEmpty)
            {
                paragraphs.Add(new Range(offset + trimmedStart, offset + trimmedStart + trimmed.Length));
            }
            if (end < 0)
            {
                break;
            }
            rest = rest[(end + 1)..];
            offset += end + 1;
        }

        while (paragraphs.Count > 0 && IsLeadingWrapper(text[paragraphs[0]]))
        {
            paragraphs.RemoveAt(0);
        }
        string? lead = null;
        if (paragraphs.Count > 0)
        {
            var first = text[paragraphs[0]];
            var withoutDateline = WithoutDateline(first);
            if (withoutDateline.Length == 0)
            {
                paragraphs.RemoveAt(0);
            }
            else if (!ReferenceEquals(withoutDateline, first))
            {
                lead = withoutDateline;
            }
        }
        // The first paragraph is judged by what is left of it, as it would be kept.
        while (paragraphs.Count > 0 && IsTrailer(paragraphs.Count == 1 && lead is not null ? lead : text[paragraphs[^1]]))
        {
            lead = paragraphs.Count == 1 ? null : lead;
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }
        return (paragraphs, lead);
    }

    /// <summary>The first paragraph without a leading dateline and agency credit.</summary>
    public static string WithoutDateline(string paragraph)
    {
        var match = CapitalisedDateline().Match(paragraph);
        if (!match.Success || !HasTwoCapitals(match.Value))
        {
            match = CreditedDateline().Match(paragraph);
        }
        return match.Success ? paragraph[match.Length..] : paragraph;
    }

    private static bool IsLeadingWrapper(string paragraph) =>
        WordCount(paragraph) <= MaximumBylineWords
        && (BylineParagraph().IsMatch(paragraph) || AgencyLine().IsMatch(paragraph) || SeparatorLine().IsMatch(paragraph));

    private static bool IsTrailer(string paragraph) =>
        SeparatorLine().IsMatch(paragraph)
        || (WordCount(paragraph) <= MaximumTrailerWords && TrailerLine().IsMatch(paragraph));

    // "A —" is a sentence that starts with a capital and a dash, not a place; "LONDON —" is.
    private static bool HasTwoCapitals(string dateline) => dateline.Count(char.IsUpper) >= 2;

    // Runs of characters between white space, as Split(null, RemoveEmptyEntries) would give them, without the strings.
    private static int WordCount(string paragraph)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in paragraph)
        {
            var space = char.IsWhiteSpace(c);
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }
        return words;
    }
}
