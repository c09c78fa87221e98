using System.ComponentModel.DataAnnotations;
using NewsAggregator.Pipeline;

namespace NewsAggregator.Configuration;

/// <summary>
/// Settings at the top level of the configuration. <c>MaxParallelSources</c> stays at the top
/// (NEWSAGGREGATOR_MaxParallelSources) as it was documented before sections existed.
/// </summary>
public sealed class WorkerSettings
{
    /// <summary>The top-level keys the worker reads; any other is a mistake worth stopping for.</summary>
    public static readonly string[] KnownKeys =
        [nameof(MaxParallelSources), FetchSettings.Section, StorageSettings.Section, "Logging"];

    [Range(1, 1024, ErrorMessage = "accepted 1 to 1024")]
    public int MaxParallelSources { get; set; } = new AggregationOptions().MaxParallelSources;

    public AggregationOptions ToAggregationOptions() => new() { MaxParallelSources = MaxParallelSources };
}
