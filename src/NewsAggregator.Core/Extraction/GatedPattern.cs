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
/// found by a search for those few characters (<see cref="CharacterSet"/>). English paragraphs,
/// whose curly quotes and dashes are outside ASCII too, never pay for the slow search.
/// </para>
/// </summary>
internal sealed class GatedPattern
{
    private readonly SearchValues<string> _asciiWords;
    private readonly (SearchValues<string> Words, CharacterSet Leads)? _other;

    public GatedPattern(Regex pattern, params string[] words)
    {
        Pattern = pattern;
        AsciiWords = words.Where(w => Ascii.IsValid(w)).ToArray();
        var other = words.Where(w => !Ascii.IsValid(w)).ToArray();
        OtherLeads = LeadCharacters(other);
        _asciiWords = SearchValues.Create(AsciiWords, StringComparison.OrdinalIgnoreCase);
        _other = other.Length > 0 ? (SearchValues.Create(other, StringComparison.OrdinalIgnoreCase), new CharacterSet(OtherLeads)) : null;
    }

    /// <summary>The words in ASCII, searched for first.</summary>
    internal string[] AsciiWords { get; }

    /// <summary>The other words' first characters outside ASCII, in either case (<see cref="LeadCharacters"/>).</summary>
    internal char[] OtherLeads { get; }

    internal Regex Pattern { get; }

    // Every character that OrdinalIgnoreCase takes for the first character outside ASCII of one of
    // the words: a text holding none of them holds none of those words.
    private static char[] LeadCharacters(string[] words)
    {
        if (words.Length == 0)
        {
            return [];
        }
        var uppers = words.Select(w => char.ToUpperInvariant(w[w.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f')])).ToHashSet();
        var leads = new List<char>();
        for (var c = 0x80; c <= char.MaxValue; c++)
        {
            if (uppers.Contains(char.ToUpperInvariant((char)c)))
            {
                leads.Add((char)c);
            }
        }
        return leads.ToArray();
    }

    public bool IsMatch(string text) => Admits(text) && Pattern.IsMatch(text);

    /// <summary>The pattern's matches in the text: none where none of its words is there.</summary>
    public Regex.ValueMatchEnumerator EnumerateMatches(string text) =>
        // An empty text holds no match of a gated pattern (each needs one of its words).
        Pattern.EnumerateMatches(Admits(text) ? text : string.Empty);

    /// <summary>Whether the text holds one of the words, so that the pattern may match it.</summary>
    private bool Admits(string text)
    {
        var span = text.AsSpan();
        if (span.ContainsAny(_asciiWords) || (_other is { } other && other.Leads.ContainsAny(span) && span.ContainsAny(other.Words)))
        {
            return true;
        }
        CheckTurnedAway(text);
        return false;
    }

    /// <summary>In a debug build (the tests), throws when the pattern matches a text its words turned away.</summary>
    [System.Diagnostics.Conditional("DEBUG")]
    internal void CheckTurnedAway(string text)
    {
        if (Pattern.IsMatch(text))
        {
            throw new InvalidOperationException($"the pattern {Pattern.GetType().Name} matches a text its words do not admit: {text}");
        }
    }
}

/// <summary>
/// Gated patterns asked of the same text one after another, as the line filter asks its notices of
/// every short paragraph: one search for the words of all of them turns away a text that holds none
/// (most paragraphs), where each pattern's own gate would search the text again. Asked of a text
/// that holds one, each pattern's gate and pattern decide as before.
/// </summary>
internal sealed class GatedPatternSet(params GatedPattern[] patterns)
{
    private readonly SearchValues<string> _asciiWords =
        SearchValues.Create(patterns.SelectMany(p => p.AsciiWords).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase);
    private readonly CharacterSet _otherLeads = new(patterns.SelectMany(p => p.OtherLeads).Distinct().ToArray());

    /// <summary>Whether one of the patterns matches the text.</summary>
    public bool IsMatch(string text)
    {
        var span = text.AsSpan();
        if (!span.ContainsAny(_asciiWords) && !_otherLeads.ContainsAny(span))
        {
            foreach (var gated in patterns)
            {
                gated.CheckTurnedAway(text);
            }
            return false;
        }
        foreach (var gated in patterns)
        {
            if (gated.IsMatch(text))
            {
                return true;
            }
        }
        return false;
    }
}
