using System.Collections.Concurrent;

namespace NewsAggregator.Fetching;

/// <summary>
/// Each host's robots.txt, fetched once and kept for <see cref="FetchOptions.RobotsCacheDuration"/>.
/// Per RFC 9309: a 4xx means no rules (everything allowed); a 5xx or 429 means "disallow
/// everything" until it is asked for again after <see cref="FetchOptions.RobotsUnreachableRetry"/>.
/// A host that cannot be reached at all (refused, timed out) fails the request with that reason,
/// which disallows it just as well and says why; nothing is kept, so the next request asks again.
/// </summary>
internal sealed class RobotsCache(
    FetchOptions options, TimeProvider clock, Func<FetchRequest, CancellationToken, Task<FetchedResource>> fetchRobotsTxt)
{
    private readonly ConcurrentDictionary<string, Entry> _byHost = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RobotsDecision> DecideAsync(Uri url, NetworkTrust trust, CancellationToken cancellationToken)
    {
        var key = HostGate.KeyOf(url);
        var now = clock.GetUtcNow();
        var entry = _byHost.AddOrUpdate(key,
            _ => new Entry(url, trust, this),
            (_, existing) => existing.ExpiresAt is { } expires && expires <= now ? new Entry(url, trust, this) : existing);
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

    private async Task<Rules> LoadAsync(Uri url, NetworkTrust trust, Entry entry)
    {
        var robotsUrl = new Uri(url, "/robots.txt");
        Rules rules;
        try
        {
            // Not tied to the first asker's cancellation: other requests may be waiting on the same answer.
            var fetched = await fetchRobotsTxt(new FetchRequest(robotsUrl) { Trust = trust }, CancellationToken.None);
            rules = new Rules(RobotsTxt.Parse(fetched.Body), null);
            entry.ExpiresAt = clock.GetUtcNow() + options.RobotsCacheDuration;
        }
        catch (FetchException e) when (e.Failure == FetchFailure.Refused || e.StatusCode is null)
        {
            throw;
        }
        catch (FetchException e) when (e.StatusCode is >= 400 and < 500 and not 429)
        {
            rules = new Rules(RobotsTxt.AllowAll, null);
            entry.ExpiresAt = clock.GetUtcNow() + options.RobotsCacheDuration;
        }
        catch (FetchException e)
        {
            rules = new Rules(RobotsTxt.AllowAll, e.Reason);
            entry.ExpiresAt = clock.GetUtcNow() + options.RobotsUnreachableRetry;
        }
        return rules;
    }

    private sealed record Rules(RobotsTxt Txt, string? Unreachable);

    private sealed class Entry
    {
        public Entry(Uri url, NetworkTrust trust, RobotsCache cache) =>
            Rules = new Lazy<Task<Rules>>(() => cache.LoadAsync(url, trust, this));

        public Lazy<Task<Rules>> Rules { get; }

        /// <summary>Null while the first fetch is under way.</summary>
        public DateTimeOffset? ExpiresAt { get; set; }
    }
}
