namespace NewsAggregator.Storage;

/// <summary>How the worker uses its database file; the host may bind it as <c>Storage:BusyTimeoutSeconds</c>.</summary>
public sealed record StorageOptions
{
    public static readonly StorageOptions Default = new();

    /// <summary>
    /// How long a write waits for another process that holds the database's write lock (a pipeline's
    /// long transaction, a backup) before it fails; SQLite's busy timeout. The pass that waited fails
    /// with "locked by another process", and the source is tried again at its next due time.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <see cref="BusyTimeout"/> in whole seconds, at least one: Microsoft.Data.Sqlite retries a busy
    /// statement until its command timeout (whole seconds, 0 meaning forever) on top of SQLite's own
    /// busy timeout; with both set to this a wait lasts as long as the setting says, not twice as long.
    /// </summary>
    internal int BusyTimeoutSeconds => Math.Max(1, (int)Math.Ceiling(BusyTimeout.TotalSeconds));

    /// <summary>
    /// Whether the database keeps its full-text index (<c>articles_fts</c>, read by <c>search</c>).
    /// False drops it, and every article then costs its writer about 0.3 ms less CPU
    /// (<see cref="FullTextIndex"/>); true builds it again over every stored article when it is
    /// missing. Null (tools other than the worker) leaves the database as the worker keeps it; a
    /// new database gets the index.
    /// </summary>
    public bool? FullTextSearch { get; init; }

    /// <summary>
    /// Whether each new article's page is kept, compressed, for <c>reextract</c> (<c>article_pages</c>).
    /// Off, passes spend no CPU compressing pages (1–1.6 ms a 170 KB page) and the database is
    /// about a third of the size; the pages already kept stay until their articles are pruned.
    /// </summary>
    public bool KeepPages { get; init; } = true;

    /// <summary>How long articles are kept, when they are not kept for ever: applied by the service once a day and by <c>--once</c> after its passes.</summary>
    public RetentionPeriod? Retention { get; init; }

    /// <summary>How many articles' band keys are held before they are merged into the index (<see cref="RecentBands"/>); small in tests.</summary>
    internal int NearDuplicateMergeAt { get; init; } = RecentBands.DefaultMergeAt;

    /// <summary>How many pages the writer adds to the log between its checkpoints (<see cref="NewsDatabase"/>); small in tests.</summary>
    internal int CheckpointPages { get; init; } = DefaultCheckpointPages;

    /// <summary>For tests: called where a checkpoint begins beside the writer and where the writer waits for one (<see cref="LogCheckpointer"/>).</summary>
    internal CheckpointHooks? CheckpointHooks { get; init; }

    /// <summary>32 MB of 4 KiB pages: SQLite's default of 1 000 checkpointed after nearly every batch (see <see cref="NewsDatabase"/>'s connection settings).</summary>
    internal const int DefaultCheckpointPages = 8192;
}
