using System.Text.RegularExpressions;

namespace NewsAggregator.Extraction;

/// <summary>
/// A line pattern behind the words one of which every match of it holds. Patterns that start
/// with a word boundary and alternatives in many languages begin their attempts at nearly every
/// letter (the regex engine looks ahead only for a match's first character), and the line filter
/// asks several of them of every short paragraph; one search for the few words they all share
/// (<see cref="WordSet"/>, vectorised, case-insensitive) turns away nearly every paragraph before
/// the pattern runs. The words must be chosen so that each alternative of the pattern contains one
/// of them; debug builds (the tests) check that on every text asked of them, so a word left out of
/// the list fails a test instead of silently losing the alternative.
/// </summary>
internal sealed class GatedPattern
{
    private readonly WordSet _words;

    public GatedPattern(Regex pattern, params string[] words)
    {
        Pattern = pattern;
        Words = words;
        _words = new WordSet(words);
    }

    /// <summary>The words one of which every match holds.</summary>
    internal string[] Words { get; }

    internal Regex Pattern { get; }

    public bool IsMatch(string text) => Admits(text) && Pattern.IsMatch(text);

    /// <summary>The pattern's matches in the text: none where none of its words is there.</summary>
    public Regex.ValueMatchEnumerator EnumerateMatches(string text) =>
        // An empty text holds no match of a gated pattern (each needs one of its words).
        Pattern.EnumerateMatches(Admits(text) ? text : string.Empty);

    /// <summary>Whether the text holds one of the words, so that the pattern may match it.</summary>
    private bool Admits(string text)
    {
        if (_words.ContainsAny(text))
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
    private readonly WordSet _words = new(patterns.SelectMany(p => p.Words));

    /// <summary>Whether one of the patterns matches the text.</summary>
    public bool IsMatch(string text)
    {
        if (!_words.ContainsAny(text))
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
