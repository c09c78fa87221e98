using System.Globalization;

namespace NewsAggregator.Storage;

/// <summary>
/// How long articles are kept: a whole number of hours, days, weeks or years, written as
/// <c>36h</c>, <c>90d</c>, <c>12w</c> or <c>2y</c> (<c>prune --older-than</c>, <c>Storage:RetentionDays</c>).
/// </summary>
/// <remarks>
/// No months: <c>m</c> reads as minutes to some and months to others, and months differ in length;
/// a user who means six months writes <c>26w</c> or <c>182d</c>. Years are calendar years
/// (<c>2y</c> before 2026-03-01 is 2024-03-01), the other units fixed lengths.
/// </remarks>
public readonly record struct RetentionPeriod
{
    /// <summary>The longest period accepted, in days: beyond it the cutoff would leave the calendar, and no one means it.</summary>
    private const int MaxDays = 366_000;

    private readonly int _count;
    private readonly char _unit;

    private RetentionPeriod(int count, char unit) => (_count, _unit) = (count, unit);

    public static RetentionPeriod Days(int days) =>
        days is >= 1 and <= MaxDays ? new(days, 'd') : throw new ArgumentOutOfRangeException(nameof(days), days, "from 1 to 366000 days");

    /// <summary>Reads <c>90d</c> and the like.</summary>
    /// <param name="problem">Why <paramref name="text"/> is not a period, in a few words a user can act on; null when it is.</param>
    public static bool TryParse(string? text, out RetentionPeriod period, out string? problem)
    {
        period = default;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            problem = "give a duration such as 90d, 12w or 2y";
            return false;
        }
        var unit = text[^1];
        var digits = text.AsSpan(0, text.Length - 1);
        if (unit is 'm' or 'M')
        {
            problem = "m is ambiguous (minutes or months): write days, weeks or years instead, such as 180d, 26w or 1y";
            return false;
        }
        if (char.ToLowerInvariant(unit) is not ('h' or 'd' or 'w' or 'y'))
        {
            problem = "the unit must be h (hours), d (days), w (weeks) or y (years), after a whole number, as in 90d";
            return false;
        }
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = "a duration is a whole number followed by its unit, as in 90d, 12w or 2y";
            return false;
        }
        unit = char.ToLowerInvariant(unit);
        if (count == 0)
        {
            problem = "a duration must be at least 1 of its unit";
            return false;
        }
        if ((long)count * HoursIn(unit) > MaxDays * 24L)
        {
            problem = "at most 1000 years";
            return false;
        }
        period = new RetentionPeriod(count, unit);
        return true;
    }

    // For the upper bound only (a year counted long).
    private static long HoursIn(char unit) => unit switch
    {
        'h' => 1,
        'd' => 24,
        'w' => 7 * 24,
        _ => 366 * 24,
    };

    /// <summary>The time before which an article first seen is older than this period, seen from <paramref name="now"/>.</summary>
    public DateTimeOffset CutoffBefore(DateTimeOffset now) => _unit switch
    {
        'h' => now.AddHours(-_count),
        'd' => now.AddDays(-_count),
        'w' => now.AddDays(-7.0 * _count),
        'y' => now.AddYears(-_count),
        _ => throw new InvalidOperationException("a period made with default(RetentionPeriod) has no length"),
    };

    public override string ToString() => _count.ToString(CultureInfo.InvariantCulture) + _unit;
}
