using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>
/// The persisted side of near-duplicate detection: the table <c>near_duplicate_bands</c> holds
/// each indexed article's <see cref="LshBands"/> keys, so a new story's candidates are one
/// indexed <c>IN</c> lookup of its 32 keys, at any number of stored articles, plus a look in the
/// keys of the latest articles, held by <see cref="RecentBands"/> until they are merged in. Candidates are
/// then confirmed on exact shingles, re-computed from the stored text: no shingles are stored
/// (they would cost about 6 KB an article: 750 hashes of 8 bytes for the benchmark's average
/// article, twelve times the index), and re-shingling a candidate costs about 0.3 ms, paid
/// only for the rare candidates.
/// </summary>
internal static class NearDuplicateIndex
{
    /// <summary>
    /// Indexes an article under its band keys, with its sketch (none for a text too short to
    /// compare): into <paramref name="recent"/>, merged into the index later, or with none (filling the
    /// index for existing articles in a migration) straight into <c>near_duplicate_bands</c>.
    /// </summary>
    public static void Add(SqliteConnection connection, SqliteTransaction transaction, long articleId, NearDuplicateKeys keys, RecentBands? recent)
    {
        if (keys.Sketch is { } sketch)
        {
            var command = Statements.For(connection, transaction, "INSERT OR REPLACE INTO near_duplicate_sketches (article_id, sketch) VALUES ($article, $sketch);");
            command.Parameters.AddWithValue("$article", articleId);
            command.Parameters.AddWithValue("$sketch", sketch.Bytes.ToArray());
            command.ExecuteNonQuery();
        }
        if (keys.BandKeys.Length == 0)
        {
            return;
        }
        if (recent is not null)
        {
            recent.Add(connection, transaction, articleId, keys.BandKeys, keys.Sketch);
            return;
        }
        ForEachKey(connection, transaction, articleId, keys.BandKeys,
            "INSERT INTO near_duplicate_bands (band_key, article_id) VALUES ($key, $article) ON CONFLICT DO NOTHING;");
    }

    /// <summary>Removes an article's band keys (those of the text it was indexed with, wherever they are) and its sketch.</summary>
    private static void Remove(SqliteConnection connection, SqliteTransaction transaction, long articleId, IReadOnlyList<long> keys, RecentBands recent)
    {
        ForEachKey(connection, transaction, articleId, keys,
            "DELETE FROM near_duplicate_bands WHERE band_key = $key AND article_id = $article;");
        recent.Remove(connection, transaction, articleId);
        var command = Statements.For(connection, transaction, "DELETE FROM near_duplicate_sketches WHERE article_id = $article;");
        command.Parameters.AddWithValue("$article", articleId);
        command.ExecuteNonQuery();
    }

