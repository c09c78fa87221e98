using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsAggregator.Feeds;

/// <summary>
/// Dates as feeds really write them: RFC 822 with wrong weekdays, named zones (EST, CEST),
/// full month names, two-digit years or no zone at all, and ISO 8601 with any precision.
/// Always read in the invariant culture; a date without a zone is taken as UTC.
/// </summary>
/// <remarks>
/// FeedReader's own parse uses the machine's culture, reads a date without a zone in the
/// machine's local time, and drops zones it does not know ("2:30 PM CET" becomes 14:30 UTC).
/// </remarks>
internal static partial class FeedDate
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly Dictionary<string, TimeSpan> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Z"] = TimeSpan.Zero, ["UT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["WET"] = TimeSpan.Zero,
        // RFC 822's North American zones
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4), ["CST"] = TimeSpan.FromHours(-6),
        ["CDT"] = TimeSpan.FromHours(-5), ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7), ["AKST"] = TimeSpan.FromHours(-9),
        ["AKDT"] = TimeSpan.FromHours(-8), ["HST"] = TimeSpan.FromHours(-10),
        // others common in news feeds
        ["BST"] = TimeSpan.FromHours(1), ["WEST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1),
        ["CEST"] = TimeSpan.FromHours(2), ["MEZ"] = TimeSpan.FromHours(1), ["MESZ"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3), ["MSK"] = TimeSpan.FromHours(3),
        ["IST"] = new TimeSpan(5, 30, 0), ["SGT"] = TimeSpan.FromHours(8), ["HKT"] = TimeSpan.FromHours(8),
        ["JST"] = TimeSpan.FromHours(9), ["KST"] = TimeSpan.FromHours(9), ["AEST"] = TimeSpan.FromHours(10),
        ["AEDT"] = TimeSpan.FromHours(11), ["NZST"] = TimeSpan.FromHours(12), ["NZDT"] = TimeSpan.FromHours(13),
    };

    [GeneratedRegex(@"^\d{4}[-/]\d{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex StartsWithYear();

    // "(Eastern Standard Time)" and the like. One left open runs to the end and is put back as it
    // was (see FromParts): were it not matched, every "(" after it would be scanned to the end
    // again, which on a date of "((((…" takes time in the square of its length.
    [GeneratedRegex(@"\([^)]*\)?", RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    // The numbers below are read with int.Parse, which knows the digits 0-9 alone: \d would also
    // match Arabic-Indic, Devanagari or fullwidth digits, and such a time threw and failed the feed.

    // 14:30, 14:30:00, 14:30:00.123, optionally followed at once by a zone (14:30:00Z, 14:30+0100).
    // The fraction is atomic: whether the zone reaches the end does not depend on where the digits
    // stop, and trying each length of "0.1111…" against a line break after it took quadratic time.
    [GeneratedRegex(@"^(?<h>[0-9]{1,2}):(?<m>[0-9]{2})(?::(?<s>[0-9]{2})(?>[.,][0-9]+)?)?(?<zone>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Time();

    // +0100, -05:00, +01, and GMT+2 / UTC-0500 spelled together
    [GeneratedRegex(@"^(?:GMT|UTC|UT)?(?<sign>[+-])(?<h>[0-9]{1,2}):?(?<m>[0-9]{2})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumericZone();

    /// <summary>The first of the elements whose text is a date we can read.</summary>
    public static DateTimeOffset? First(params XElement?[] candidates) =>
        candidates.Select(c => Parse(c?.Value)).FirstOrDefault(d => d is not null);

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = text.Trim();
        if (StartsWithYear().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, Utc, out var iso))
        {
            return iso.ToUniversalTime();
        }
        return FromParts(value)
            ?? (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, Utc, out var other) ? other.ToUniversalTime() : null);
    }

    private static DateTimeOffset? FromParts(string value)
    {
        int? day = null, month = null, year = null, hour = null, minute = null, second = null;
        TimeSpan? offset = null;
        bool? afternoon = null;

        var tokens = Comment().Replace(value, comment => comment.Value[^1] == ')' ? " " : comment.Value).Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var raw in tokens)
        {
            var token = raw.TrimEnd('.');
            if (token.Length == 0)
            {
                continue; // dots alone ("Jun . 10"): punctuation, and no number to read
            }
            if (Time().Match(token) is { Success: true } time)
            {
                hour = int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture);
                minute = int.Parse(time.Groups["m"].Value, CultureInfo.InvariantCulture);
                second = time.Groups["s"].Success ? int.Parse(time.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
                var attached = time.Groups["zone"].Value;
                if (attached.Length > 0 && (offset = Zone(attached)) is null)
                {
                    return null;
                }
            }
            else if (token.All(char.IsAsciiDigit))
            {
                // No day or year has more than four digits; a longer number is not a date we can place.
                if (token.Length > 4)
                {
                    return null;
                }
                var number = int.Parse(token, CultureInfo.InvariantCulture);
                if (token.Length == 4 || day is not null)
                {
                    year = token.Length <= 2 ? (number < 70 ? 2000 + number : 1900 + number) : number;
                }
                else
                {
                    day = number;
                }
            }
            else if (token.Equals("AM", StringComparison.OrdinalIgnoreCase) || token.Equals("PM", StringComparison.OrdinalIgnoreCase))
            {
                afternoon = token.Equals("PM", StringComparison.OrdinalIgnoreCase);
            }
            else if (Zone(token) is { } zone)
            {
                offset = zone;
            }
            else if (NameIndex(token, Months) is { } monthIndex)
            {
                month = monthIndex + 1;
            }
            else if (NameIndex(token, Weekdays) is null)
            {
                return null; // a word we cannot place: better no date than a wrong one
            }
        }

        if (day is null || month is null || year is null)
        {
            return null;
        }
        if (afternoon is not null && hour is >= 1 and <= 12)
        {
            hour = hour % 12 + (afternoon.Value ? 12 : 0);
        }
        try
        {
            return new DateTimeOffset(year.Value, month.Value, day.Value, hour ?? 0, minute ?? 0, second ?? 0, offset ?? TimeSpan.Zero)
                .ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // 31 February, hour 25 and the like
        }
    }

    private static TimeSpan? Zone(string token)
    {
        if (Zones.TryGetValue(token, out var named))
        {
            return named;
        }
        var numeric = NumericZone().Match(token);
        if (!numeric.Success)
        {
            return null;
        }
        var hours = int.Parse(numeric.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = numeric.Groups["m"].Success ? int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return null;
        }
        var offset = new TimeSpan(hours, minutes, 0);
        return numeric.Groups["sign"].Value == "-" ? -offset : offset;
    }

    /// <summary>Index of the name <paramref name="token"/> abbreviates or spells out ("Mar", "March", "Sept").</summary>
    private static int? NameIndex(string token, string[] names)
    {
        if (token.Length < 3 || !token.All(char.IsAsciiLetter))
        {
            return null;
        }
        var index = Array.FindIndex(names, name => name.StartsWith(token, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : null;
    }
}
