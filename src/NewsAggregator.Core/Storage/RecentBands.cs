using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>
/// The band keys of the articles stored since the last merge into <c>near_duplicate_bands</c>: held
/// in memory for lookups, persisted as one row an article in <c>near_duplicate_recent</c> (written in
/// the article's own transaction, so a crash loses none), and merged into the big index in one
/// sorted statement every <see cref="DefaultMergeAt"/> articles.
/// </summary>
/// <remarks>
/// Band keys are random by design, so inserting an article's 32 keys straight into the index
/// changed 32 pages all over it, and every commit wrote each changed page to the log again: two
/// thirds of the writer's time (storage-writer benchmark: 200 of 270 µs an article). A row an article
/// in a table keyed by article id is one append, and a merge in key order changes each index page
/// once for thousands of articles.
/// Another process writing the same file (a <c>--once</c> beside the service) is followed by
/// <see cref="CatchUp"/> at the start of each write transaction, which reloads this copy when the
/// table's count or highest id differ from it. (A text the other process replaced keeps its article's
/// id and the count: its new keys are seen here after the next merge.)
/// </remarks>
internal sealed class RecentBands(int mergeAt = RecentBands.DefaultMergeAt)
{
    /// <summary>Articles held before they are merged: a merge then costs a fraction of a second, and the copy a few MB.</summary>
    public const int DefaultMergeAt = 4096;

    /// <summary>Whether enough articles are held that the writer should merge them now.</summary>
    public bool DueForMerge => Count >= mergeAt;

    private readonly Lock _lock = new();
    // A key is held by one article but for copies: the one article's id is a value of a flat table
    // (about 30 bytes a key, no object of its own: 130 000 small lists were 12 MB of the heap that
    // every full collection walked), and the few keys several articles share have a list.
    private readonly Dictionary<long, long> _articleByKey = new(mergeAt * LshBands.Count);
    private readonly Dictionary<long, List<long>> _articlesBySharedKey = [];
    private readonly Dictionary<long, (long[] Keys, StorySketch? Sketch)> _byArticle = new(mergeAt);
    private long _highestId;
    private bool _stale = true;
    private long _generation;
    // The connection and data_version of the last CatchUp: while both are the same, nobody else wrote.
    private WeakReference? _checkedOn;
    private long _checkedVersion;

    /// <summary>
    /// Changes whenever held keys are let go (merged into the index, or dropped to be reloaded):
    /// while it stays the same, every article stored since a lookup of the index is still held.
    /// </summary>
    public long Generation
    {
        get
        {
            lock (_lock)
            {
                return _generation;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byArticle.Count;
            }
        }
    }

    /// <summary>Stores an article's keys in the caller's transaction and holds them; <see cref="Invalidate"/> if that transaction fails.</summary>
    public void Add(SqliteConnection connection, SqliteTransaction transaction, long articleId, long[] keys, StorySketch? sketch)
    {
        var command = Statements.For(connection, transaction,
            "INSERT OR REPLACE INTO near_duplicate_recent (article_id, band_keys) VALUES ($article, $keys);");
        command.Parameters.AddWithValue("$article", articleId);
        command.Parameters.AddWithValue("$keys", JsonIntegers.Of(keys));
        command.ExecuteNonQuery();
        Hold(articleId, keys, sketch);
    }

    /// <summary>Removes an article's keys held here (when its text is replaced), in the caller's transaction.</summary>
    public void Remove(SqliteConnection connection, SqliteTransaction transaction, long articleId)
    {
        var command = Statements.For(connection, transaction, "DELETE FROM near_duplicate_recent WHERE article_id = $article;");
        command.Parameters.AddWithValue("$article", articleId);
        command.ExecuteNonQuery();
        lock (_lock)
        {
            Unhold(articleId);
        }
    }

