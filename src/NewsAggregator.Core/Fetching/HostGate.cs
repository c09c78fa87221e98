using System.Collections.Concurrent;

namespace NewsAggregator.Fetching;

/// <summary>
/// Politeness per host (scheme, name and port, as robots.txt scopes it): at most
/// <see cref="FetchOptions.MaxConcurrentPerHost"/> requests in flight, starts at least
/// <see cref="FetchOptions.MinDelayPerHost"/> apart, and none before a time the host asked for
/// with Retry-After. Shared by every source of the process, since the host is what we spare.
/// </summary>
/// <remarks>
/// A host is held only while it matters: once no request is in flight there, its spacing has run
/// out and no Retry-After stands, forgetting it changes nothing, so every
/// <see cref="SweepEvery"/> turns the idle hosts are let go. A service left running for months
/// meets hosts it asks once (an aggregator's feed links to thousands of sites, redirects lead to
/// others), and without this every one of them stayed in memory for the life of the process.
/// </remarks>
public sealed class HostGate(FetchOptions options, TimeProvider clock)
{
    /// <summary>Turns between two sweeps for idle hosts: a sweep looks at every host held, so it is rare.</summary>
    public const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<string, Host> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private long _turns;

    /// <summary>Hosts held now: those with a request in flight, a spacing or a Retry-After still running, or not yet swept.</summary>
    internal int HostsHeld => _hosts.Count;

    public static string KeyOf(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    /// <summary>Waits for a turn at <paramref name="url"/>'s host; dispose the result when the response is read.</summary>
    /// <exception cref="FetchException">The host asked us to stay away longer than we wait within a pass.</exception>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _turns) % SweepEvery == 0)
        {
            Sweep();
        }
        var key = KeyOf(url);
        Host host;
        while (true)
        {
            host = Held(key);
            await host.Slots.WaitAsync(cancellationToken);
            lock (host)
            {
                if (!host.LetGo)
                {
                    break;
                }
            }
            // Swept while this request waited to start: the host held under the key now is the one to wait at.
            host.Slots.Release();
        }
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
        var key = KeyOf(url);
        while (true)
        {
            var host = Held(key);
            lock (host)
            {
                if (!host.LetGo)
                {
                    host.NotBefore = Max(host.NotBefore, until);
                    return;
                }
            }
        }
    }

    private Host Held(string key) => _hosts.GetOrAdd(key, _ => new Host(Math.Max(1, options.MaxConcurrentPerHost)));

    /// <summary>
    /// Lets go of every host nothing is waiting for: no request in flight or waiting for its turn,
    /// the spacing after the last start over, no Retry-After standing. A host let go is marked
    /// under its lock, so a request that found it just before is sent to the new one instead.
    /// </summary>
    internal void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, host) in _hosts)
        {
            lock (host)
            {
                if (host.Slots.CurrentCount == host.Capacity && host.NextStart <= now && host.NotBefore <= now)
                {
                    host.LetGo = true;
                    _hosts.TryRemove(new KeyValuePair<string, Host>(key, host));
                }
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // A SemaphoreSlim holds an OS handle only once its AvailableWaitHandle is asked for, which
    // nothing here does: hosts live as long as the gate and need no disposal.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "No wait handle is ever created")]
    private sealed class Host(int slots)
    {
        public readonly int Capacity = slots;
        public readonly SemaphoreSlim Slots = new(slots, slots);
        public DateTimeOffset NextStart = DateTimeOffset.MinValue;
        public DateTimeOffset NotBefore = DateTimeOffset.MinValue;
        /// <summary>Swept: no longer under its key, so no turn is given here any more.</summary>
        public bool LetGo;
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
