using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsAggregator.Extraction;

/// <summary>Dates as pages write them (ISO 8601, RFC 1123, a date in the URL path) to UTC.</summary>
internal static partial class PublicationDate
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd", "yyyyMMdd'T'HHmmssK", "yyyyMMdd", "r", "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss 'GMT'",
    ];

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9]{2})[/-](?<m>0?[1-9]|1[0-2])[/-](?<d>0?[1-9]|[12][0-9]|3[01])(?![0-9])")]
    private static partial Regex PathDate();

    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12][0-9]|3[01])/")]
    private static partial Regex CompactPathDate();

    [GeneratedRegex(@"\s*([+-][0-9]{2})([0-9]{2})$")]
    private static partial Regex CompactOffset();

    /// <summary>The instant in UTC; a date without an offset is taken as UTC.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        // "+0000" is common but not ISO 8601 for the parser; make it "+00:00".
        var normalized = CompactOffset().Replace(text, "$1:$2");
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture, styles, out var exact) ||
            DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, styles, out exact))
        {
            return Plausible(exact);
        }
        return null;
    }

    /// <summary>A date written in the URL path, as in /2019/11/19/ or /20191119/.</summary>
    public static DateTimeOffset? FromUrl(Uri? url)
    {
        if (url is null)
        {
            return null;
        }
        var path = url.AbsolutePath;
        var match = PathDate().Match(path);
        if (!match.Success)
        {
            match = CompactPathDate().Match(path);
        }
        if (!match.Success)
        {
            return null;
        }
        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        return day <= DateTime.DaysInMonth(year, month) ? Plausible(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero)) : null;
    }

    // Placeholder dates (0001-01-01, 1970-01-01) say "unknown", not when the story ran.
    private static DateTimeOffset? Plausible(DateTimeOffset date) =>
        date.Year is >= 1990 and <= 2100 ? date.ToUniversalTime() : null;
}
