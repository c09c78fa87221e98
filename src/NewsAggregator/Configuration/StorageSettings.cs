using System.ComponentModel.DataAnnotations;
using NewsAggregator.Storage;

namespace NewsAggregator.Configuration;

/// <summary>The <c>Storage</c> section: how the worker shares the database with other processes.</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary>How long a write waits for another process's write lock before the write fails.</summary>
    [Range(1, 3600, ErrorMessage = "accepted 1 to 3600 (seconds)")]
    public int BusyTimeoutSeconds { get; set; } = (int)new StorageOptions().BusyTimeout.TotalSeconds;

    /// <summary>Whether the database keeps the full-text index <c>search</c> reads (see <see cref="StorageOptions.FullTextSearch"/>).</summary>
    public bool FullTextSearch { get; set; } = true;

    /// <summary>Whether each new article's page is kept, compressed, for <c>reextract</c> (see <see cref="StorageOptions.KeepPages"/>).</summary>
    public bool KeepPages { get; set; } = true;

    /// <summary>
    /// When set, articles first seen more than this many days ago are pruned: by the service once a
    /// day, by <c>--once</c> after its passes (as <c>prune --older-than Nd</c> would).
    /// </summary>
    [Range(1, 36_500, ErrorMessage = "accepted 1 to 36500 (days), or no value for no retention")]
    public int? RetentionDays { get; set; }

    public StorageOptions ToStorageOptions() => new()
    {
        BusyTimeout = TimeSpan.FromSeconds(BusyTimeoutSeconds),
        FullTextSearch = FullTextSearch,
        KeepPages = KeepPages,
        Retention = RetentionDays is { } days ? RetentionPeriod.Days(days) : null,
    };
}
