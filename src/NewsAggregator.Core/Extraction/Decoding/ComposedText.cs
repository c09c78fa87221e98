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
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', LastComposedCharacter))
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
