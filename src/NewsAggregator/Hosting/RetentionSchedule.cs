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

    // Due times are counted from the start, as times rather than delays: a prune that takes long, or
    // a host slow to run ExecuteAsync (it runs on a thread of its own), shifts nothing.
    private DateTimeOffset _nextAt;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _nextAt = clock.GetUtcNow() + FirstAfter;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = _nextAt - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }
                await Task.Run(() => PruneOnce(stoppingToken), stoppingToken);
                // A day after the last due time; after a long sleep (a suspended machine) the latest
                // due time passed: one prune for the days missed, not one for each.
                _nextAt += Every;
                while (_nextAt + Every <= clock.GetUtcNow())
                {
                    _nextAt += Every;
                }
            }
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
