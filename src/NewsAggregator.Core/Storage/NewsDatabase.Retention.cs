using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>Retention: deleting old articles with everything keyed by them, and giving their space back.</summary>
public sealed partial class NewsDatabase
{
    /// <summary>The table <see cref="RecentBands"/> persists the keys it holds in.</summary>
    private const string HeldKeysTable = "near_duplicate_recent";

    /// <summary>Free pages given back to the disk by one transaction of the incremental vacuum (16 MB of 4 KB pages).</summary>
    private const int VacuumPagesPerTransaction = 4096;

    /// <summary>
    /// Deletes the articles first seen before <paramref name="cutoff"/> (all but the newest
    /// article: see <see cref="ArticleRetention"/>), with their sightings, index keys and every
    /// other row keyed by them, a batch per transaction with a pause between, so that readers and
    /// a worker writing meanwhile wait for one batch at most; remembers their URLs, so that a feed
    /// still listing one does not bring it back as new (having first forgotten the remembered URLs
    /// no source has listed since the cutoff); then gives the freed space back to the disk as the file allows.
    /// </summary>
    /// <param name="progress">Called after each committed batch, on the caller's thread.</param>
    /// <exception cref="OperationCanceledException">Between two batches: those committed stay done.</exception>
    /// <exception cref="StorageException">A batch failed (it was rolled back; those before it stay done).</exception>
    public PruneReport Prune(
        DateTimeOffset cutoff, DateTimeOffset now, PruneOptions? options = null, Action<PruneProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= PruneOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var (cutoffText, nowText) = (Format(cutoff), Format(now));
        var before = Read(SizeOf);
        var rows = ArticleRetention.DependentTables.Select(table => table.Name).Append(ArticleRetention.BandTable)
            .ToDictionary(name => name, _ => 0L, StringComparer.Ordinal);
        long articles = 0, remembered = 0, forgotten = 0;
        var batches = 0;
        // First, so that the URLs this prune remembers are not forgotten by it (with a cutoff after now),
        // and with them the change feed's deletions older than the cutoff.
        bool forgotAny;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (urls, deletions) = InWriteTransaction((connection, transaction) => (
                ArticleRetention.ForgetUrls(connection, transaction, cutoffText, options.BatchSize),
                ArticleDeletions.Forget(connection, transaction, cutoffText, options.BatchSize)));
            forgotten += urls;
            forgotAny = urls + deletions > 0;
        }
        while (forgotAny);

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var heldBefore = rows[HeldKeysTable];
            var deleted = InWriteTransaction((connection, transaction) =>
            {
                var batch = ArticleRetention.Doomed(connection, transaction, cutoffText, options.BatchSize).ToList();
                if (batch.Count == 0)
                {
                    return 0L;
                }
                var ids = JsonIntegers.Of(batch.Select(article => article.Id));
                rows[ArticleRetention.BandTable] += ArticleRetention.DeleteBandKeys(connection, transaction, batch, delete: true);
                remembered += ArticleRetention.RememberUrls(connection, transaction, ids, nowText);
                foreach (var table in ArticleRetention.DependentTables)
                {
                    rows[table.Name] += ArticleRetention.DeleteRows(connection, transaction, table, ids);
                }
                var deletedNow = ArticleRetention.DeleteArticles(connection, transaction, ids);
                ArticleDeletions.MarkPruned(connection, transaction, ids, nowText);
                return deletedNow;
            });
            if (rows[HeldKeysTable] != heldBefore)
            {
                // Rows of near_duplicate_recent went with the articles: this process's copy of them
                // is read again by the writer's next transaction (another process's notices by itself).
                _recent.Invalidate();
            }
            if (deleted == 0)
            {
                break;
            }
            articles += deleted;
            batches++;
            progress?.Invoke(new PruneProgress(batches, articles));
            Pause(options.PauseBetweenBatches, cancellationToken);
        }
        if (articles > 0)
        {
            CompactFullTextIndex(articles, cancellationToken);
        }
        var reclaim = Reclaim(options, freedAnything: articles > 0 || forgotten > 0, cancellationToken);
        var after = Read(SizeOf);
        return new PruneReport
        {
            Cutoff = cutoff,
            Articles = articles,
            DependentRows = rows.Select(pair => new TableRows(pair.Key, pair.Value)).ToList(),
            UrlsRemembered = remembered,
            UrlsForgotten = forgotten,
            Batches = batches,
            BytesBefore = before.Bytes,
            BytesAfter = after.Bytes,
            FreeBytesAfter = after.FreeBytes,
            Reclaim = reclaim,
        };
    }

    /// <summary>
    /// <c>prune --dry-run</c>: what <see cref="Prune"/> with this cutoff would delete, counted in one
    /// read through <see cref="ReadOnlyDatabase"/>, so that a dry run neither creates the file nor
    /// migrates it (opening it to write would do both); nothing is changed.
    /// </summary>
    /// <exception cref="StorageException">The file is missing, empty, not ours, older than this program, damaged, locked or unreadable.</exception>
    public static PruneReport PreviewPrune(string path, DateTimeOffset cutoff, StorageOptions? options = null) =>
        ReadOnlyDatabase.Read(path, options, (connection, version) => version < Schema.Migrations.Length
            ? throw new StorageException(
                $"{path}: the database is at schema version {version}, older than this program's ({Schema.Migrations.Length}); " +
                "run the worker once (newsaggregator --once) to upgrade it, then prune --dry-run")
            : Preview(connection, cutoff));

    private static PruneReport Preview(SqliteConnection connection, DateTimeOffset cutoff)
    {
        var cutoffText = Format(cutoff);
        // One snapshot, so that the counts agree with each other while the worker writes.
        using var snapshot = connection.BeginTransaction(deferred: true);
        var rows = ArticleRetention.DependentTables
            .Select(table => new TableRows(table.Name, ArticleRetention.CountRows(connection, snapshot, table, cutoffText)))
            .ToList();
        // The band keys are counted as a prune finds them, from the texts, streamed.
        rows.Add(new TableRows(ArticleRetention.BandTable,
            ArticleRetention.DeleteBandKeys(connection, snapshot, ArticleRetention.Doomed(connection, snapshot, cutoffText, -1), delete: false)));
        var size = SizeOf(connection, snapshot);
        var report = new PruneReport
        {
            Cutoff = cutoff,
            DryRun = true,
            Articles = ArticleRetention.CountArticles(connection, snapshot, cutoffText),
            DependentRows = rows,
            UrlsRemembered = ArticleRetention.CountUrls(connection, snapshot, cutoffText),
            UrlsForgotten = ArticleRetention.CountForgettable(connection, snapshot, cutoffText),
            BytesBefore = size.Bytes,
            BytesAfter = size.Bytes,
            FreeBytesAfter = size.FreeBytes,
            Reclaim = SpaceReclaim.NothingFreed,
        };
        snapshot.Rollback();
        return report;
    }

    /// <summary>
    /// Whether <paramref name="url"/> (canonical) is that of an article a prune deleted: a pass treats
    /// it as known rather than storing the story again. A hit notes that a source still lists it,
    /// which keeps it remembered for as long as some source does.
    /// </summary>
    public bool WasPruned(string url, DateTimeOffset now)
    {
        if (!Read(connection => ArticleRetention.IsRemembered(connection, url)))
        {
            return false;
        }
        InWriteTransaction((connection, transaction) => ArticleRetention.MarkListed(connection, transaction, url, Format(now)));
        return true;
    }

    private static void Pause(TimeSpan pause, CancellationToken cancellationToken)
    {
        if (pause > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(pause);
        }
    }

    private readonly record struct FileSize(long Bytes, long FreeBytes);

    private static FileSize SizeOf(SqliteConnection connection) => SizeOf(connection, null);

    private static FileSize SizeOf(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var pageSize = Convert.ToInt64(Scalar(connection, "PRAGMA page_size;", transaction), CultureInfo.InvariantCulture);
        var pages = Convert.ToInt64(Scalar(connection, "PRAGMA page_count;", transaction), CultureInfo.InvariantCulture);
        var free = Convert.ToInt64(Scalar(connection, "PRAGMA freelist_count;", transaction), CultureInfo.InvariantCulture);
        return new FileSize(pages * pageSize, free * pageSize);
    }

    /// <summary>Index pages an incremental full-text merge step rewrites in one transaction.</summary>
    private const int FullTextMergePages = 500;

    /// <summary>
    /// The full-text index keeps a deleted article's words as deletion markers in new segments until
    /// the segments holding the article are merged, which FTS5 does by itself only as the index grows:
    /// a prune of a large share of the articles would give back little space, or even grow the file.
    /// When this prune deleted a tenth of the articles or more, the index is merged all the way down
    /// (FTS5's incremental optimize, <c>'merge'</c> with a negative page count), a few hundred pages
    /// per transaction so the worker's writes wait no longer than for a batch. A daily prune of a
    /// small share leaves it to FTS5's own merging: rewriting the whole index each day would cost more
    /// than the space it returns.
    /// </summary>
    private void CompactFullTextIndex(long deleted, CancellationToken cancellationToken)
    {
        var remaining = Read(connection => FullTextIndex.Exists(connection, null)
            ? Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM articles;"), CultureInfo.InvariantCulture)
            : -1);
        if (remaining < 0 || deleted < (remaining + deleted) / 10)
        {
            return;
        }
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The step's own INSERT counts one change; a merge that did work counts two or more (FTS5's
            // documented way to tell), and none left means the index is down to one segment.
            var merged = InWriteTransaction((connection, transaction) =>
            {
                var before = Convert.ToInt64(Scalar(connection, "SELECT total_changes();", transaction), CultureInfo.InvariantCulture);
                Execute(connection, $"INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', -{FullTextMergePages});", transaction);
                return Convert.ToInt64(Scalar(connection, "SELECT total_changes();", transaction), CultureInfo.InvariantCulture) - before >= 2;
            });
            if (!merged)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Gives the free pages back to the disk. Incremental vacuum where the file is set up for it (every
    /// file made since prune exists is): a few thousand pages per transaction, so the worker's
    /// writes wait no longer than for a batch. A full VACUUM only when asked: it rewrites the whole
    /// file, needs free disk as large as it, and holds the write lock throughout.
    /// </summary>
    private SpaceReclaim Reclaim(PruneOptions options, bool freedAnything, CancellationToken cancellationToken)
    {
        var mode = Read(connection => Convert.ToInt32(Scalar(connection, "PRAGMA auto_vacuum;"), CultureInfo.InvariantCulture));
        switch (mode)
        {
            case 1:
                return SpaceReclaim.AutoVacuum;
            case 2:
                var free = Read(SizeOf).FreeBytes;
                if (free == 0)
                {
                    return freedAnything ? SpaceReclaim.IncrementalVacuum : SpaceReclaim.NothingFreed;
                }
                while (free > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    InWriteTransaction((connection, transaction) =>
                        Execute(connection, $"PRAGMA incremental_vacuum({VacuumPagesPerTransaction});", transaction));
                    var left = Read(SizeOf).FreeBytes;
                    if (left >= free)
                    {
                        break;
                    }
                    free = left;
                }
                return SpaceReclaim.IncrementalVacuum;
            default:
                if (!options.Vacuum)
                {
                    return Read(SizeOf).FreeBytes == 0 ? SpaceReclaim.NothingFreed : SpaceReclaim.KeptForReuse;
                }
                RewriteFile();
                return SpaceReclaim.Vacuum;
        }
    }

    /// <summary>Sets the file up for incremental vacuum and rewrites it (the only way to change that setting on a file with tables).</summary>
    private void RewriteFile()
    {
        lock (_writeLock)
        {
            var connection = OpenConnection();
            try
            {
                Execute(connection, "PRAGMA auto_vacuum = INCREMENTAL;");
                Execute(connection, "VACUUM;");
            }
            catch (SqliteException e)
            {
                throw Problem(e, connection);
            }
            finally
            {
                Dispose(connection);
            }
        }
    }
}
