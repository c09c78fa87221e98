using System.Collections.Concurrent;
using NewsAggregator.Fetching;

namespace NewsAggregator.Pipeline;

/// <summary>
/// A pass's circuit breaker per host: once a host has timed out or refused the connection twice,
/// its remaining entries in this pass are not asked for (each would wait out the same timeouts
/// and retries); the next pass tries the host afresh. HTTP errors do not count: a server that
/// answers 404 or 503 answers quickly.
/// </summary>
internal sealed class HostBreaker
{
    /// <summary>Network failures (timeouts, refused or broken connections) after which a host is left alone.</summary>
    public const int Trips = 2;

    private readonly ConcurrentDictionary<string, (int Failures, string LastReason)> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public void Record(Uri url, FetchException failure)
    {
        if (failure.Failure == FetchFailure.Transient && failure.StatusCode is null)
        {
            Record(url, failure.Reason);
        }
    }

    /// <summary>A request to <paramref name="url"/> that did not finish: it timed out, or its entry's deadline passed.</summary>
    public void Record(Uri url, string reason)
    {
        if (url.IsAbsoluteUri)
        {
            _hosts.AddOrUpdate(KeyOf(url), (1, reason), (_, seen) => (seen.Failures + 1, reason));
        }
    }

    /// <summary>Why <paramref name="url"/>'s host is left alone for the rest of the pass, or null.</summary>
    public string? Broken(Uri url) =>
        url.IsAbsoluteUri && _hosts.TryGetValue(KeyOf(url), out var seen) && seen.Failures >= Trips
            ? $"not asked: {url.GetLeftPart(UriPartial.Authority)} failed {seen.Failures} times in this pass (last: {seen.LastReason})"
            : null;

    private static string KeyOf(Uri url) => url.GetLeftPart(UriPartial.Authority);
}
