using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace NewsAggregator.Extraction;

/// <summary>
/// Bytes of an HTML page to text, in the encoding the page really uses. The order follows
/// the HTML standard's sniffing (byte order mark, transport header, &lt;meta&gt; prescan,
/// then a guess), with one deliberate difference: a declared legacy charset loses to a body
/// that is valid UTF-8 with non-ASCII characters in it, because servers and templates that
/// still label UTF-8 output as ISO-8859-1 are far more common than legacy text that happens
/// to be valid UTF-8. A body that is UTF-8 but for a few stray bytes (a legacy fragment pasted
/// into a UTF-8 template) stays UTF-8, the stray bytes read as windows-1252: decoding the
/// whole page in a legacy charset would garble every other non-ASCII character of it.
/// </summary>
public static partial class PageDecoder
{
    // The HTML standard prescans 1024 bytes; pages with long <head> comments put the <meta> later.
    private const int PrescanLength = 4096;

    private static readonly Encoding Windows1252;
    private static readonly Encoding Windows1251;
    // UTF-8 whose invalid bytes are read one by one as windows-1252 instead of becoming U+FFFD.
    private static readonly Encoding Utf8WithStrayBytes;
    private static readonly Encoding StrictWindows1252;

    static PageDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
        Windows1251 = Encoding.GetEncoding(1251);
        StrictWindows1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        Utf8WithStrayBytes = Encoding.GetEncoding(Encoding.UTF8.CodePage, EncoderFallback.ReplacementFallback, new StrayByteFallback());
    }

    // The attribute is looked for up to the tag's ">" but not past the next "<meta": a tag that
    // has none would otherwise be scanned again from every "<meta" in it, quadratic in the
    // prescan's length on "<meta<meta<meta…". Whatever a later "<meta" finds is found the same.
    [GeneratedRegex("""<meta(?:(?!<meta)[^>])*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    // Bounded by the next "<html" for the same reason as MetaCharset.
    [GeneratedRegex("""<html(?:(?!<html)[^>])*?\slang\s*=\s*["']?([a-z]{2,3})(?:[-_]([a-z0-9]{2,4}))?""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlLang();

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_:.+-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();

    /// <param name="body">The response body.</param>
    /// <param name="declaredCharset">The charset of the HTTP Content-Type header, if any.</param>
    public static string Decode(ReadOnlySpan<byte> body, string? declaredCharset)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return ControlCharacters.Repaired(Encoding.UTF8.GetString(body[3..]));
        }
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return ControlCharacters.Repaired(Encoding.Unicode.GetString(body[2..]));
        }
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ControlCharacters.Repaired(Encoding.BigEndianUnicode.GetString(body[2..]));
        }
        var encoding = Choose(body, declaredCharset);
        // C1 punctuation first: it may be part of a double encoding ("â" U+0080 U+0099 is "’"); the
        // other control characters after, as the repair reads the ones windows-1252 leaves undefined.
        return ControlCharacters.Repaired(RepairDoubleEncoding(ControlCharacters.WithWindows1252Punctuation(encoding.GetString(body))));
    }

    // A character that a UTF-8 lead byte (0xC2–0xF4) becomes in windows-1252, then the 1–3
    // characters its continuation bytes (0x80–0xBF) become: "Ã©" for "é", "â€™" for "’".
    private const string Continuation = "\u00A0-\u00BF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D" +
        "\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178\u0081\u008D\u008F\u0090\u009D";

    [GeneratedRegex("(?:[\u00C2-\u00DF][" + Continuation + "]|[\u00E0-\u00EF][" + Continuation + "]{2}|[\u00F0-\u00F4][" + Continuation + "]{3})+", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleEncoded();

    private static readonly System.Buffers.SearchValues<char> LeadCharacters = System.Buffers.SearchValues.Create("ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóô");

    /// <summary>
    /// Text that was UTF-8, read as windows-1252 and saved as UTF-8 again somewhere before the
    /// page was served ("CollÃ¨ge", "cityâ€™s"): each run that reads back as valid UTF-8 when
    /// turned into windows-1252 bytes is put back. Real text has no such runs: an accented capital
    /// followed by a symbol or a curly quote in the middle of a word.
    /// </summary>
    internal static string RepairDoubleEncoding(string text)
    {
        if (text.AsSpan().IndexOfAny(LeadCharacters) < 0)
        {
            return text;
        }
        return DoubleEncoded().Replace(text, match =>
        {
            try
            {
                var bytes = StrictWindows1252.GetBytes(match.Value);
                return StrictUtf8.GetString(bytes);
            }
            catch (Exception e) when (e is EncoderFallbackException or DecoderFallbackException)
            {
                return match.Value;
            }
        });
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>The encoding <see cref="Decode"/> uses for a body without a byte order mark.</summary>
    public static Encoding Choose(ReadOnlySpan<byte> body, string? declaredCharset)
    {
        var validUtf8 = Utf8.IsValid(body);
        var hasNonAscii = body.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
        var mostlyUtf8 = !validUtf8 && MostlyUtf8(body);
        // The transport's label first; the markup is read for one only when that settles nothing
        // (most servers name the charset, and the prescan's text was a tenth of a page's allocation).
        return ByLabel(declaredCharset, validUtf8, hasNonAscii, mostlyUtf8)
            ?? ByLabel(PrescanCharset(body), validUtf8, hasNonAscii, mostlyUtf8)
            ?? (validUtf8 ? Encoding.UTF8 : mostlyUtf8 ? Utf8WithStrayBytes : Guess(body));
    }

    /// <summary>The encoding a charset label gives these bytes; null when the label settles nothing (none, unknown, or UTF-8 on bytes that are not).</summary>
    private static Encoding? ByLabel(string? label, bool validUtf8, bool hasNonAscii, bool mostlyUtf8)
    {
        var declared = FromLabel(label);
        if (declared is null)
        {
            return null;
        }
        if (declared.CodePage == Encoding.UTF8.CodePage)
        {
            // A UTF-8 label on bytes that are not UTF-8 is wrong; look further.
            return validUtf8 || !hasNonAscii ? Encoding.UTF8 : mostlyUtf8 ? Utf8WithStrayBytes : null;
        }
        return mostlyUtf8 ? Utf8WithStrayBytes : validUtf8 && hasNonAscii ? Encoding.UTF8 : declared;
    }

    /// <summary>
    /// More well-formed multi-byte UTF-8 characters than invalid bytes: UTF-8 with strays. Legacy
    /// text forms a valid sequence only by accident (a lead byte followed by the right number of
    /// bytes from 0x80–0xBF), while nearly each of its non-ASCII letters is an invalid byte.
    /// </summary>
    private static bool MostlyUtf8(ReadOnlySpan<byte> body)
    {
        int valid = 0, invalid = 0;
        while (!body.IsEmpty)
        {
            var ascii = body.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                break;
            }
            body = body[ascii..];
            var status = System.Text.Rune.DecodeFromUtf8(body, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
            }
            body = body[Math.Max(1, consumed)..];
        }
        return valid > invalid;
    }

    /// <summary>Invalid UTF-8 bytes as the windows-1252 characters they most likely were.</summary>
    private sealed class StrayByteFallback : DecoderFallback
    {
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private string _chars = "";
            private int _next;

            public override int Remaining => _chars.Length - _next;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _chars = Windows1252.GetString(bytesUnknown);
                _next = 0;
                return _chars.Length > 0;
            }

            public override char GetNextChar() => _next < _chars.Length ? _chars[_next++] : '\0';

            public override bool MovePrevious()
            {
                if (_next == 0)
                {
                    return false;
                }
                _next--;
                return true;
            }

            public override void Reset()
            {
                _chars = "";
                _next = 0;
            }
        }
    }

    /// <summary>
    /// An encoding for a WHATWG label: latin1, ascii and iso-8859-1 mean windows-1252 on
    /// the web, and UTF-16 in a &lt;meta&gt; cannot be true of an ASCII-readable page.
    /// </summary>
    internal static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        switch (name)
        {
            case "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "ascii" or "us-ascii" or "cp1252" or "windows-1252" or "iso_8859-1" or "cp819":
                return Windows1252;
            case "utf8" or "utf-8" or "unicode-1-1-utf-8" or "utf-16" or "utf-16le" or "utf-16be" or "unicode":
                return Encoding.UTF8;
            case "gb2312" or "gbk" or "x-gbk" or "gb_2312-80" or "chinese" or "csgb2312":
                return Encoding.GetEncoding("gb18030");
            case "euc-kr" or "ks_c_5601-1987" or "korean" or "windows-949" or "cseuckr":
                return Encoding.GetEncoding(949);
            case "x-sjis" or "sjis" or "ms932" or "windows-31j" or "ms_kanji" or "shift-jis":
                return Encoding.GetEncoding("shift_jis");
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // Not a name .NET knows, or one it knows and refuses: UTF-7, which the web's encoding
            // standard does not recognise either, throws NotSupportedException (SYSLIB0001).
            return null;
        }
    }

    /// <summary>The charset a &lt;meta&gt; tag or XML declaration near the start names, if any.</summary>
    internal static string? PrescanCharset(ReadOnlySpan<byte> body)
    {
        // Latin-1 maps bytes to chars one to one, so ASCII markup reads the same in any ASCII-compatible encoding.
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, PrescanLength)]);
        var xml = XmlEncoding().Match(head);
        if (xml.Success)
        {
            return xml.Groups[1].Value;
        }
        var meta = MetaCharset().Match(head);
        return meta.Success ? meta.Groups[1].Value : null;
    }

    /// <summary>
    /// No label and not UTF-8. The page's language, when its markup states one, says which
    /// legacy encoding its authors' tools wrote (as a browser's locale does); the guess is kept
    /// only if the body decodes without an invalid sequence. Without it, Cyrillic text in
    /// windows-1251 is told from Western text in windows-1252 by its runs of high bytes:
    /// whole words above 0x7F against single accented letters inside ASCII words.
    /// </summary>
    private static Encoding Guess(ReadOnlySpan<byte> body)
    {
        if (LegacyEncodingOfLanguage(body) is { } byLanguage && DecodesCleanly(byLanguage, body))
        {
            return byLanguage;
        }
        int runs = 0, highBytes = 0;
        var inRun = false;
        foreach (var b in body)
        {
            var high = b >= 0xC0;
            if (high)
            {
                highBytes++;
                if (!inRun)
                {
                    runs++;
                }
            }
            inRun = high;
        }
        return runs > 0 && (double)highBytes / runs >= 3 ? Windows1251 : Windows1252;
    }

    private static Encoding? LegacyEncodingOfLanguage(ReadOnlySpan<byte> body)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, PrescanLength)]);
        var lang = HtmlLang().Match(head);
        if (!lang.Success)
        {
            return null;
        }
        var region = lang.Groups[2].Value.ToLowerInvariant();
        int? codePage = lang.Groups[1].Value.ToLowerInvariant() switch
        {
            "ru" or "uk" or "be" or "bg" or "mk" or "sr" => 1251,
            "ja" => 932,
            "ko" => 949,
            "zh" => region is "tw" or "hk" or "hant" ? 950 : 54936,
            "pl" or "cs" or "sk" or "hu" or "sl" or "hr" or "ro" => 1250,
            "el" => 1253,
            "tr" => 1254,
            "he" or "iw" => 1255,
            "ar" or "fa" or "ur" => 1256,
            "lt" or "lv" or "et" => 1257,
            "vi" => 1258,
            "th" => 874,
            _ => null,
        };
        return codePage is { } cp ? Encoding.GetEncoding(cp) : null;
    }

    private static bool DecodesCleanly(Encoding encoding, ReadOnlySpan<byte> body)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            strict.GetCharCount(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
