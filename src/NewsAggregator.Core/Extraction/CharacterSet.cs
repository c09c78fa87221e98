using System.Buffers;

namespace NewsAggregator.Extraction;

/// <summary>
/// A set of characters searched for in text that is mostly ASCII, as the extractor's texts are
/// (English and the other Latin-script languages, markup, numbers), with some characters outside
/// it: white space with the no-break space, a sentence's end with "。" and "؟", the first letters
/// of a notice's words in other scripts.
/// </summary>
/// <remarks>
/// .NET's <see cref="SearchValues{T}"/> searches such a set with a probabilistic map whose vector
/// path, in the native build (which targets the platform's baseline, x86-64-v2), calls
/// <c>Vector128.Shuffle</c> as a method: in a profile of the native worker's pass these searches
/// took 5.4 % of its CPU, about a sixth of extraction's. This set makes one
/// vectorised search over ASCII values instead (the ASCII characters that are not in the set, with
/// <see cref="MemoryExtensions.IndexOfAnyExcept{T}(ReadOnlySpan{T}, SearchValues{T})"/>), which
/// stops at a member or at any character outside ASCII, and looks such a character up in the few
/// members outside ASCII. A text that turns out to be mostly outside ASCII (Cyrillic, Greek,
/// Chinese, where every character stops that search) is searched for the rest with
/// <see cref="SearchValues{T}"/> as before, so no text costs more than a few steps beyond it.
/// </remarks>
internal sealed class CharacterSet
{
    // Characters outside ASCII and outside the set are passed over one by one while they are few:
    // a paragraph of English has a curly quote or a dash every few dozen characters, a quoted
    // line ("“I don’t know,” she said — ‘maybe’.") half a dozen in a few words. Past the first
    // eight, one in every MissSpacing characters or more means another script, whose rest is left
    // to SearchValues.
    private const int MissesAlwaysPassed = 8;
    private const int MissSpacing = 16;

    private readonly SearchValues<char> _asciiOutside;
    private readonly SearchValues<char> _all;
    private readonly char[] _beyondAscii;
    private readonly char _lowestBeyond;
    private readonly char _highestBeyond;

    public CharacterSet(ReadOnlySpan<char> members)
    {
        var ascii = new List<char>();
        for (var c = '\0'; c <= '\x7f'; c++)
        {
            if (!members.Contains(c))
            {
                ascii.Add(c);
            }
        }
        _asciiOutside = SearchValues.Create(ascii.ToArray());
        _all = SearchValues.Create(members);
        _beyondAscii = members.ToArray().Where(c => c > '\x7f').Distinct().Order().ToArray();
        _lowestBeyond = _beyondAscii.Length > 0 ? _beyondAscii[0] : char.MaxValue;
        _highestBeyond = _beyondAscii.Length > 0 ? _beyondAscii[^1] : '\0';
    }

    /// <summary>Whether the character is in the set.</summary>
    public bool Contains(char c) => c <= '\x7f' ? !_asciiOutside.Contains(c) : IsMemberBeyondAscii(c);

    /// <summary>Whether the text holds a character of the set.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text) => IndexOfAny(text) >= 0;

    /// <summary>The index of the text's first character in the set, or -1.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        if (_beyondAscii.Length == 0)
        {
            // All in ASCII: the library searches such a set fast, and no character outside it stops.
            return text.IndexOfAny(_all);
        }
        var start = 0;
        var misses = 0;
        while (misses < MissesAlwaysPassed || misses * MissSpacing <= start)
        {
            var found = text[start..].IndexOfAnyExcept(_asciiOutside);
            if (found < 0)
            {
                return -1;
            }
            var at = start + found;
            var c = text[at];
            if (c <= '\x7f' || IsMemberBeyondAscii(c))
            {
                return at;
            }
            start = at + 1;
            misses++;
        }
        var rest = text[start..].IndexOfAny(_all);
        return rest < 0 ? -1 : start + rest;
    }

    private bool IsMemberBeyondAscii(char c) =>
        c >= _lowestBeyond && c <= _highestBeyond && Array.BinarySearch(_beyondAscii, c) >= 0;
}
