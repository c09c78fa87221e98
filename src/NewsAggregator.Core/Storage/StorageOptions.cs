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
}
