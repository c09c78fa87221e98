using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsAggregator.Benchmarks.Quality;
using NewsAggregator.Dedup;
using NewsAggregator.Storage;

namespace NewsAggregator.Benchmarks.Dedup;

/// <summary>
/// Cost of the persisted near-duplicate index as it grows: insert and lookup with 100 000 and
/// 1 000 000 stored signatures, on a real SQLite file in WAL mode with the settings the worker
/// uses. Each stored article gets 32 random band keys, which is what hashed band keys are;
/// article rows are left out, so the figures are the index's own. The CPU work of one article
/// (shingles, signature, keys) and of confirming one candidate is measured on the shared
/// benchmark texts when they are beside the repository.
/// Options: <c>--sizes 100000,1000000</c>, <c>--lookups N</c>, <c>--folder DIR</c> (kept, and reused by
/// the next run; default: a temporary folder, deleted after).
/// </summary>
public static class NearDuplicateIndexBenchmark
{
    private const int BuildBatch = 50_000;
    private const int SingleInserts = 2_000;
    private const long KeyMask = (1L << 47) - 1;

    public static int Run(string[] args)
    {
        var sizes = BenchmarkArgs.Option(args, "--sizes", "100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var lookups = int.Parse(BenchmarkArgs.Option(args, "--lookups", "20000"), CultureInfo.InvariantCulture);
        var folder = BenchmarkArgs.Option(args, "--folder", "");
        var temporary = folder.Length == 0;
        if (temporary)
        {
            folder = Directory.CreateTempSubdirectory("newsaggregator-bench-").FullName;
        }

        try
        {
            MeasureTextWork();
            MeasureIndex(Path.Combine(folder, "index.db"), sizes, lookups);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (temporary)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        return 0;
    }

    private static void MeasureIndex(string path, int[] sizes, int lookups)
    {
        var database = NewsDatabase.Open(path);
        using var connection = database.OpenConnection();
        // A kept --folder is reused: filling a million articles is setup worth doing once.
        var stored = Convert.ToInt64(Scalar(connection, "SELECT coalesce(max(article_id), 0) FROM near_duplicate_bands;"), CultureInfo.InvariantCulture);
        var random = new Random(20260304);
        Console.WriteLine($"index: {LshBands.Count} band keys per article, file {path}");
        Console.WriteLine("             (setup)    insert, own transaction    lookup, keys stored        lookup, keys not stored");
        Console.WriteLine("stored       build       mean   p50    p99         mean  p50  p99             mean  p50  p99            file");

        foreach (var size in sizes.Order())
        {
            var build = Stopwatch.StartNew();
            stored = Fill(database, stored, size);
            build.Stop();

            // One article a transaction, as StoreArticle does; these articles stay in the index.
            var insert = new double[SingleInserts];
            for (var i = 0; i < SingleInserts; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var transaction = connection.BeginTransaction();
                NearDuplicateIndex.Add(connection, transaction, ++stored, new NearDuplicateKeys(KeysOf(stored), SketchOf(stored)), recent: null);
                transaction.Commit();
                insert[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }

            var hits = Lookups(connection, lookups, () => random.NextInt64(1, stored + 1), expectFound: true);
            var misses = Lookups(connection, lookups, () => -random.NextInt64(1, long.MaxValue), expectFound: false);
            Scalar(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            var bytes = new FileInfo(path).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stored,9:N0}  {build.Elapsed.TotalSeconds,6:0.0} s   {insert.Average(),6:0} {Percentile(insert, 0.5),5:0} {Percentile(insert, 0.99),6:0} µs   "
                + $"{hits.Average(),6:0} {Percentile(hits, 0.5),4:0} {Percentile(hits, 0.99),4:0} µs       "
                + $"{misses.Average(),6:0} {Percentile(misses, 0.5),4:0} {Percentile(misses, 0.99),4:0} µs       "
                + $"{bytes / 1048576.0,6:0} MB ({bytes / (double)stored:0} B/article)"));
        }
    }

    /// <summary>
    /// Setup, not a measurement: articles up to <paramref name="size"/> in large transactions, on a
    /// connection of its own with a large page cache and each batch in key order, so a million
    /// articles take minutes rather than an hour. The measurements use the worker's settings.
    /// </summary>
    private static long Fill(NewsDatabase database, long stored, long size)
    {
        using var connection = database.OpenConnection();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -524288;"; // 512 MB
            pragma.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO near_duplicate_bands (band_key, article_id) VALUES ($key, $article);";
        var key = insert.Parameters.Add("$key", SqliteType.Integer);
        var article = insert.Parameters.Add("$article", SqliteType.Integer);
        using var sketchInsert = connection.CreateCommand();
        sketchInsert.CommandText = "INSERT INTO near_duplicate_sketches (article_id, sketch) VALUES ($article, $sketch);";
        var sketchArticle = sketchInsert.Parameters.Add("$article", SqliteType.Integer);
        var sketch = sketchInsert.Parameters.Add("$sketch", SqliteType.Blob);
        while (stored < size)
        {
            var end = Math.Min(stored + BuildBatch, size);
            var rows = new List<(long Key, long Article)>();
            for (var id = stored + 1; id <= end; id++)
            {
                rows.AddRange(KeysOf(id).Select(k => (k, id)));
            }
            rows.Sort();
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            foreach (var row in rows)
            {
                key.Value = row.Key;
                article.Value = row.Article;
                insert.ExecuteNonQuery();
            }
            sketchInsert.Transaction = transaction;
            for (var id = stored + 1; id <= end; id++)
            {
                sketchArticle.Value = id;
                sketch.Value = SketchOf(id).Bytes.ToArray();
                sketchInsert.ExecuteNonQuery();
            }
            transaction.Commit();
            stored = end;
        }
        return stored;
    }

    // Per-lookup latency in µs of the 32-key IN query, for keys of stored articles or of none.
    // Every key here is in the index itself: none held back for a later merge.
    private static readonly RecentBands NoRecent = new();

    private static double[] Lookups(SqliteConnection connection, int count, Func<long> article, bool expectFound)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var id = article();
            var keys = KeysOf(id);
            var started = Stopwatch.GetTimestamp();
            var candidates = NearDuplicateIndex.Candidates(connection, null, keys, NoRecent);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            if (expectFound != candidates.Any(c => c.ArticleId == id))
            {
                throw new InvalidOperationException($"lookup of article {id}: found {string.Join(',', candidates.Select(c => c.ArticleId))}");
            }
        }
        return times;
    }

    // Random-looking but reproducible: the keys of article N can be made again to look it up.
    private static long[] KeysOf(long article)
    {
        var keys = new long[LshBands.Count];
        for (var band = 0; band < keys.Length; band++)
        {
            keys[band] = (long)MinHashSignature.Mix(unchecked((ulong)article * LshBands.Count + (ulong)band)) & KeyMask;
        }
        return keys;
    }

    private static StorySketch SketchOf(long article)
    {
        var bytes = new byte[StorySketch.Size];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)MinHashSignature.Mix(unchecked((ulong)article * StorySketch.Size + (ulong)i));
        }
        return StorySketch.FromBytes(bytes)!;
    }

    /// <summary>Shingles, signature and keys of one article; re-shingling and comparing one candidate.</summary>
    private static void MeasureTextWork()
    {
        var texts = EvaluationSet.Load(EvaluationSet.Locate()).Select(page => page.ArticleBody).ToArray();
        var incoming = StoryShingles.Of(texts[0]);

        double Best(Action<string> work)
        {
            // Two rounds unmeasured: tiered compilation has optimised the code by the third.
            foreach (var text in texts.Concat(texts))
            {
                work(text);
            }
            var best = double.MaxValue;
            for (var round = 0; round < 5; round++)
            {
                var started = Stopwatch.GetTimestamp();
                foreach (var text in texts)
                {
                    work(text);
                }
                best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMicroseconds / texts.Length);
            }
            return best;
        }

        var shingle = Best(text => StoryShingles.Of(text));
        var keys = Best(text => LshBands.KeysOf(StoryShingles.Of(text)));
        var confirm = Best(text => NearDuplicateRule.CompareTexts(StoryShingles.Of(text), incoming));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"text work over {texts.Length} articles ({texts.Average(t => t.Length):0} characters on average), best of 5 rounds:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  shingles {shingle:0} µs, shingles + MinHash + band keys {keys:0} µs, confirming a candidate from its text {confirm:0} µs"));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static double Percentile(double[] values, double share)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * share))];
    }
}
