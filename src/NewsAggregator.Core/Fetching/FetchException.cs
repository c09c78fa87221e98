namespace NewsAggregator.Fetching;

/// <summary>A URL could not be fetched; the message says why in words a person can act on.</summary>
public sealed class FetchException(Uri url, string reason, Exception? inner = null)
    : Exception($"{reason} ({url})", inner)
{
    public Uri Url { get; } = url;
    public string Reason { get; } = reason;
}
