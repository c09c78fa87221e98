using System.Text;
using System.Text.Unicode;
using System.Text.RegularExpressions;

namespace NewsAggregator.Feeds;

/// <summary>
/// The text of a feed's bytes: byte order mark first, then the XML declaration's
/// <c>encoding</c>, then UTF-8 (the XML default).
/// </summary>
internal static partial class FeedCharset
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [GeneratedRegex("""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredEncoding();

    public static string Decode(byte[] body)
    {
        var bytes = body.AsSpan();
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }
        if (bytes.StartsWith(Encoding.Unicode.Preamble) || LooksLikeUtf16(bytes, bigEndian: false))
        {
            return Encoding.Unicode.GetString(bytes.StartsWith(Encoding.Unicode.Preamble) ? bytes[2..] : bytes);
        }
        if (bytes.StartsWith(Encoding.BigEndianUnicode.Preamble) || LooksLikeUtf16(bytes, bigEndian: true))
        {
            return Encoding.BigEndianUnicode.GetString(bytes.StartsWith(Encoding.BigEndianUnicode.Preamble) ? bytes[2..] : bytes);
        }

        var declared = Declared(bytes);
        if (declared is not null && !IsUtf8(declared))
        {
            return declared.GetString(bytes);
        }
        // Declared or defaulted UTF-8 that is not valid UTF-8 is nearly always windows-1252 in disguise.
        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Windows1252.GetString(bytes);
    }

    private static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        // The declaration is ASCII in every ASCII-compatible encoding, so Latin-1 reads it faithfully.
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 512)]);
        var match = DeclaredEncoding().Match(head);
        if (!match.Success)
        {
            return null;
        }
        // The same WHATWG label table as pages: Latin-1 means windows-1252, a UTF-16 label on bytes
        // just read as ASCII is a lie (UTF-8 is then the useful guess), an unknown label falls back
        // to UTF-8 rather than refusing the feed.
        return Extraction.PageDecoder.FromLabel(match.Groups[1].Value);
    }

    private static bool IsUtf8(Encoding encoding) => encoding.CodePage == Encoding.UTF8.CodePage;

    // "<" as one UTF-16 code unit: XML wants a byte order mark on UTF-16, some servers leave it out.
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bytes.Length >= 2 && (bigEndian ? bytes[0] == 0 && bytes[1] == '<' : bytes[0] == '<' && bytes[1] == 0);
}
