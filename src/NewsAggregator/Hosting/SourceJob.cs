using Microsoft.Extensions.Logging;
using NewsAggregator.Pipeline;
using NewsAggregator.Storage;
using Quartz;

namespace NewsAggregator.Hosting;

/// <summary>
/// The scheduled pass of one source; Quartz never runs two of the same source at once. After each
/// pass the job moves its own trigger to the source's next due time (backoff after failures,
/// Retry-After, feed hints); the trigger still repeats at the interval, so a source whose
/// rescheduling failed keeps running rather than stopping for good.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SourceJob(SourceCatalog catalog, AggregationRun run, ILogger<SourceJob> logger) : IJob
{
    public const string SourceIdKey = "sourceId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = context.MergedJobDataMap.GetString(SourceIdKey);
        if (id is null || catalog.Find(id) is not { Enabled: true } source)
        {
            // Removed or disabled by a reload while this run was already on its way.
            ServiceLog.NoSuchSource(logger, context.JobDetail.Key.ToString());
            return;
        }
        using var scope = ServiceLog.BeginPass(logger, source);
        var result = await run.RunSourceAsync(source, cancellationToken);
        ServiceLog.Pass(logger, result);

        if (result.NextDueAt is not { } due || cancellationToken.IsCancellationRequested || IsStopping(context.Scheduler))
        {
            return;
        }
        try
        {
            // The same trigger (identity, interval, misfire rule), starting over at the due time.
            var moved = context.Trigger.GetTriggerBuilder().StartAt(due).Build();
            var next = await context.Scheduler.RescheduleJob(context.Trigger.Key, moved, cancellationToken);
            ServiceLog.Rescheduled(logger, source.Id, next is { } at ? NewsDatabase.Format(at) : "none");
        }
        catch (SchedulerException) when (IsStopping(context.Scheduler))
        {
            // The service is stopping (SIGTERM during the pass): the due time is in source_state
            // already, and the next start schedules from it.
        }
    }

    private static bool IsStopping(IScheduler scheduler) => scheduler.Status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown;
}
