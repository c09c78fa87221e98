using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsAggregator.Configuration;
using NewsAggregator.Hosting;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;

namespace NewsAggregator.Tests.Hosting;

/// <summary><c>Storage:RetentionDays</c> in service mode: a prune a minute after the start, then one a day, on the service's clock.</summary>
public sealed class RetentionScheduleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 0, 0, TimeSpan.Zero);

    // A guard against a hung test, not a timing assertion.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private long Articles() => (long)_files.Scalar("SELECT count(*) FROM articles")!;

    /// <summary>Waits until the service's prune, run on a thread of its own, has left <paramref name="count"/> articles.</summary>
    private async Task ArticlesBecomeAsync(long count)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (Articles() != count)
        {
            await Task.Delay(20, guard.Token);
        }
    }

    [Fact]
    public async Task The_service_prunes_a_minute_after_its_start_and_then_once_a_day()
    {
        var database = _files.OpenWithSources(Start, "a");
        // Seen 31, 29.5 and 29.2 days before the start, and one new story: the first prune
        // takes the first, the next day's the other two old ones.
        foreach (var (daysAgo, number) in new[] { (31.0, 1), (29.5, 2), (29.2, 3), (0.0, 4) })
        {
            database.StoreArticle(ChangeSequenceTests.Article("a", $"https://a.example/{number}", ChangeSequenceTests.DistinctText(number)) with
            {
                FetchedAt = Start.AddDays(-daysAgo),
            });
        }
        var clock = new TimerCountingClock(Start);
        using var schedule = new RetentionSchedule(database, RetentionPeriod.Days(30), clock, NullLogger<RetentionSchedule>.Instance);

        await schedule.StartAsync(CancellationToken.None);
        Assert.Equal(4, Articles());
        // The schedule waits on a thread of its own (BackgroundService runs ExecuteAsync as a
        // task): moving the clock before its timer is set would set the timer a minute after the
        // moved time, and the test would wait for a prune that is not due.
        await clock.TimerSetAsync(HangGuard);
        clock.Advance(RetentionSchedule.FirstAfter);
        await ArticlesBecomeAsync(3);
        await clock.TimerSetAsync(HangGuard);
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(3, Articles());
        clock.Advance(TimeSpan.FromHours(1));
        await ArticlesBecomeAsync(1);
        await schedule.StopAsync(CancellationToken.None);
        database.Close();
    }

    [Theory]
    [InlineData("{}", true, false)]
    [InlineData("""{ "Storage": { "RetentionDays": 90 } }""", true, true)]
    [InlineData("""{ "Storage": { "RetentionDays": 90 } }""", false, false)]
    public void Only_the_service_with_retention_days_set_runs_the_schedule(string settings, bool service, bool scheduled)
    {
        var file = Path.Combine(_files.Folder, "appsettings.json");
        File.WriteAllText(file, settings);
        var configuration = WorkerConfiguration.Build(file, []);
        var database = _files.Open();
        try
        {
            var setup = new WorkerSetup(configuration, WorkerSettingsRegistration.Check(configuration), Path.Combine(_files.Folder, "sources.json"), [],
                database, TextWriter.Null);
            using var host = NewsAggregatorHost.Build(setup, service);

            Assert.Equal(scheduled, host.Services.GetServices<IHostedService>().OfType<RetentionSchedule>().Any());
        }
        finally
        {
            database.Close();
        }
    }
}

/// <summary>A fake clock that says when a timer has been set on it (each <see cref="TimerSetAsync"/> takes one).</summary>
internal sealed class TimerCountingClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _clock = new(start);
    private readonly SemaphoreSlim _timersSet = new(0);

    public void Advance(TimeSpan delta) => _clock.Advance(delta);

    public async Task TimerSetAsync(TimeSpan hangGuard)
    {
        if (!await _timersSet.WaitAsync(hangGuard))
        {
            throw new TimeoutException($"no timer was set within {hangGuard}");
        }
    }

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _clock.CreateTimer(callback, state, dueTime, period);
        _timersSet.Release();
        return timer;
    }
}