    /// <summary>Articles sharing at least one band key with <paramref name="keys"/>, in the index or held in <paramref name="recent"/>, oldest first, with their sketches.</summary>
    public static IReadOnlyList<NearDuplicateCandidate> Candidates(
        SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<long> keys, RecentBands recent)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var found = new Dictionary<long, StorySketch?>();
        FindIndexed(connection, transaction, keys, found);
        return Together(found, keys, recent);
    }

    /// <summary>
    /// The candidates <paramref name="indexed"/> found in the index when the article was prepared,
    /// with those held in <paramref name="recent"/> now, as <see cref="Candidates"/> would find
    /// them; null when keys were merged into the index since (the lookup must be made again).
    /// </summary>
    /// <remarks>
    /// Rows reach the index only by a merge of held keys, which empties what <paramref name="recent"/>
    /// holds and so changes its <see cref="RecentBands.Generation"/> (a merge by another process is
    /// seen the same way, when the held keys are reloaded): with the generation unchanged, whatever
    /// was stored after the preparation is still held, so the held keys complete the earlier lookup.
    /// An article deleted since is skipped when its story is loaded; one whose text was replaced
    /// since is held again with its new keys and sketch, which take the place of what the lookup
    /// found for it (see <see cref="Together"/>).
    /// </remarks>
    public static IReadOnlyList<NearDuplicateCandidate>? Candidates(IndexedCandidates indexed, IReadOnlyList<long> keys, RecentBands recent) =>
        indexed.Generation != recent.Generation || !(ReferenceEquals(indexed.Keys, keys) || indexed.Keys.SequenceEqual(keys))
            ? null
            : Together(indexed.Found, keys, recent);

    /// <summary>
    /// The articles <paramref name="indexed"/> found in the index and those the held keys have under
    /// <paramref name="keys"/>, oldest first. A held article's sketch is the current one (it was
    /// stored or re-indexed since the last merge), so it takes the place of the index's.
    /// </summary>
    private static List<NearDuplicateCandidate> Together(IReadOnlyDictionary<long, StorySketch?> indexed, IReadOnlyList<long> keys, RecentBands recent)
    {
        var held = new Dictionary<long, StorySketch?>();
        recent.Find(keys, held);
        return indexed.Where(candidate => !held.ContainsKey(candidate.Key)).Concat(held)
            .OrderBy(candidate => candidate.Key).Select(candidate => new NearDuplicateCandidate(candidate.Key, candidate.Value)).ToList();
    }

    /// <summary>Adds the articles the index (not the held keys) has under any of <paramref name="keys"/>, with their sketches.</summary>
    internal static void FindIndexed(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<long> keys, Dictionary<long, StorySketch?> found)
    {
        // Run for every article prepared (and again when its decision cannot reuse it), and the text names exactly
        // its keys' parameters: they are made once and given new values.
        var command = Statements.For(connection, transaction, CandidatesSql(keys.Count), keepParameters: true);
        if (command.Parameters.Count != keys.Count)
        {
            command.Parameters.Clear();
            for (var i = 0; i < keys.Count; i++)
            {
                command.Parameters.Add(KeyParameters[i], SqliteType.Integer);
            }
        }
        for (var i = 0; i < keys.Count; i++)
        {
            command.Parameters[i].Value = keys[i];
        }
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            found[rows.GetInt64(0)] = rows.IsDBNull(1) ? null : StorySketch.FromBytes((byte[])rows.GetValue(1));
        }
    }

    // The lookup's parameter names and SQL, made once: the statement is prepared once per connection.
    private static readonly string[] KeyParameters =
        Enumerable.Range(0, LshBands.Count).Select(i => "$k" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static readonly string FullCandidatesSql = CandidatesSqlOf(LshBands.Count);

    private static string CandidatesSql(int keyCount) => keyCount == LshBands.Count ? FullCandidatesSql : CandidatesSqlOf(keyCount);

    private static string CandidatesSqlOf(int keyCount) => $"""
        SELECT c.article_id, s.sketch
        FROM (SELECT DISTINCT article_id FROM near_duplicate_bands WHERE band_key IN ({string.Join(',', KeyParameters.Take(keyCount))})) c
        LEFT JOIN near_duplicate_sketches s ON s.article_id = c.article_id
        """;

    /// <summary>
    /// Gives a stored story another text (a later copy's longer one, its page's in place of its
    /// feed's, or its page's re-extraction) with its HTML and where it came from, and re-indexes it
    /// under the new text's keys. A content hash another article holds already is not taken: the
    /// text is that article's too (a page that completes a feed's teaser can be), and the hash's
    /// unique index keeps exact copies finding the older one.
    /// </summary>
    /// <param name="stored">The story as it was, whose old text's keys are removed.</param>
    public static void ReplaceText(
        SqliteConnection connection, SqliteTransaction transaction, long articleId, StoryCopy stored, string text, string? hash, string? html,
        TextSource source, NearDuplicateKeys keys, RecentBands recent)
    {
        {
            var kept = hash is not null && NewsDatabase.FindArticleIdByHash(connection, transaction, hash) is { } holder && holder != articleId
                ? null
                : hash;
            var update = Statements.For(connection, transaction,
                "UPDATE articles SET text = $text, content_hash = $hash, html = $html, text_source = $source WHERE id = $id;");
            update.Parameters.AddWithValue("$text", text);
            update.Parameters.AddWithValue("$hash", (object?)kept ?? DBNull.Value);
            update.Parameters.AddWithValue("$html", (object?)html ?? DBNull.Value);
            update.Parameters.AddWithValue("$source", TextSourceColumn.Of(source));
            update.Parameters.AddWithValue("$id", articleId);
            update.ExecuteNonQuery();
        }
        Reindex(connection, transaction, articleId, stored, keys, recent);
    }

    /// <summary>Moves an article from its old text's keys (<paramref name="stored"/>) to <paramref name="keys"/>.</summary>
    public static void Reindex(SqliteConnection connection, SqliteTransaction transaction, long articleId, StoryCopy stored, NearDuplicateKeys keys, RecentBands recent)
    {
        Remove(connection, transaction, articleId, stored, recent);
        Add(connection, transaction, articleId, keys, recent);
    }

    /// <summary>Takes an article out of the index (its keys, wherever they are, and its sketch): before it is deleted.</summary>
    public static void Remove(SqliteConnection connection, SqliteTransaction transaction, long articleId, StoryCopy stored, RecentBands recent) =>
        Remove(connection, transaction, articleId, LshBands.KeysOf(stored.Shingles), recent);

    /// <summary>A stored article with what the rule needs of it, or null when there is no such article.</summary>
    /// <param name="shinglesByHash">Shingles already worked out for stored texts, by content hash: a text found there is not read or shingled again.</param>
    public static StoryCopy? Load(
        SqliteConnection connection, SqliteTransaction? transaction, long articleId, IReadOnlyDictionary<string, StoryShingles>? shinglesByHash = null)
    {
        var command = Statements.For(connection, transaction, """
            SELECT a.content_hash, a.published_at, a.fetched_at, s.url
            FROM articles a LEFT JOIN article_sightings s ON s.article_id = a.id
            WHERE a.id = $id;
            """);
        command.Parameters.AddWithValue("$id", articleId);
        var found = false;
        string? hash = null;
        DateTimeOffset? published = null;
        var firstSeen = default(DateTimeOffset);
        var sites = new HashSet<string>(StringComparer.Ordinal);
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                found = true;
                hash ??= rows.IsDBNull(0) ? null : rows.GetString(0);
                published = rows.IsDBNull(1) ? null : DateTimeOffset.Parse(rows.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                firstSeen = DateTimeOffset.Parse(rows.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                if (!rows.IsDBNull(3))
                {
                    sites.Add(StorySite.Of(rows.GetString(3)));
                }
            }
        }
        if (!found)
        {
            return null;
        }
        var shingles = (hash is not null ? shinglesByHash?.GetValueOrDefault(hash) : null)
            ?? StoryShingles.Of(TextOf(connection, transaction, articleId));
        return new StoryCopy(shingles, published, firstSeen, sites);
    }

    private static string TextOf(SqliteConnection connection, SqliteTransaction? transaction, long articleId)
    {
        var command = Statements.For(connection, transaction, "SELECT text FROM articles WHERE id = $id;");
        command.Parameters.AddWithValue("$id", articleId);
        return command.ExecuteScalar() as string ?? "";
    }

    /// <summary>
    /// The shingles of the stored texts that share a band key with <paramref name="keys"/>, by content
    /// hash: the costly part of confirming candidates (about 0.2 ms a text), done before the write
    /// lock on the caller's thread, so the single writer only compares. A text replaced meanwhile
    /// has another hash and is shingled again under the lock. Also what the index itself held under
    /// the keys, which spares the writer the same lookup (see <see cref="Candidates(IndexedCandidates, IReadOnlyList{long}, RecentBands)"/>).
    /// </summary>
    /// <param name="connection">Reads the candidates' hashes and texts (as they are now).</param>
    /// <param name="index">Reads the index, as it stood at the last merge of held keys or since.</param>
    public static (Dictionary<string, StoryShingles> Shingles, IndexedCandidates Indexed) CandidateShingles(
        SqliteConnection connection, IndexSnapshot index, NearDuplicateKeys keys, ShingleCache cache, RecentBands recent)
    {
        var found = new Dictionary<string, StoryShingles>(StringComparer.Ordinal);
        var indexed = new Dictionary<long, StorySketch?>();
        var generation = index.Find(connection, keys.BandKeys, indexed);
        foreach (var candidate in Together(indexed, keys.BandKeys, recent))
        {
            if (!candidate.MayBeCopyOf(keys.Sketch))
            {
                continue;
            }
            var command = Statements.For(connection, null, "SELECT content_hash FROM articles WHERE id = $id AND content_hash IS NOT NULL;");
            command.Parameters.AddWithValue("$id", candidate.ArticleId);
            if (command.ExecuteScalar() is not string hash || found.ContainsKey(hash))
            {
                continue;
            }
            if (cache.Find(hash) is not { } shingles)
            {
                shingles = StoryShingles.Of(TextOf(connection, null, candidate.ArticleId));
                cache.Keep(hash, shingles);
            }
            found[hash] = shingles;
        }
        return (found, new IndexedCandidates(generation, keys.BandKeys, indexed));
    }

    /// <summary>
    /// Indexes every stored article: run once, when a migration creates the band keys' table
    /// (<paramref name="withBandKeys"/>) or the sketches' (<paramref name="withSketches"/>) on an existing database.
    /// </summary>
    public static void AddAll(SqliteConnection connection, SqliteTransaction transaction, bool withBandKeys = true, bool withSketches = true)
    {
        // Streamed: SQLite lets one connection write a table while it reads another.
        var select = Statements.For(connection, transaction, "SELECT id, text FROM articles ORDER BY id;");
        using var rows = select.ExecuteReader();
        while (rows.Read())
        {
            var keys = NearDuplicateKeys.Of(StoryShingles.Of(rows.GetString(1)));
            Add(connection, transaction, rows.GetInt64(0), keys with
            {
                BandKeys = withBandKeys ? keys.BandKeys : [],
                Sketch = withSketches ? keys.Sketch : null,
            }, recent: null);
        }
    }

    private static void ForEachKey(
        SqliteConnection connection, SqliteTransaction transaction, long articleId, IReadOnlyList<long> keys, string sql)
    {
        if (keys.Count == 0)
        {
            return;
        }
        var command = Statements.For(connection, transaction, sql);
        var key = command.Parameters.Add("$key", SqliteType.Integer);
        command.Parameters.AddWithValue("$article", articleId);
        foreach (var value in keys)
        {
            key.Value = value;
            command.ExecuteNonQuery();
        }
    }
}
