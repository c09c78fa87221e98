using System.Text.RegularExpressions;
using NewsAggregator.Extraction;

namespace NewsAggregator.Pipeline;

/// <summary>
/// Shortens very long URLs in text meant for people (summary lines, logs): a tracking-laden or
/// hostile link of thousands of characters would otherwise bury the line it appears in. The
/// start (scheme, host, the path's beginning) and the end (the story's slug) stay, so the link
/// can still be recognised; the database keeps every URL whole. Control characters go too
/// (<see cref="ControlCharacters"/>): a server's words quoted in an error ("HTTP 502 …") or an old
/// row's title could otherwise send an escape sequence to the terminal or log that shows the line.
/// </summary>
public static partial class LongUrls
{
    /// <summary>URLs longer than this are shortened.</summary>
    public const int MaxLength = 160;

    private const int KeptStart = 110;
    private const int KeptEnd = 40;

    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ControlCharacters.Repaired(text.Length <= MaxLength ? text : Url().Replace(text, match => ShortenOne(match.Value)));
    }

    private static string ShortenOne(string url) =>
        url.Length <= MaxLength ? url : $"{url[..KeptStart]}…{url[^KeptEnd..]}";

    [GeneratedRegex(@"\b(?:https?|file)://[^\s()<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
