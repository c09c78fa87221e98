using System.Globalization;
using System.Text;

namespace NewsAggregator.Urls;

/// <summary>
/// A URL's text written one way, so that two spellings of one address compare equal (RFC 3986
/// 6.2.2.1 and 6.2.2.2, RFC 9309 2.2.2): an escaped unreserved character (<c>%41</c>) is decoded;
/// other escapes keep their encoding with upper-case hex digits; non-ASCII becomes the escapes of
/// its UTF-8. A <c>%</c> not followed by two hex digits is left as it is.
/// </summary>
public static class PercentEscapes
{
    /// <returns><paramref name="value"/> itself when it holds no escape and nothing but ASCII, as most paths and queries do.</returns>
    public static string Normalize(string value)
    {
        if (!value.Contains('%') && Ascii.IsValid(value))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                var octet = (char)Convert.ToByte(value.Substring(i + 1, 2), 16);
                if (IsUnreserved(octet))
                {
                    builder.Append(octet);
                }
                else
                {
                    builder.Append('%').Append(char.ToUpperInvariant(value[i + 1])).Append(char.ToUpperInvariant(value[i + 2]));
                }
                i += 3;
            }
            else if (c > 0x7F)
            {
                // A whole character, not each half of a surrogate pair: an emoji's halves were each
                // escaped as U+FFFD's bytes and never matched the path's %F0%9F%98%80. A lone half
                // is U+FFFD, as the URL would carry it.
                Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed);
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length])
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
                i += consumed;
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }
        return builder.ToString();
    }

    // RFC 3986 2.3: ALPHA / DIGIT / "-" / "." / "_" / "~".
    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
