using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

public class FeedDateTests
{
    [Theory]
    [InlineData("RFC 822 as specified", "Tue, 05 Mar 2024 14:30:00 GMT", "2024-03-05T14:30:00Z")]
    [InlineData("RFC 3339 with an offset", "2024-03-05T14:30:00+02:00", "2024-03-05T12:30:00Z")]
    [InlineData("RFC 3339 with nanoseconds is cut to what .NET holds", "2024-03-05T14:30:00.123456789Z", "2024-03-05T14:30:00.1234568Z")]
    [InlineData("ISO date alone is midnight UTC", "2024-03-05", "2024-03-05T00:00:00Z")]
    [InlineData("Offset without colon in ISO form", "2024-03-05T14:30:00+0100", "2024-03-05T13:30:00Z")]
    [InlineData("GMT+2 spelled together", "Tue, 05 Mar 2024 14:30:00 GMT+2", "2024-03-05T12:30:00Z")]
    [InlineData("Offset with a colon in RFC 822 form", "Tue, 05 Mar 2024 14:30:00 -05:00", "2024-03-05T19:30:00Z")]
    [InlineData("Zone glued to the time", "05 Mar 2024 14:30:00Z", "2024-03-05T14:30:00Z")]
    [InlineData("Sept as an abbreviation", "Thu, 12 Sept 2024 08:00:00 +0000", "2024-09-12T08:00:00Z")]
    [InlineData("Month before day with a comma", "March 5, 2024 09:15 EDT", "2024-03-05T13:15:00Z")]
    [InlineData("12 AM is midnight", "Tue, 05 Mar 2024 12:10 AM GMT", "2024-03-05T00:10:00Z")]
    [InlineData("IST is India's", "Tue, 05 Mar 2024 14:30:00 IST", "2024-03-05T09:00:00Z")]
    [InlineData("A comment in parentheses is left out", "Tue, 05 Mar 2024 14:30:00 (Eastern Standard Time) EST", "2024-03-05T19:30:00Z")]
    [InlineData("A parenthesis left open is a word we cannot place", "Tue, 05 Mar 2024 14:30:00 GMT (Greenwich", null)]
    [InlineData("Fractions of a second are dropped", "Tue, 05 Mar 2024 14:30:00.5Z", "2024-03-05T14:30:00Z")]
    [InlineData("Unknown words give no date rather than a wrong one", "Tue, 05 Mar 2024 14:30:00 Mars Standard Time", null)]
    [InlineData("Hour 25 is no time", "Tue, 05 Mar 2024 25:30:00 GMT", null)]
    [InlineData("Empty is no date", "  ", null)]
    [InlineData("A day too long for a number is no date, not a crash", "Tue, 99999999999 Mar 2024 14:30:00 GMT", null)]
    [InlineData("Dots standing alone are punctuation, not a crash", "Tue . 05 Mar 2024 14:30:00 GMT", "2024-03-05T14:30:00Z")]
    [InlineData("An ellipsis is punctuation too", "05 Mar 2024 ... 14:30 GMT", "2024-03-05T14:30:00Z")]
    [InlineData("A time in Arabic-Indic digits is no date, not a crash", "Tue, 05 Mar 2024 ١٤:٣٠:٠٠ GMT", null)]
    [InlineData("A zone in fullwidth digits is no date, not a crash", "Tue, 05 Mar 2024 14:30:00 +０２００", null)]
    [InlineData("Five-digit years are not read", "Tue, 05 Mar 20245 14:30:00 GMT", null)]
    public void Reads(string rule, string text, string? expectedUtc)
    {
        var actual = FeedDate.Parse(text)?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expectedUtc == actual, $"{rule}: \"{text}\" read as {actual ?? "(none)"}");
    }

    [Fact]
    public void Dates_are_always_in_utc()
    {
        Assert.Equal(TimeSpan.Zero, FeedDate.Parse("2024-03-05T14:30:00+05:30")!.Value.Offset);
    }
}
