using System.Net;
using NewsAggregator.Fetching;

namespace NewsAggregator.Tests.Fetching;

public class ServerHintsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    [InlineData("Wed, 04 Mar 2026 06:06:07 GMT", 3600)] // an HTTP date an hour ahead
    [InlineData("Wed, 04 Mar 2026 04:06:07 GMT", 0)] // a date in the past means now
    public void Retry_after_is_seconds_or_an_http_date(string value, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), ServerHints.RetryAfter(value, Now));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("")]
    public void Unreadable_retry_after_is_ignored(string value)
    {
        Assert.Null(ServerHints.RetryAfter(value, Now));
    }

    [Fact]
    public void Max_age_wins_over_expires()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation("Cache-Control", "public, max-age=600");
        response.Content.Headers.Expires = Now.AddHours(5);

        Assert.Equal(TimeSpan.FromMinutes(10), ServerHints.FreshFor(response, Now));
    }

    [Fact]
    public void Expires_counts_from_the_servers_date()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        response.Headers.Date = Now.AddMinutes(-30); // the server's clock is behind ours
        response.Content.Headers.Expires = Now.AddMinutes(30);

        Assert.Equal(TimeSpan.FromHours(1), ServerHints.FreshFor(response, Now));
    }

    [Fact]
    public void No_caching_headers_give_no_hint()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };

        Assert.Null(ServerHints.FreshFor(response, Now));
    }
}
