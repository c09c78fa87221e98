using System.Collections.Concurrent;

namespace NewsAggregator.Fetching;

/// <summary>
/// Each host's robots.txt, fetched once and kept for <see cref="FetchOptions.RobotsCacheDuration"/>.
/// Per RFC 9309: a 4xx means no rules (everything allowed); a 5xx or 429 means "disallow
/// everything" until it is asked for again after <see cref="FetchOptions.RobotsUnreachableRetry"/>.
/// A host that cannot be reached at all (refused, timed out) fails the request with that reason,
/// which disallows it just as well and says why; nothing is kept, so the next request asks again.
/// Answers are also kept in <see cref="IRobotsStore"/> (the database) with their expiry, so the
/// next process asks a host for its robots.txt only once the answer has expired.
/// Expired answers are dropped every <see cref="HostGate.SweepEvery"/> decisions, so memory holds the
/// hosts asked within <see cref="FetchOptions.RobotsCacheDuration"/>, not every host the process ever met.
/// Where the store keeps answers (the database), an answer no request has read for
/// <see cref="HeldWhileIdle"/> is dropped too, and read back from the store when its host is next
/// asked: a service's memory then holds the hosts it is working on, not every host of the day's
/// passes (a day's answers for 5 000 hosts, each robots.txt a few KB, were tens of MB). Only the
/// rules for our product token are held (<see cref="RobotsTxt.ForAgent"/>).
/// </summary>
internal sealed class RobotsCache(
    FetchOptions options, TimeProvider clock, Func<FetchRequest, CancellationToken, Task<FetchedResource>> fetchRobotsTxt,
    IRobotsStore store)
{
    /// <summary>
    /// How long an answer no request reads stays in memory when the store keeps it. A source's
    /// requests to its host come a second or two apart while it is worked on; reading the answer
    /// back from the database after a longer gap costs a query and a parse, not a request.
    /// </summary>
    public static readonly TimeSpan HeldWhileIdle = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Entry> _byHost = new(StringComparer.OrdinalIgnoreCase);
    private long _decisions;

    /// <summary>Hosts whose answer is held (or being fetched).</summary>
    internal int HostsHeld => _byHost.Count;

    public async Task<RobotsDecision> DecideAsync(Uri url, NetworkTrust trust, CancellationToken cancellationToken)
    {
        var key = HostGate.KeyOf(url);
        var now = clock.GetUtcNow();
        if (Interlocked.Increment(ref _decisions) % HostGate.SweepEvery == 0)
        {
            Sweep(now);
        }
        var entry = _byHost.AddOrUpdate(key,
            _ => new Entry(url, trust, this),
            (_, existing) => existing.ExpiresAt is { } expires && expires <= now ? new Entry(url, trust, this) : existing);
        entry.Asked(now);
        Rules rules;
        try
        {
            rules = await entry.Rules.Value.WaitAsync(cancellationToken);
        }
        catch (FetchException e)
        {
            // Refused by the network policy, or the host could not be reached at all: nothing
            // learnt about its rules, so nothing to keep. The request fails as its robots.txt did,
            // which says more than "disallowed" would ("connection refused", "timed out").
            _byHost.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw new FetchException(url, e.Reason, e, e.Failure, e.RetryAfter);
        }
        return rules.Unreachable is { } why
            ? RobotsDecision.Disallow($"robots.txt of {key} could not be had ({why}); nothing is fetched from the host until it can")
            : rules.Txt.Decide(url, options.RobotsProductToken);
    }

    /// <summary>
    /// Drops the answers that have expired, and those the store keeps that no request read for
    /// <see cref="HeldWhileIdle"/>; one still being fetched has no expiry yet and stays.
    /// </summary>
    internal void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _byHost)
        {
            if (entry.ExpiresAt is { } expires && (expires <= now || (store.KeepsAnswers && now - entry.LastAsked >= HeldWhileIdle)))
            {
                // Only this entry: a fresh one another request put under the key meanwhile stays.
                _byHost.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private async Task<Rules> LoadAsync(Uri url, NetworkTrust trust, Entry entry)
    {
        var key = HostGate.KeyOf(url);
        if (store.Find(key) is { } kept && kept.ExpiresAt > clock.GetUtcNow())
        {
            entry.ExpiresAt = kept.ExpiresAt;
            return Held(kept);
        }

        var robotsUrl = new Uri(url, "/robots.txt");
        StoredRobots answer;
        try
        {
            // Not tied to the first asker's cancellation: other requests may be waiting on the same answer.
            var fetched = await fetchRobotsTxt(new FetchRequest(robotsUrl) { Trust = trust }, CancellationToken.None);
            answer = new StoredRobots(fetched.Body, null, clock.GetUtcNow() + options.RobotsCacheDuration);
        }
        catch (FetchException e) when (e.Failure == FetchFailure.Refused || e.StatusCode is null)
        {
            throw;
        }
        catch (FetchException e) when (e.StatusCode is >= 400 and < 500 and not 429)
        {
            answer = new StoredRobots(null, null, clock.GetUtcNow() + options.RobotsCacheDuration);
        }
        catch (FetchException e)
        {
            answer = new StoredRobots(null, e.Reason, clock.GetUtcNow() + options.RobotsUnreachableRetry);
        }
        entry.ExpiresAt = answer.ExpiresAt;
        store.Save(key, answer);
        return Held(answer);
    }

    private Rules Held(StoredRobots answer) =>
        new(answer.Body is null ? RobotsTxt.AllowAll : RobotsTxt.Parse(answer.Body).ForAgent(options.RobotsProductToken), answer.Unreachable);

    private sealed record Rules(RobotsTxt Txt, string? Unreachable);

    private sealed class Entry
    {
        public Entry(Uri url, NetworkTrust trust, RobotsCache cache) =>
            Rules = new Lazy<Task<Rules>>(() => cache.LoadAsync(url, trust, this));

        public Lazy<Task<Rules>> Rules { get; }

        /// <summary>Null while the first fetch is under way.</summary>
        public DateTimeOffset? ExpiresAt { get; set; }

        // Ticks, so that requests on many threads write it whole (any recent one will do).
        private long _lastAskedTicks;

        /// <summary>When a request last asked for the answer.</summary>
        public DateTimeOffset LastAsked => new(Volatile.Read(ref _lastAskedTicks), TimeSpan.Zero);

        public void Asked(DateTimeOffset now) => Volatile.Write(ref _lastAskedTicks, now.UtcTicks);
    }
}
