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
        [nameof(MaxParallelSources), nameof(PagesInFlight), nameof(PageBytesInFlight), nameof(PassDeadlineSeconds), nameof(EntryDeadlineSeconds), nameof(ReportStageTimes),
         FetchSettings.Section, StorageSettings.Section, "Logging"];

    private static readonly AggregationOptions Defaults = new();

    [Range(1, 4096, ErrorMessage = "accepted 1 to 4096")]
    public int MaxParallelSources { get; set; } = Defaults.MaxParallelSources;

    [Range(1, 100_000, ErrorMessage = "accepted 1 to 100000")]
    public int PagesInFlight { get; set; } = Defaults.PagesInFlight;

    [Range(1_048_576L, 68_719_476_736L, ErrorMessage = "accepted 1048576 to 68719476736 (bytes: 1 MiB to 64 GiB)")]
    public long PageBytesInFlight { get; set; } = Defaults.PageBytesInFlight;

    [Range(1, 86_400, ErrorMessage = "accepted 1 to 86400 (seconds)")]
    public int PassDeadlineSeconds { get; set; } = (int)Defaults.PassDeadline.TotalSeconds;

    [Range(1, 3600, ErrorMessage = "accepted 1 to 3600 (seconds)")]
    public int EntryDeadlineSeconds { get; set; } = (int)Defaults.EntryDeadline.TotalSeconds;

    /// <summary>With <c>--once</c>: a last line on standard error with the CPU seconds each stage took (<see cref="StageTimes"/>).</summary>
    public bool ReportStageTimes { get; set; }

    public AggregationOptions ToAggregationOptions() => new()
    {
        MaxParallelSources = MaxParallelSources,
        PagesInFlight = PagesInFlight,
        PageBytesInFlight = PageBytesInFlight,
        PassDeadline = TimeSpan.FromSeconds(PassDeadlineSeconds),
        EntryDeadline = TimeSpan.FromSeconds(EntryDeadlineSeconds),
        ReportStageTimes = ReportStageTimes,
    };
}
