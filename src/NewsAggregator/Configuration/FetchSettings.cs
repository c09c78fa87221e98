using System.ComponentModel.DataAnnotations;
using NewsAggregator.Fetching;

namespace NewsAggregator.Configuration;

/// <summary>
/// The <c>Fetch</c> section as operators write it (seconds, milliseconds, bytes), with the range
/// each value may take; <see cref="ToFetchOptions"/> turns it into what the fetcher works with.
/// </summary>
public sealed class FetchSettings
{
    public const string Section = "Fetch";

    private static readonly FetchOptions Defaults = new();

    // Bounds of the property's own type: with int bounds the generated check converted the value
    // with Convert.ToInt32, and 1e10 or NaN threw OverflowException out of the start instead of
    // failing the range. NaN and the infinities fail a range of doubles.
    [Range(1d, 3600d, ErrorMessage = "accepted 1 to 3600 (seconds)")]
    public double TimeoutSeconds { get; set; } = Defaults.Timeout.TotalSeconds;

    [Range(1d, 600d, ErrorMessage = "accepted 1 to 600 (seconds)")]
    public double ConnectTimeoutSeconds { get; set; } = Defaults.ConnectTimeout.TotalSeconds;

    [Required(AllowEmptyStrings = false, ErrorMessage = "accepted: a non-empty User-Agent, e.g. \"MyNews/1.0 (+https://example.org/bot)\"")]
    [StringLength(500, ErrorMessage = "accepted: at most 500 characters")]
    public string UserAgent { get; set; } = Defaults.UserAgent;

    // Range has no long bounds; these are doubles (1L << 30 picks that overload), which hold any long.
    [Range(1024d, (double)(1L << 30), ErrorMessage = "accepted 1024 to 1073741824 (bytes)")]
    public long MaxBodyBytes { get; set; } = Defaults.MaxBodyBytes;

    [Range(0, 50, ErrorMessage = "accepted 0 to 50")]
    public int MaxRedirects { get; set; } = Defaults.MaxRedirects;

    [Range(1, 64, ErrorMessage = "accepted 1 to 64")]
    public int MaxConcurrentPerHost { get; set; } = Defaults.MaxConcurrentPerHost;

    [Range(0, 600_000, ErrorMessage = "accepted 0 to 600000 (milliseconds)")]
    public int MinDelayPerHostMilliseconds { get; set; } = (int)Defaults.MinDelayPerHost.TotalMilliseconds;

    [Range(0, 10, ErrorMessage = "accepted 0 to 10")]
    public int MaxRetries { get; set; } = Defaults.MaxRetries;

    [Range(0, 600_000, ErrorMessage = "accepted 0 to 600000 (milliseconds)")]
    public int RetryBaseDelayMilliseconds { get; set; } = (int)Defaults.RetryBaseDelay.TotalMilliseconds;

    [Range(0, 86_400, ErrorMessage = "accepted 0 to 86400 (seconds)")]
    public int MaxRetryAfterSeconds { get; set; } = (int)Defaults.MaxRetryAfterWait.TotalSeconds;

    public FetchOptions ToFetchOptions() => new()
    {
        Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
        ConnectTimeout = TimeSpan.FromSeconds(ConnectTimeoutSeconds),
        UserAgent = UserAgent.Trim(),
        MaxBodyBytes = MaxBodyBytes,
        MaxRedirects = MaxRedirects,
        MaxConcurrentPerHost = MaxConcurrentPerHost,
        MinDelayPerHost = TimeSpan.FromMilliseconds(MinDelayPerHostMilliseconds),
        MaxRetries = MaxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(RetryBaseDelayMilliseconds),
        MaxRetryAfterWait = TimeSpan.FromSeconds(MaxRetryAfterSeconds),
    };
}
