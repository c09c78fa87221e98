using System.Collections.Concurrent;

namespace NewsAggregator.Fetching;

/// <summary>
/// Politeness per host (scheme, name and port, as robots.txt scopes it): at most
/// <see cref="FetchOptions.MaxConcurrentPerHost"/> requests in flight, starts at least
/// <see cref="FetchOptions.MinDelayPerHost"/> apart, and none before a time the host asked for
/// with Retry-After. Shared by every source of the process, since the host is what we spare.
/// </summary>
public sealed class HostGate(FetchOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Host> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public static string KeyOf(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    /// <summary>Waits for a turn at <paramref name="url"/>'s host; dispose the result when the response is read.</summary>
    /// <exception cref="FetchException">The host asked us to stay away longer than we wait within a pass.</exception>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = _hosts.GetOrAdd(KeyOf(url), _ => new Host(Math.Max(1, options.MaxConcurrentPerHost)));
        await host.Slots.WaitAsync(cancellationToken);
        try
        {
            TimeSpan wait;
            lock (host)
            {
                var now = clock.GetUtcNow();
                if (host.NotBefore - now > options.MaxRetryAfterWait)
                {
                    var left = host.NotBefore - now;
                    throw new FetchException(url, $"the server asked us to wait {Durations.Describe(left)} before asking again (Retry-After)",
                        failure: FetchFailure.Transient, retryAfter: left);
                }
                var start = Max(now, Max(host.NextStart, host.NotBefore));
                host.NextStart = start + options.MinDelayPerHost;
                wait = start - now;
            }
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }
            return new Turn(host);
        }
        catch
        {
            host.Slots.Release();
            throw;
        }
    }

    /// <summary>No request to <paramref name="url"/>'s host before <paramref name="until"/> (it sent Retry-After).</summary>
    public void Defer(Uri url, DateTimeOffset until)
    {
        var host = _hosts.GetOrAdd(KeyOf(url), _ => new Host(Math.Max(1, options.MaxConcurrentPerHost)));
        lock (host)
        {
            host.NotBefore = Max(host.NotBefore, until);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // A SemaphoreSlim holds an OS handle only once its AvailableWaitHandle is asked for, which
    // nothing here does: hosts live as long as the gate and need no disposal.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "No wait handle is ever created")]
    private sealed class Host(int slots)
    {
        public readonly SemaphoreSlim Slots = new(slots, slots);
        public DateTimeOffset NextStart = DateTimeOffset.MinValue;
        public DateTimeOffset NotBefore = DateTimeOffset.MinValue;
    }

    private sealed class Turn(Host host) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                host.Slots.Release();
            }
        }
    }
}
