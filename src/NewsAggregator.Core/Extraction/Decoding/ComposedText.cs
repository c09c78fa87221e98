using System.Text;

namespace NewsAggregator.Extraction;

/// <summary>
/// A page's characters in Unicode's composed form (NFC), so that a decomposed accent matches its
/// precomposed twin; and what .NET's normaliser refuses taken out, so that one stray character
/// cannot cost a page its article.
/// </summary>
internal static class ComposedText
{
    // Below U+0300, where the combining marks begin, every character and every sequence of them is
    // composed already: a page in ASCII or Latin-1 alone needs no pass of the normaliser.
    private const char LastComposedCharacter = '\u02FF';

    /// <summary>
    /// Characters above <see cref="LastComposedCharacter"/> that are composed wherever they stand
    /// (no decomposition of their own, no combining class, the second of no pair that composes):
    /// the typographer's punctuation and spaces (U+2000 and U+2001 decompose to U+2002 and U+2003)
    /// and the currency signs. A page in a Latin script holds few others, so its curly quotes, dashes
    /// and euro signs need no pass of the normaliser either, which took about 1 % of extraction.
    /// </summary>
    internal static readonly (char First, char Last)[] ComposedPunctuation = [('\u2002', '\u205E'), ('\u20A0', '\u20C0')];

    /// <summary>The noncharacter the normaliser refuses (besides half a surrogate pair): a byte-order mark read the wrong way round.</summary>
    private const char Refused = '\uFFFE';

    /// <summary><paramref name="text"/> in NFC, without U+FFFE, and with half a surrogate pair as U+FFFD; the same instance when nothing changes.</summary>
    /// <remarks>
    /// The normaliser throws (ArgumentException) on U+FFFE and on half a surrogate pair. A page can
    /// hold the first (the bytes EF BF BE are valid UTF-8, so a decoder lets it through), and a
    /// caller's string the second. They are looked for only once the normaliser has refused the
    /// text: a search through every page for them would cost about what the normaliser's own pass does.
    /// </remarks>
    public static string Of(string text)
    {
        if (IsComposedAlready(text))
        {
            return text;
        }
        try
        {
            return Composed(text);
        }
        catch (ArgumentException) when (WithoutRefused(text) is var valid && !ReferenceEquals(valid, text))
        {
            return Composed(valid);
        }
    }

    /// <summary>The text holds no character but those composed wherever they stand, found without the normaliser.</summary>
    private static bool IsComposedAlready(ReadOnlySpan<char> text)
    {
        // A vectorised search past Latin-1 and its neighbours, then a look at each character beyond
        // it: a text in another script is handed to the normaliser at its first letter.
        for (var at = text.IndexOfAnyExceptInRange('\0', LastComposedCharacter); at >= 0; at = text.IndexOfAnyExceptInRange('\0', LastComposedCharacter))
        {
            if (!IsComposedPunctuation(text[at]))
            {
                return false;
            }
            text = text[(at + 1)..];
        }
        return true;
    }

    private static bool IsComposedPunctuation(char c)
    {
        foreach (var (first, last) in ComposedPunctuation)
        {
            if (c >= first && c <= last)
            {
                return true;
            }
        }
        return false;
    }

    private static string Composed(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>
    /// The text without U+FFFE, which is nothing a reader sees, and with half a surrogate pair as
    /// U+FFFD, as a decoder of bytes makes it; the same instance when it holds neither.
    /// </summary>
    private static string WithoutRefused(string text)
    {
        StringBuilder? repaired = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                repaired?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (c != Refused && !char.IsSurrogate(c))
            {
                repaired?.Append(c);
            }
            else
            {
                repaired ??= new StringBuilder(text.Length).Append(text, 0, i);
                if (c != Refused)
                {
                    repaired.Append('\uFFFD');
                }
            }
        }
        return repaired?.ToString() ?? text;
    }
}
