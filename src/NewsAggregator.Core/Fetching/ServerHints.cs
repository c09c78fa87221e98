using System.Globalization;
using System.Net.Http.Headers;

namespace NewsAggregator.Fetching;

/// <summary>What a response's headers say about when to ask again.</summary>
public static class ServerHints
{
    /// <summary>
    /// Retry-After as a span from <paramref name="now"/>: delay-seconds or an HTTP-date (RFC 9110 10.2.3).
    /// A date in the past means "now"; anything unreadable is ignored.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }
            if (retryAfter.Date is { } date)
            {
                return date > now ? date - now : TimeSpan.Zero;
            }
        }
        return headers.TryGetValues("Retry-After", out var raw) ? RetryAfter(raw.FirstOrDefault(), now) : null;
    }

    /// <summary>Retry-After's text, for servers whose header .NET's typed parser did not accept.</summary>
    public static TimeSpan? RetryAfter(string? value, DateTimeOffset now)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(365).TotalSeconds));
        }
        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }

    /// <summary>
    /// How long the response stays fresh: Cache-Control max-age (s-maxage is for shared caches),
    /// else Expires minus the server's Date (or our clock). no-cache/no-store say nothing about
    /// how often to poll, so they give no hint.
    /// </summary>
    public static TimeSpan? FreshFor(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.CacheControl?.MaxAge is { } maxAge)
        {
            return maxAge < TimeSpan.Zero ? TimeSpan.Zero : maxAge;
        }
        if (response.Content.Headers.Expires is { } expires)
        {
            var reference = response.Headers.Date ?? now;
            return expires > reference ? expires - reference : TimeSpan.Zero;
        }
        return null;
    }
}
