namespace NewsAggregator.Storage;

/// <summary>How a prune goes about its work.</summary>
public sealed record PruneOptions
{
    public static readonly PruneOptions Default = new();

    /// <summary>
    /// Articles deleted in one transaction: each holds the write lock for about a fifth of a second
    /// (an article's band keys are worked out from its text and deleted one by one: about 1 ms an
    /// article in the prune benchmark), so the worker's batches get in between.
    /// </summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>
    /// Time left between two transactions. Another process waiting for the write lock polls for it
    /// (SQLite's busy handler sleeps up to 100 ms between tries); without a pause the next batch
    /// would nearly always take the lock first.
    /// </summary>
    public TimeSpan PauseBetweenBatches { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// On a file made before incremental vacuum was set up, set it up and rewrite the file (VACUUM):
    /// gives the space back now and lets later prunes do it a bit at a time, at the price of free
    /// disk as large as the database and the worker's writes waiting while it runs.
    /// </summary>
    public bool Vacuum { get; init; }
}

/// <summary>How the space of deleted rows was given back to the disk.</summary>
public enum SpaceReclaim
{
    /// <summary>Nothing was freed, so nothing needed giving back.</summary>
    NothingFreed,
    /// <summary><c>PRAGMA incremental_vacuum</c>, in bounded transactions: the file shrank by the pages freed.</summary>
    IncrementalVacuum,
    /// <summary>The file is in <c>auto_vacuum = FULL</c> (set up by someone else): SQLite shrank it at each commit.</summary>
    AutoVacuum,
    /// <summary>The file was rewritten (<c>--vacuum</c>) and is set up for incremental vacuum from now on.</summary>
    Vacuum,
    /// <summary>
    /// A file made before incremental vacuum was set up: the freed pages stay inside it, where new
    /// articles reuse them (it grows no more until they are used up); <c>--vacuum</c> gives them back.
    /// </summary>
    KeptForReuse,
}

/// <summary>Rows of one table that went (or would go) with the articles pruned.</summary>
public readonly record struct TableRows(string Table, long Rows);

/// <summary>Where a prune has got to: called after each committed batch.</summary>
public readonly record struct PruneProgress(int Batches, long Articles);

/// <summary>What a prune deleted, or for a dry run would delete, and the database's size around it.</summary>
public sealed record PruneReport
{
    /// <summary>Articles first seen before this time were deleted (but the newest article, which is always kept).</summary>
    public required DateTimeOffset Cutoff { get; init; }

    public bool DryRun { get; init; }

    public long Articles { get; init; }

    /// <summary>Rows deleted with the articles, table by table (sightings, index keys, ...).</summary>
    public required IReadOnlyList<TableRows> DependentRows { get; init; }

    /// <summary>URLs of deleted articles remembered in <c>pruned_urls</c>, so feeds still listing them do not bring them back.</summary>
    public long UrlsRemembered { get; init; }

    /// <summary>Remembered URLs no source had listed since the cutoff, forgotten.</summary>
    public long UrlsForgotten { get; init; }

    /// <summary>Transactions the deletes took.</summary>
    public int Batches { get; init; }

    /// <summary>The database's size (pages × page size) before the prune.</summary>
    public long BytesBefore { get; init; }

    /// <summary>Its size after the prune and the reclaim; for a dry run, the same as before.</summary>
    public long BytesAfter { get; init; }

    /// <summary>Free pages left inside the file (reused by new rows), in bytes.</summary>
    public long FreeBytesAfter { get; init; }

    public SpaceReclaim Reclaim { get; init; }

    public long RowsIn(string table) => DependentRows.Where(rows => rows.Table == table).Sum(rows => rows.Rows);
}
