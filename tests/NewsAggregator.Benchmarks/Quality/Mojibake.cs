using System.Text.RegularExpressions;

namespace NewsAggregator.Benchmarks.Quality;

/// <summary>
/// Text decoded with the wrong charset: UTF-8 read as windows-1252 turns "é" into "Ã©", "’"
/// into "â€™" and Cyrillic into "Ð"/"Ñ" pairs; bytes no charset accepted become U+FFFD.
/// </summary>
public static partial class Mojibake
{
    // A lead byte of a two- or three-byte UTF-8 sequence read as windows-1252, followed by a continuation byte read the same way.
    [GeneratedRegex("[ÃÐÑ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|â€|\uFFFD+", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    /// <summary>
    /// The output holds a mojibake marker that the page's own text (its ground truth) does not,
    /// other than replacement characters the page's bytes hold as such (<paramref name="writtenReplacements"/>,
    /// the longest run of them): a page that was saved with them shows them, whatever reads it.
    /// </summary>
    public static bool Introduced(string output, string pageText, int writtenReplacements = 0)
    {
        foreach (Match match in Marker().Matches(output))
        {
            var written = match.Value[0] == '\uFFFD' && match.Length <= writtenReplacements;
            if (!written && !pageText.Contains(match.Value[..Math.Min(2, match.Length)], StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The longest run of U+FFFD written in <paramref name="page"/>'s bytes as UTF-8 (EF BF BD each).</summary>
    public static int LongestWrittenReplacementRun(ReadOnlySpan<byte> page)
    {
        ReadOnlySpan<byte> replacement = [0xEF, 0xBF, 0xBD];
        var longest = 0;
        for (var at = page.IndexOf(replacement); at >= 0; at = page.IndexOf(replacement))
        {
            var run = 0;
            page = page[at..];
            while (page.StartsWith(replacement))
            {
                run++;
                page = page[replacement.Length..];
            }
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
