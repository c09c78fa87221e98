namespace NewsAggregator.Extraction;

/// <summary>
/// Bounds on what one page may cost. Real article pages are at most a few megabytes with some
/// tens of thousands of elements; beyond the caps a page is cut, not refused, because the
/// article sits near the top of any page that has one. The cut falls before a tag, so the
/// parser sees well-formed text and closes what is open, as it does for any truncated page.
/// </summary>
public static class PageLimits
{
    /// <summary>Characters of a page that are read (about 4 MB of markup).</summary>
    public const int MaxChars = 4_000_000;

    /// <summary>Start tags of a page that are read.</summary>
    public const int MaxElements = 60_000;

    /// <summary><paramref name="html"/> cut to the caps.</summary>
    public static string Bound(string html)
    {
        var length = Math.Min(html.Length, MaxChars);
        var tags = 0;
        var span = html.AsSpan(0, length);
        for (var at = span.IndexOf('<'); at >= 0 && at + 1 < length; at = NextTag(span, at))
        {
            if (char.IsAsciiLetter(span[at + 1]) && ++tags > MaxElements)
            {
                length = at;
                break;
            }
        }
        if (length == html.Length)
        {
            return html;
        }
        if (length == MaxChars)
        {
            var lastTag = html.AsSpan(0, length).LastIndexOf('<');
            length = lastTag > 0 ? lastTag : length;
        }
        return html[..length];
    }

    private static int NextTag(ReadOnlySpan<char> span, int at)
    {
        var next = span[(at + 1)..].IndexOf('<');
        return next < 0 ? -1 : at + 1 + next;
    }
}
