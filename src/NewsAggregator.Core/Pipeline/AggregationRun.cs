using Microsoft.Extensions.Logging;
using NewsAggregator.Sources;

namespace NewsAggregator.Pipeline;

public sealed class AggregationOptions
{
    /// <summary>
    /// How many sources are worked on at the same time. A pass spends most of its time waiting on
    /// its host's politeness (a second between requests), and waiting costs nothing, so many
    /// passes run at once; the cores are shared out by the extraction stage, not by this.
    /// </summary>
    public int MaxParallelSources { get; set; } = 512;

    /// <summary>The most one source's pass may take; entries not reached by then count as failed.</summary>
    public TimeSpan PassDeadline { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The most one entry (its page's fetch with retries, extraction and storage) may take.</summary>
    public TimeSpan EntryDeadline { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Pages held between fetching and storage at once, across all passes (<see cref="PageSlots"/>):
    /// what bounds the run's memory, whatever the number of sources.
    /// </summary>
    public int PagesInFlight { get; set; } = 256;

    /// <summary>
    /// Bytes of those pages (as fetched) held at once, across all passes (<see cref="PageSlots"/>):
    /// the bound that holds when pages are large, where the count alone would let a few hundred
    /// megabyte pages and their decoded text fill memory. 64 MiB is about 380 of the 170 KiB average
    /// article page, so the count bounds ordinary pages and this one bounds heavy ones.
    /// </summary>
    public long PageBytesInFlight { get; set; } = 64L * 1024 * 1024;

    /// <summary>With <c>--once</c>: report the CPU each stage took (<see cref="StageTimes"/>) when the run ends.</summary>
    public bool ReportStageTimes { get; set; }
}

/// <summary>
/// Runs sources' passes side by side, each isolated: whatever one source throws is recorded
/// against it and the others go on.
/// </summary>
public sealed class AggregationRun(SourcePass pass, AggregationOptions options, ILogger<AggregationRun> logger)
{
    /// <summary>One pass over each source; results in the order the sources were given.</summary>
    /// <param name="completed">
    /// Told of each source's result as soon as its pass is over (its articles stored and its run
    /// recorded), in the order the passes finish. Called on the pass's own thread, from several
    /// passes at once, so it must be thread-safe and quick.
    /// </param>
    public async Task<IReadOnlyList<SourcePassResult>> RunOnceAsync(
        IReadOnlyList<Source> sources, CancellationToken cancellationToken, IProgress<SourcePassResult>? completed = null)
    {
        var results = new SourcePassResult[sources.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelSources), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                results[index] = await RunSourceAsync(sources[index], token);
                completed?.Report(results[index]);
            });
        return results;
    }

    /// <summary>One pass over one source that never throws, short of cancellation.</summary>
    public async Task<SourcePassResult> RunSourceAsync(Source source, CancellationToken cancellationToken)
    {
        try
        {
            return await pass.RunAsync(source, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Source {SourceId} failed unexpectedly", source.Id);
            return new SourcePassResult { SourceId = source.Id, Error = $"internal error: {e.Message}" };
        }
    }
}
