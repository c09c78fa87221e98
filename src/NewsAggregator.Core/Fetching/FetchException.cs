namespace NewsAggregator.Fetching;

/// <summary>Why a fetch failed, as far as what to do next is concerned.</summary>
public enum FetchFailure
{
    /// <summary>Asking again will not help soon: 404, wrong content, too large, a redirect loop.</summary>
    Permanent,
    /// <summary>Worth another attempt: timeout, broken connection, 5xx, 429.</summary>
    Transient,
    /// <summary>We chose not to ask: robots.txt, or an address a link may not lead to.</summary>
    Refused,
}

/// <summary>A URL could not be fetched; the message says why in words a person can act on.</summary>
public sealed class FetchException(
    Uri url, string reason, Exception? inner = null, FetchFailure failure = FetchFailure.Permanent, TimeSpan? retryAfter = null,
    int? statusCode = null)
    : Exception($"{reason} ({url})", inner)
{
    public Uri Url { get; } = url;
    public string Reason { get; } = reason;
    public FetchFailure Failure { get; } = failure;
    public bool IsTransient => Failure == FetchFailure.Transient;

    /// <summary>How long the server asked us to stay away (Retry-After on 429 or 503), if it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The HTTP status when the server answered with an error; null for network and content failures.</summary>
    public int? StatusCode { get; } = statusCode;
}
