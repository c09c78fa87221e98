using System.Buffers;
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
/// </summary>
internal sealed class GatedPattern(Regex pattern, params string[] words)
{
    private readonly SearchValues<string> _words = SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);

    public bool IsMatch(string text) => Admits(text) && pattern.IsMatch(text);

    /// <summary>The pattern's matches in the text: none where none of its words is there.</summary>
    public Regex.ValueMatchEnumerator EnumerateMatches(string text) =>
        // An empty text holds no match of a gated pattern (each needs one of its words).
        pattern.EnumerateMatches(Admits(text) ? text : string.Empty);

    /// <summary>Whether the text holds one of the words, so that the pattern may match it.</summary>
    private bool Admits(string text)
    {
        if (text.AsSpan().ContainsAny(_words))
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
