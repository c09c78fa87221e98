using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsAggregator.Sources;
using NewsAggregator.Storage;
using Quartz;

namespace NewsAggregator.Hosting;

/// <summary>
/// The service's schedule: one Quartz job per enabled source, put in place when the host starts
/// and brought in line with sources.json on each reload (SIGHUP): new sources are added, removed
/// or disabled ones dropped, changed intervals applied; the rest keep their due times.
/// </summary>
internal sealed class SourceSchedule(
    ISchedulerFactory schedulers,
    SourceCatalog catalog,
    NewsDatabase database,
    SourcesReload reload,
    ServiceSources file,
    ILogger<SourceSchedule> logger) : IHostedService, IDisposable
{
    private const string Group = "sources";
    private readonly SemaphoreSlim _reloading = new(1, 1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var enabled = catalog.All.Where(s => s.Enabled).ToList();
        var states = database.ReadSourceStates();
        var now = DateTimeOffset.UtcNow;
        for (var index = 0; index < enabled.Count; index++)
        {
            var source = enabled[index];
            await AddAsync(scheduler, source, FirstRunAt(source, index, enabled.Count, now, states.GetValueOrDefault(source.Id)), cancellationToken);
        }
        reload.Listen(ReloadAsync);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        reload.Listen(null);
        return Task.CompletedTask;
    }

    public void Dispose() => _reloading.Dispose();

    /// <summary>Reads sources.json again; a file with a mistake is reported and the running schedule kept.</summary>
    internal async Task ReloadAsync()
    {
        await _reloading.WaitAsync();
        try
        {
            IReadOnlyList<Source> sources;
            try
            {
                sources = SourcesFile.Load(file.Path);
            }
            catch (SourcesFileException e)
            {
                logger.LogError("sources.json was not reloaded, the running sources go on: {Reason}", e.Message);
                return;
            }

            var scheduler = await schedulers.GetScheduler();
            var before = catalog.All.Where(s => s.Enabled).ToDictionary(s => s.Id, StringComparer.Ordinal);
            var after = sources.Where(s => s.Enabled).ToDictionary(s => s.Id, StringComparer.Ordinal);
            database.SyncSources(sources, DateTimeOffset.UtcNow);
            catalog.Replace(sources);

            var states = database.ReadSourceStates();
            var now = DateTimeOffset.UtcNow;
            var (added, removed, changed) = (0, 0, 0);
            foreach (var id in before.Keys.Except(after.Keys))
            {
                await scheduler.DeleteJob(new JobKey(id, Group));
                removed++;
            }
            foreach (var (id, source) in after)
            {
                if (!before.TryGetValue(id, out var old))
                {
                    await AddAsync(scheduler, source, FirstRunAt(source, added, after.Count, now, states.GetValueOrDefault(id)), default);
                    added++;
                }
                else if (old.Interval != source.Interval)
                {
                    // The new interval counts from the pass already due, so a change never skips one.
                    var trigger = await scheduler.GetTrigger(new TriggerKey(id, Group));
                    var due = trigger?.NextFireTimeUtc ?? now;
                    await scheduler.RescheduleJob(new TriggerKey(id, Group), Trigger(source, due < now ? now : due));
                    changed++;
                }
            }
            logger.LogInformation(
                "Reloaded {SourcesFile}: {Enabled} enabled sources; {Added} added, {Removed} removed or disabled, {Changed} with a new interval",
                file.Path, after.Count, added, removed, changed);
        }
        catch (Exception e) when (e is StorageException or SchedulerException)
        {
            logger.LogError("sources.json was not reloaded: {Reason}", e.Message);
        }
        finally
        {
            _reloading.Release();
        }
    }

    private static async Task AddAsync(IScheduler scheduler, Source source, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<SourceJob>()
            .WithIdentity(source.Id, Group)
            .UsingJobData(SourceJob.SourceIdKey, source.Id)
            .Build();
        await scheduler.ScheduleJob(job, Trigger(source, start), cancellationToken: cancellationToken);
    }

    private static ITrigger Trigger(Source source, DateTimeOffset start) =>
        TriggerBuilder.Create()
            .WithIdentity(source.Id, Group)
            .StartAt(start)
            .WithSimpleSchedule(schedule => schedule
                .WithInterval(source.Interval)
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();

    /// <summary>
    /// When the service first runs a source: spread over the first minutes so a thousand sources
    /// do not all fire, and stay in step, at the same second; but a source backed off (or asked
    /// to wait) in an earlier run keeps its due time across restarts.
    /// </summary>
    internal static DateTimeOffset FirstRunAt(Source source, int index, int count, DateTimeOffset now, SourceState? state)
    {
        var start = now + FirstRunOffset(index, count, source.Interval);
        return state?.NextDueAt is { } due && due > start ? due : start;
    }

    internal static TimeSpan FirstRunOffset(int index, int count, TimeSpan interval)
    {
        var window = TimeSpan.FromTicks(Math.Min(interval.Ticks, TimeSpan.FromMinutes(5).Ticks));
        return count <= 1 ? TimeSpan.Zero : window * index / count;
    }
}

/// <summary>The sources file the service was started with, read again on reload.</summary>
internal sealed record ServiceSources(string Path);
