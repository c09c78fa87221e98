using System.Buffers;

namespace NewsAggregator.Extraction;

/// <summary>
/// Control characters taken out of text, or put back as what they were meant to be. None is
/// anything a reader sees, and in stored text they do harm: an escape sequence in a headline
/// reaches the terminal of whoever prints it (<c>search</c>, a pipeline's logs), and a NUL ends
/// the string for a C reader of the database. Two kinds:
/// <list type="bullet">
/// <item>C1 controls (U+0080–U+009F) in a page are windows-1252 punctuation read as Latin-1
/// somewhere upstream (a CMS that stored "’" as the byte 0x92 and served it as U+0092, seen on 6
/// of the 750 daniel pages): each becomes its windows-1252 character, as HTML already does for
/// a numeric reference in that range (<c>&amp;#146;</c> is "’"). The five bytes windows-1252
/// leaves undefined are dropped. Done before the double-encoding repair, this also lets
/// "â" + U+0080 + U+0099 read back as "’".</item>
/// <item>C0 controls other than tab, line feed, form feed and carriage return, and DEL, become a space.</item>
/// </list>
/// </summary>
public static class ControlCharacters
{
    // windows-1252 for 0x80–0x9F (WHATWG Encoding Standard's index); NUL where it defines none.
    private const string Windows1252 =
        "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
        "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    // The C0 controls but tab, line feed, form feed and carriage return, and DEL: ASCII alone, so
    // the search is vectorised. A set that also held the C1 range would not be, and searching
    // every page twice with it cost the native build a third of its time over the zyte set.
    private static readonly SearchValues<char> AsciiControls = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    private const char FirstC1 = '\u0080';
    private const char LastC1 = '\u009F';

    /// <summary><paramref name="text"/> without control characters: C0 ones as spaces, C1 ones as their windows-1252 characters; the same instance when it holds none.</summary>
    public static string Repaired(string text) => Repair(text, punctuationOnly: false);

    /// <summary>
    /// Only the C1 controls windows-1252 defines, as its characters; the rest left for the
    /// double-encoding repair, which reads the five it leaves undefined as the bytes they were
    /// ("â" U+0080 U+009D is "”"), and for <see cref="Repaired"/> after it.
    /// </summary>
    internal static string WithWindows1252Punctuation(string text) => Repair(text, punctuationOnly: true);

    private static string Repair(string text, bool punctuationOnly)
    {
        var first = text.AsSpan().IndexOfAnyInRange(FirstC1, LastC1);
        if (!punctuationOnly && text.AsSpan(0, first < 0 ? text.Length : first).IndexOfAny(AsciiControls) is >= 0 and var c0)
        {
            first = c0;
        }
        if (first < 0)
        {
            return text;
        }
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.AsSpan(0, first).CopyTo(buffer);
            var written = first;
            for (var i = first; i < text.Length; i++)
            {
                var c = text[i];
                if (c is >= FirstC1 and <= LastC1)
                {
                    var punctuation = Windows1252[c - FirstC1];
                    c = punctuation != '\0' || !punctuationOnly ? punctuation : c;
                }
                else if (!punctuationOnly && AsciiControls.Contains(c))
                {
                    // More often a separator than part of a word ("(f)\u001DTo"): white space, which rendering folds.
                    c = ' ';
                }
                if (c != '\0')
                {
                    buffer[written++] = c;
                }
            }
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
