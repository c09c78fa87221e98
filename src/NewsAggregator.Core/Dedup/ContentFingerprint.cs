using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace NewsAggregator.Dedup;

/// <summary>
/// A stable hash of an article's normalised text: the same words in the same order give
/// the same fingerprint whatever the whitespace, case, punctuation or Unicode form.
/// </summary>
public static class ContentFingerprint
{
    /// <summary>Texts shorter than this (after normalisation) are too generic to prove two pages are one story.</summary>
    public const int MinimumNormalizedLength = 200;

    /// <summary>32 hex digits of XxHash128 over the normalised text, or null when the text is too short.</summary>
    public static string? Of(string text)
    {
        // Hashed where it was folded: the normalised text itself is never needed as a string.
        using var normalized = FoldPooled(text, partsWords: null);
        if (normalized.Text.Length < MinimumNormalizedLength)
        {
            return null;
        }
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(normalized.Text.Length));
        try
        {
            Span<byte> hash = stackalloc byte[16];
            XxHash128.Hash(utf8.AsSpan(0, Encoding.UTF8.GetBytes(normalized.Text, utf8)), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>NFKC, lower case, punctuation and symbols dropped, whitespace folded to one space.</summary>
    public static string Normalize(string text) => Fold(text, partsWords: null);

    /// <summary>
    /// <see cref="Normalize"/>, except that the characters <paramref name="partsWords"/> picks
    /// separate words like whitespace instead of vanishing.
    /// </summary>
    internal static string Fold(string text, Func<Rune, bool>? partsWords)
    {
        using var folded = FoldPooled(text, partsWords);
        return new string(folded.Text);
    }

    /// <summary><see cref="Fold"/> into a pooled buffer, given back when the result is disposed.</summary>
    internal static PooledText FoldPooled(string text, Func<Rune, bool>? partsWords)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).AsSpan();
        // A character never folds to more than two UTF-16 units, and a space is written only
        // where a character was dropped, so twice the length always holds the result.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, folded.Length * 2));
        try
        {
            var length = 0;
            var pendingSpace = false;
            // By UTF-16 unit rather than by rune: most news text is ASCII, and a unit below 0x80 is a
            // whole character whose letters and digits need no Unicode tables.
            for (var i = 0; i < folded.Length;)
            {
                var c = folded[i];
                if (c < 0x80)
                {
                    i++;
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        if (pendingSpace && length > 0)
                        {
                            buffer[length++] = ' ';
                        }
                        pendingSpace = false;
                        buffer[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                    }
                    else
                    {
                        pendingSpace |= char.IsWhiteSpace(c) || (partsWords is not null && partsWords(new Rune(c)));
                    }
                    continue;
                }
                // A lone surrogate decodes as U+FFFD, one unit long, as rune enumeration reads it.
                Rune.DecodeFromUtf16(folded[i..], out var rune, out var consumed);
                i += consumed;
                if (!IsWordPart(rune))
                {
                    pendingSpace |= Rune.IsWhiteSpace(rune) || (partsWords is not null && partsWords(rune));
                    // Punctuation and symbols vanish without a space, so "don't" and "dont" agree.
                    continue;
                }
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }
                pendingSpace = false;
                length += Rune.ToLowerInvariant(rune).EncodeToUtf16(buffer.AsSpan(length));
            }
            return new PooledText(buffer, length);
        }
        catch
        {
            ArrayPool<char>.Shared.Return(buffer);
            throw;
        }
    }

    private static bool IsWordPart(Rune rune) =>
        Rune.IsLetterOrDigit(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}

/// <summary>Text in a buffer of <see cref="ArrayPool{T}.Shared"/>: its first characters; the buffer goes back on disposal.</summary>
internal readonly ref struct PooledText(char[] buffer, int length)
{
    public ReadOnlySpan<char> Text => buffer.AsSpan(0, length);

    public void Dispose() => ArrayPool<char>.Shared.Return(buffer);
}
