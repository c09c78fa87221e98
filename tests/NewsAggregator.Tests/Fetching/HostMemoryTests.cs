using Microsoft.Extensions.Time.Testing;
using NewsAggregator.Fetching;

namespace NewsAggregator.Tests.Fetching;

/// <summary>
/// What the fetcher keeps per host (its politeness state in <see cref="HostGate"/>, its robots.txt
/// answer in RobotsCache) lasts only while it matters, so a service that meets new hosts for months
/// does not hold every one of them; letting a host go never shortens its spacing or its Retry-After.
/// </summary>
public sealed class HostMemoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly Uri Site = new("https://www.harwick-herald.example/news/1");

    private readonly FakeTimeProvider _clock = new(Start);

    private readonly FetchOptions _options = new()
    {
        MaxConcurrentPerHost = 1,
        MinDelayPerHost = TimeSpan.FromSeconds(1),
        RobotsCacheDuration = TimeSpan.FromHours(24),
    };

    private static Uri Page(int site) => new($"https://site{site}.example/news/{site}");

    [Fact]
    public async Task Hosts_are_let_go_once_their_spacing_is_over()
    {
        var gate = new HostGate(_options, _clock);
        for (var i = 0; i < 10; i++)
        {
            (await gate.EnterAsync(Page(i), CancellationToken.None)).Dispose();
        }

        gate.Sweep();
        Assert.Equal(10, gate.HostsHeld);

        _clock.Advance(TimeSpan.FromSeconds(1));
        gate.Sweep();
        Assert.Equal(0, gate.HostsHeld);
    }

    [Fact]
    public async Task A_host_with_a_request_in_flight_or_a_Retry_After_standing_is_kept()
    {
        var gate = new HostGate(_options, _clock);
        var turn = await gate.EnterAsync(Page(1), CancellationToken.None);
        gate.Defer(Page(2), Start.AddHours(1));
        _clock.Advance(TimeSpan.FromMinutes(5));

        gate.Sweep();
        Assert.Equal(2, gate.HostsHeld);

        turn.Dispose();
        gate.Sweep();
        Assert.Equal(1, gate.HostsHeld);
        // The Retry-After still stands for the host that was kept.
        var refused = await Assert.ThrowsAsync<FetchException>(() => gate.EnterAsync(Page(2), CancellationToken.None));
        Assert.Contains("Retry-After", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_before_the_spacing_is_over_keeps_the_next_request_waiting()
    {
        var gate = new HostGate(_options, _clock);
        (await gate.EnterAsync(Site, CancellationToken.None)).Dispose();
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        gate.Sweep();

        var next = gate.EnterAsync(Site, CancellationToken.None);
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await next).Dispose();
    }

    [Fact]
    public async Task Turns_sweep_by_themselves()
    {
        var gate = new HostGate(_options, _clock);
        for (var i = 0; i < HostGate.SweepEvery; i++)
        {
            (await gate.EnterAsync(Page(i), CancellationToken.None)).Dispose();
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        // The last turn swept every host but its own, whose spacing had not run out yet.
        Assert.Equal(1, gate.HostsHeld);
    }

    [Fact]
    public async Task Robots_answers_the_store_keeps_leave_memory_when_idle_and_come_back_from_the_store()
    {
        var asked = new List<Uri>();
        var store = new KeptRobots();
        var cache = new RobotsCache(_options, _clock, (request, _) =>
        {
            asked.Add(request.Url);
            return Task.FromResult(Robots(request.Url, "User-agent: *\nDisallow: /private/\n"));
        }, store);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await cache.DecideAsync(Page(i), NetworkTrust.PublicOnly, CancellationToken.None)).Allowed);
        }

        _clock.Advance(RobotsCache.HeldWhileIdle / 2);
        Assert.True((await cache.DecideAsync(Page(0), NetworkTrust.PublicOnly, CancellationToken.None)).Allowed);
        _clock.Advance(RobotsCache.HeldWhileIdle / 2);
        cache.Sweep(_clock.GetUtcNow());
        Assert.Equal(1, cache.HostsHeld);

        // Read back from the store: no second request for the host's robots.txt, and the same rules.
        Assert.False((await cache.DecideAsync(new Uri(Page(1), "/private/x"), NetworkTrust.PublicOnly, CancellationToken.None)).Allowed);
        Assert.Equal(3, asked.Count);
        Assert.Equal(2, cache.HostsHeld);
    }

    [Fact]
    public async Task Robots_answers_are_dropped_once_they_expire()
    {
        var asked = new List<Uri>();
        var cache = new RobotsCache(_options, _clock, (request, _) =>
        {
            asked.Add(request.Url);
            return Task.FromResult(Robots(request.Url, "User-agent: *\nDisallow: /private/\n"));
        }, NoRobotsStore.Instance);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await cache.DecideAsync(Page(i), NetworkTrust.PublicOnly, CancellationToken.None)).Allowed);
        }

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.True((await cache.DecideAsync(Page(0), NetworkTrust.PublicOnly, CancellationToken.None)).Allowed);
        cache.Sweep(_clock.GetUtcNow());
        Assert.Equal(3, cache.HostsHeld);

        _clock.Advance(TimeSpan.FromHours(1));
        cache.Sweep(_clock.GetUtcNow());
        Assert.Equal(0, cache.HostsHeld);
        Assert.False((await cache.DecideAsync(new Uri(Page(1), "/private/x"), NetworkTrust.PublicOnly, CancellationToken.None)).Allowed);
        Assert.Equal(4, asked.Count);
    }

    private FetchedResource Robots(Uri url, string body) => new()
    {
        RequestedUrl = url,
        FinalUrl = url,
        Body = System.Text.Encoding.UTF8.GetBytes(body),
        FetchedAt = _clock.GetUtcNow(),
    };

    /// <summary>Keeps answers as the database does, in memory.</summary>
    private sealed class KeptRobots : IRobotsStore
    {
        private readonly Dictionary<string, StoredRobots> _kept = [];

        public StoredRobots? Find(string hostKey) => _kept.GetValueOrDefault(hostKey);

        public void Save(string hostKey, StoredRobots robots) => _kept[hostKey] = robots;
    }
}