    /// <summary>The held articles sharing a key with <paramref name="keys"/>, with their sketches, added to <paramref name="found"/>.</summary>
    public void Find(IReadOnlyList<long> keys, Dictionary<long, StorySketch?> found)
    {
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (_articleByKey.TryGetValue(key, out var article))
                {
                    found.TryAdd(article, _byArticle[article].Sketch);
                }
                else if (_articlesBySharedKey.TryGetValue(key, out var articles))
                {
                    foreach (var sharing in articles)
                    {
                        found.TryAdd(sharing, _byArticle[sharing].Sketch);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Brings this copy in line with the table, in the writer's transaction: after rows another
    /// process added or merged, or a failed write of ours, it is loaded again.
    /// </summary>
    /// <remarks>
    /// SQLite's <c>data_version</c> tells a connection whether any other connection has committed
    /// since it last asked; when none has, on the connection that made this copy's last change, the
    /// copy is current and the table is not read. Counting the table's rows (a scan of up to a merge's
    /// worth of JSON rows) in every transaction cost the writer about 20 µs an article in batches of ten.
    /// </remarks>
    public void CatchUp(SqliteConnection connection, SqliteTransaction transaction)
    {
        var version = (long)Statements.For(connection, transaction, "PRAGMA data_version;").ExecuteScalar()!;
        lock (_lock)
        {
            var sameConnection = ReferenceEquals(_checkedOn?.Target, connection);
            var unchanged = !_stale && sameConnection && version == _checkedVersion;
            if (!sameConnection)
            {
                _checkedOn = new WeakReference(connection);
            }
            _checkedVersion = version;
            if (unchanged)
            {
                return;
            }
        }
        var state = Statements.For(connection, transaction, "SELECT count(*), coalesce(max(article_id), 0) FROM near_duplicate_recent;");
        long rows, highest;
        using (var reader = state.ExecuteReader())
        {
            reader.Read();
            (rows, highest) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        lock (_lock)
        {
            // Equal count and highest id: nothing new. Anything else (rows another process added or
            // merged, a failed write of ours) is reloaded whole: a few thousand rows, rarely.
            if (!_stale && rows == _byArticle.Count && highest == _highestId)
            {
                return;
            }
            Empty();
            _stale = false;
        }
        var load = Statements.For(connection, transaction, """
            SELECT r.article_id, r.band_keys, s.sketch
            FROM near_duplicate_recent r LEFT JOIN near_duplicate_sketches s ON s.article_id = r.article_id
            ORDER BY r.article_id;
            """);
        using var rowsRead = load.ExecuteReader();
        while (rowsRead.Read())
        {
            var sketch = rowsRead.IsDBNull(2) ? null : StorySketch.FromBytes((byte[])rowsRead.GetValue(2));
            Hold(rowsRead.GetInt64(0), FromJson(rowsRead.GetString(1)), sketch);
        }
    }

    /// <summary>
    /// Moves every held key into <c>near_duplicate_bands</c>, in key order, in the caller's
    /// transaction; <see cref="Clear"/> once it has committed, <see cref="Invalidate"/> if it failed.
    /// </summary>
    public static void Merge(SqliteConnection connection, SqliteTransaction transaction)
    {
        // WHERE true: SQLite's grammar needs it for ON CONFLICT after a SELECT with a join.
        var merge = Statements.For(connection, transaction, """
            INSERT INTO near_duplicate_bands (band_key, article_id)
            SELECT k.value, r.article_id FROM near_duplicate_recent r JOIN json_each(r.band_keys) k
            WHERE true ORDER BY 1, 2
            ON CONFLICT DO NOTHING;
            """);
        merge.ExecuteNonQuery();
        Statements.For(connection, transaction, "DELETE FROM near_duplicate_recent;").ExecuteNonQuery();
    }

    public void Clear()
    {
        lock (_lock)
        {
            Empty();
        }
    }

    private void Empty()
    {
        _generation++;
        _articleByKey.Clear();
        _articlesBySharedKey.Clear();
        _byArticle.Clear();
        _highestId = 0;
    }

    /// <summary>A write that touched this copy failed: the next <see cref="CatchUp"/> reloads it from the table.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _stale = true;
        }
    }

    private void Hold(long articleId, long[] keys, StorySketch? sketch)
    {
        lock (_lock)
        {
            Unhold(articleId);
            _byArticle[articleId] = (keys, sketch);
            foreach (var key in keys)
            {
                if (_articlesBySharedKey.TryGetValue(key, out var sharing))
                {
                    sharing.Add(articleId);
                }
                else if (_articleByKey.TryGetValue(key, out var other) && other != articleId)
                {
                    _articleByKey.Remove(key);
                    _articlesBySharedKey[key] = [other, articleId];
                }
                else
                {
                    _articleByKey[key] = articleId;
                }
            }
            _highestId = Math.Max(_highestId, articleId);
        }
    }

    private void Unhold(long articleId)
    {
        if (!_byArticle.Remove(articleId, out var held))
        {
            return;
        }
        foreach (var key in held.Keys)
        {
            if (_articlesBySharedKey.TryGetValue(key, out var sharing))
            {
                sharing.Remove(articleId);
                if (sharing.Count == 1)
                {
                    _articlesBySharedKey.Remove(key);
                    _articleByKey[key] = sharing[0];
                }
            }
            else if (_articleByKey.TryGetValue(key, out var holder) && holder == articleId)
            {
                _articleByKey.Remove(key);
            }
        }
    }

    // Held keys are stored as JSON text (JsonIntegers), so that the merge can spread them into rows with SQLite's json_each.
    private static long[] FromJson(string json) =>
        json.AsSpan().Trim("[]") is var inner && inner.IsEmpty
            ? []
            : Array.ConvertAll(inner.ToString().Split(','), key => long.Parse(key, CultureInfo.InvariantCulture));
}
