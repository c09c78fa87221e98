using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsAggregator.Extraction;

/// <summary>
/// A line pattern behind the words one of which every match of it holds. Patterns that start
/// with a word boundary and alternatives in many languages begin their attempts at nearly every
/// letter (the regex engine looks ahead only for a match's first character), and the line filter
/// asks several of them of every short paragraph; one search for the few words they all share
/// (vectorised, case-insensitive) turns away nearly every paragraph before the pattern runs.
/// The words must be chosen so that each alternative of the pattern contains one of them; debug
/// builds (the tests) check that on every text asked of them, so a word left out of the list
/// fails a test instead of silently losing the alternative.
/// <para>
/// The words are searched for in two sets, ASCII and the rest. A set holding letters outside ASCII
/// that have case (Cyrillic, Greek, "ż") is searched one character at a time with a table lookup
/// for each, several times slower than an ASCII set's vectorised search; so the second set is asked
/// only of texts that hold the first letter outside ASCII of one of its words (in either case),
/// found by a vectorised search for those few characters. English paragraphs, whose curly quotes
/// and dashes are outside ASCII too, never pay for the slow search.
/// </para>
/// </summary>
internal sealed class GatedPattern(Regex pattern, params string[] words)
{
    private readonly SearchValues<string> _asciiWords = SearchValues.Create(words.Where(w => Ascii.IsValid(w)).ToArray(), StringComparison.OrdinalIgnoreCase);
    private readonly (SearchValues<string> Words, SearchValues<char> Leads)? _other =
        words.Where(w => !Ascii.IsValid(w)).ToArray() is { Length: > 0 } other
            ? (SearchValues.Create(other, StringComparison.OrdinalIgnoreCase), LeadCharacters(other))
            : null;

    // Every character that OrdinalIgnoreCase takes for the first character outside ASCII of one of
    // the words: a text holding none of them holds none of those words.
    private static SearchValues<char> LeadCharacters(IEnumerable<string> words)
    {
        var uppers = words.Select(w => char.ToUpperInvariant(w[w.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f')])).ToHashSet();
        var leads = new List<char>();
        for (var c = 0x80; c <= char.MaxValue; c++)
        {
            if (uppers.Contains(char.ToUpperInvariant((char)c)))
            {
                leads.Add((char)c);
            }
        }
        return SearchValues.Create(leads.ToArray());
    }

    public bool IsMatch(string text) => Admits(text) && pattern.IsMatch(text);

    /// <summary>The pattern's matches in the text: none where none of its words is there.</summary>
    public Regex.ValueMatchEnumerator EnumerateMatches(string text) =>
        // An empty text holds no match of a gated pattern (each needs one of its words).
        pattern.EnumerateMatches(Admits(text) ? text : string.Empty);

    /// <summary>Whether the text holds one of the words, so that the pattern may match it.</summary>
    private bool Admits(string text)
    {
        var span = text.AsSpan();
        if (span.ContainsAny(_asciiWords) || (_other is { } other && span.ContainsAny(other.Leads) && span.ContainsAny(other.Words)))
        {
            return true;
        }
#if DEBUG
        if (pattern.IsMatch(text))
        {
            throw new InvalidOperationException($"the pattern {pattern.GetType().Name} matches a text its words do not admit: {text}");
        }
#endif
        return false;
    }
}
