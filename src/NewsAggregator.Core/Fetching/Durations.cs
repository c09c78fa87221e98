using System.Globalization;

namespace NewsAggregator.Fetching;

/// <summary>Spans of time in the words of a log line or a summary: "45 s", "12 min", "2 h", "1 h 30 min".</summary>
public static class Durations
{
    public static string Describe(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)Math.Ceiling(span.TotalSeconds))} s");
        }
        if (span < TimeSpan.FromHours(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(span.TotalMinutes)} min");
        }
        var hours = (int)span.TotalHours;
        var minutes = (int)Math.Round(span.TotalMinutes - hours * 60);
        if (minutes == 60)
        {
            hours++;
            minutes = 0;
        }
        return minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours} h")
            : string.Create(CultureInfo.InvariantCulture, $"{hours} h {minutes} min");
    }
}
