using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>The durations <c>prune --older-than</c> reads, and the cutoffs they give.</summary>
public sealed class RetentionPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, DateTimeOffset> Good => new()
    {
        { "90d", "90d", Now.AddDays(-90) },
        { "1d", "1d", Now.AddDays(-1) },
        { "12w", "12w", Now.AddDays(-84) },
        { "36h", "36h", Now.AddHours(-36) },
        // Calendar years: from 1 March, 1 March two years before (2024 was a leap year).
        { "2y", "2y", new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero) },
        { "90D", "90d", Now.AddDays(-90) },
        { "1000y", "1000y", Now.AddYears(-1000) },
        { "007d", "7d", Now.AddDays(-7) },
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void A_whole_number_and_a_unit_is_a_period_ending_that_long_before_now(string text, string shown, DateTimeOffset cutoff)
    {
        Assert.True(RetentionPeriod.TryParse(text, out var period, out var problem), problem);
        Assert.Null(problem);
        Assert.Equal(shown, period.ToString());
        Assert.Equal(cutoff, period.CutoffBefore(Now));
    }

    public static TheoryData<string?, string> Bad => new()
    {
        { null, "give a duration such as 90d" },
        { "", "give a duration such as 90d" },
        { "6m", "m is ambiguous (minutes or months)" },
        { "6M", "m is ambiguous (minutes or months)" },
        { "90", "the unit must be h (hours), d (days), w (weeks) or y (years)" },
        { "90s", "the unit must be h (hours), d (days), w (weeks) or y (years)" },
        { "90 d", "a whole number followed by its unit" },
        { "d", "a whole number followed by its unit" },
        { "1.5d", "a whole number followed by its unit" },
        { "-3d", "a whole number followed by its unit" },
        { "+3d", "a whole number followed by its unit" },
        { "99999999999d", "a whole number followed by its unit" },
        { "0d", "at least 1" },
        { "1001y", "at most 1000 years" },
        { "400000d", "at most 1000 years" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Anything_else_is_refused_with_what_to_write(string? text, string problem)
    {
        Assert.False(RetentionPeriod.TryParse(text, out _, out var why));
        Assert.Contains(problem, why, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_from_the_setting_are_a_period_in_days()
    {
        Assert.Equal("30d", RetentionPeriod.Days(30).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => RetentionPeriod.Days(0));
    }
}
