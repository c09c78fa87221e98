using Microsoft.Extensions.Logging;
using NewsAggregator.Sources;

namespace NewsAggregator.Pipeline;

public sealed class AggregationOptions
{
    /// <summary>How many sources are worked on at the same time in a <c>--once</c> run.</summary>
    public int MaxParallelSources { get; set; } = 4;
}

/// <summary>
/// Runs sources' passes side by side, each isolated: whatever one source throws is recorded
/// against it and the others go on.
/// </summary>
public sealed class AggregationRun(SourcePass pass, AggregationOptions options, ILogger<AggregationRun> logger)
{
    /// <summary>One pass over each source; results in the order the sources were given.</summary>
    public async Task<IReadOnlyList<SourcePassResult>> RunOnceAsync(IReadOnlyList<Source> sources, CancellationToken cancellationToken)
    {
        var results = new SourcePassResult[sources.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelSources), CancellationToken = cancellationToken },
            async (index, token) => results[index] = await RunSourceAsync(sources[index], token));
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
