using System.Globalization;
using System.Text;

namespace NewsAggregator.Extraction;

/// <summary>
/// A page's characters in Unicode's composed form (NFC), so that a decomposed accent matches its
/// precomposed twin; and the two code points .NET's normaliser refuses taken out first, so that one
/// stray character cannot cost a page its article.
/// </summary>
/// <remarks>
/// Most pages are composed already, and most of their characters can never change under NFC: a
/// character that has no canonical decomposition, no combining class and never ends one. Such a
/// text is composed whatever its order (Unicode's quick check answers Yes), so a page made of
/// them alone needs no pass of the normaliser; this was the normaliser's time on most pages (about
/// 150 µs a page of the zyte set, 1.2 % of a native <c>extract</c>). Which characters may change is
/// read from .NET's own tables (combining marks by category) and the list below; a test checks
/// every character of the Basic Multilingual Plane against the normaliser itself.
/// </remarks>
internal static class ComposedText
{
    // Below U+0300, where the combining marks begin, every character and every sequence of them is
    // composed already, and a page in ASCII or Latin-1 alone is skipped by a vectorised search.
    private const char LastComposedCharacter = '\u02FF';

    /// <summary>The noncharacter .NET's normaliser refuses (besides half a surrogate pair): the byte-swapped byte-order mark.</summary>
    internal const char Refused = '\uFFFE';

    /// <summary>
    /// Characters above U+02FF that are not combining marks yet may change under NFC: those with a
    /// canonical decomposition that does not compose back (Greek ano teleia and question mark, the
    /// Indic letters with nukta, the ohm and kelvin signs, CJK compatibility ideographs, Hebrew
    /// presentation forms) and the Hangul vowel and final consonant jamo, which compose with the
    /// syllable before them. From the Unicode Character Database as the system's ICU has it.
    /// </summary>
    private static readonly (char First, char Last)[] ChangingLetters =
    [
        ('\u0374', '\u0374'), ('\u037E', '\u037E'), ('\u0387', '\u0387'),
        ('\u0958', '\u095F'), ('\u09DC', '\u09DD'), ('\u09DF', '\u09DF'), ('\u0A33', '\u0A33'), ('\u0A36', '\u0A36'),
        ('\u0A59', '\u0A5B'), ('\u0A5E', '\u0A5E'), ('\u0B5C', '\u0B5D'),
        ('\u0F43', '\u0F43'), ('\u0F4D', '\u0F4D'), ('\u0F52', '\u0F52'), ('\u0F57', '\u0F57'), ('\u0F5C', '\u0F5C'), ('\u0F69', '\u0F69'),
        ('\u1161', '\u1175'), ('\u11A8', '\u11C2'),
        ('\u1F71', '\u1F71'), ('\u1F73', '\u1F73'), ('\u1F75', '\u1F75'), ('\u1F77', '\u1F77'), ('\u1F79', '\u1F79'),
        ('\u1F7B', '\u1F7B'), ('\u1F7D', '\u1F7D'), ('\u1FBB', '\u1FBB'), ('\u1FBE', '\u1FBE'), ('\u1FC9', '\u1FC9'),
        ('\u1FCB', '\u1FCB'), ('\u1FD3', '\u1FD3'), ('\u1FDB', '\u1FDB'), ('\u1FE3', '\u1FE3'), ('\u1FEB', '\u1FEB'),
        ('\u1FEE', '\u1FEF'), ('\u1FF9', '\u1FF9'), ('\u1FFB', '\u1FFB'), ('\u1FFD', '\u1FFD'),
        ('\u2000', '\u2001'), ('\u2126', '\u2126'), ('\u212A', '\u212B'), ('\u2329', '\u232A'), ('\u2ADC', '\u2ADC'),
        ('\uF900', '\uFA0D'), ('\uFA10', '\uFA10'), ('\uFA12', '\uFA12'), ('\uFA15', '\uFA1E'), ('\uFA20', '\uFA20'),
        ('\uFA22', '\uFA22'), ('\uFA25', '\uFA26'), ('\uFA2A', '\uFA6D'), ('\uFA70', '\uFAD9'),
        ('\uFB1D', '\uFB1D'), ('\uFB1F', '\uFB1F'), ('\uFB2A', '\uFB36'), ('\uFB38', '\uFB3C'), ('\uFB3E', '\uFB3E'),
        ('\uFB40', '\uFB41'), ('\uFB43', '\uFB44'), ('\uFB46', '\uFB4E'),
    ];

    /// <summary>One bit a character of the Basic Multilingual Plane: set where it may change under NFC (see <see cref="MayChange"/>).</summary>
    private static readonly ulong[] Changing = Build();

    /// <summary><paramref name="text"/> in NFC, without U+FFFE, and with half a surrogate pair as U+FFFD; the same instance when nothing changes.</summary>
    public static string Of(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (true)
        {
            var skipped = span[i..].IndexOfAnyExceptInRange('\0', LastComposedCharacter);
            if (skipped < 0)
            {
                return text;
            }
            for (i += skipped; i < span.Length && span[i] > LastComposedCharacter; i++)
            {
                if (MayChange(span[i]))
                {
                    return Normalised(text);
                }
            }
        }
    }

    /// <summary>
    /// True for a character a text holding it may not be composed with: a combining mark, a
    /// character of <see cref="ChangingLetters"/>, half of a surrogate pair (a character beyond the
    /// Basic Multilingual Plane is left to the normaliser), one unassigned in .NET's tables (the
    /// system's ICU may be newer), and <see cref="Refused"/>.
    /// </summary>
    internal static bool MayChange(char c) => (Changing[c >> 6] & (1UL << (c & 63))) != 0;

    private static string Normalised(string text)
    {
        var valid = WithoutRefused(text);
        return valid.IsNormalized(NormalizationForm.FormC) ? valid : valid.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The text without what the normaliser refuses (it throws): U+FFFE, which is nothing a reader
    /// sees (valid UTF-8 as the bytes EF BF BE, so a decoder lets it through), goes; half a
    /// surrogate pair, which no decoder of bytes makes but a caller's string may hold, becomes
    /// U+FFFD as a decoder would make it.
    /// </summary>
    private static string WithoutRefused(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        var refused = span.IndexOf(Refused);
        if (refused >= 0 && (first < 0 || refused < first))
        {
            first = refused;
        }
        if (first < 0)
        {
            return text;
        }
        StringBuilder? repaired = null;
        for (var i = first; i < span.Length; i++)
        {
            var c = span[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]);
            if (paired)
            {
                repaired?.Append(c).Append(span[i + 1]);
                i++;
                continue;
            }
            if (c != Refused && !char.IsSurrogate(c))
            {
                repaired?.Append(c);
                continue;
            }
            repaired ??= new StringBuilder(text.Length).Append(span[..i]);
            if (c != Refused)
            {
                repaired.Append('\uFFFD');
            }
        }
        return repaired?.ToString() ?? text;
    }

    private static ulong[] Build()
    {
        var bits = new ulong[(char.MaxValue + 1) / 64];
        for (var c = LastComposedCharacter + 1; c <= char.MaxValue; c++)
        {
            if (CharUnicodeInfo.GetUnicodeCategory((char)c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                bits[c >> 6] |= 1UL << (c & 63);
            }
        }
        foreach (var (first, last) in ChangingLetters)
        {
            for (int c = first; c <= last; c++)
            {
                bits[c >> 6] |= 1UL << (c & 63);
            }
        }
        bits[Refused >> 6] |= 1UL << (Refused & 63);
        return bits;
    }
}
