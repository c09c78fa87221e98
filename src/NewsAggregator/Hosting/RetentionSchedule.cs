using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsAggregator.Storage;

namespace NewsAggregator.Hosting;

/// <summary>
/// <c>Storage:RetentionDays</c> in service mode: prunes the database a minute after the start and
/// then once a day, beside the passes (a batch per transaction: the passes' writes get in between).
/// A prune that fails is logged and tried again the next day; the passes go on either way.
/// </summary>
internal sealed class RetentionSchedule(NewsDatabase database, RetentionPeriod period, TimeProvider clock, ILogger<RetentionSchedule> logger)
    : BackgroundService
{
    /// <summary>After the start, so that the first passes begin before the first prune.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstAfter, clock, stoppingToken);
            using var daily = new PeriodicTimer(Every, clock);
            do
            {
                await Task.Run(() => PruneOnce(stoppingToken), stoppingToken);
            }
            while (await daily.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a prune cut short between batches keeps what it committed.
        }
    }

    private void PruneOnce(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            var report = database.Prune(period.CutoffBefore(now), now, cancellationToken: stoppingToken);
            ServiceLog.Pruned(logger, report.Articles, period.ToString(), NewsDatabase.Format(report.Cutoff), report.BytesBefore - report.BytesAfter);
        }
        catch (StorageException e)
        {
            ServiceLog.PruneFailed(logger, period.ToString(), e.Message);
        }
    }
}
