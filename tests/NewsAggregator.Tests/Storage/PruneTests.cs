using System.Text;
using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// Retention (<see cref="NewsDatabase.Prune"/>) on a real SQLite file: which articles go, that
/// every row keyed by them goes too, in batches that let others in, what a dry run counts, how the
/// space comes back, and that a worker holding keys of pruned articles still decides right.
/// </summary>
public sealed class PruneTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private static readonly DateTimeOffset Cutoff = Now.AddDays(-90);
    private static readonly PruneOptions NoPause = new() { PauseBetweenBatches = TimeSpan.Zero };

    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private NewsDatabase Open(int mergeAt = 1000)
    {
        var database = NewsDatabase.Open(_files.Path, new StorageOptions { NearDuplicateMergeAt = mergeAt });
        database.SyncSources(TemporaryDatabase.Sources("a", "b"), Now);
        return database;
    }

    /// <summary>A text of its own (no two share a shingle by more than chance), <paramref name="words"/> long.</summary>
    private static string UniqueText(int seed, int words = 300)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var length = random.Next(3, 10);
            for (var c = 0; c < length; c++)
            {
                text.Append((char)('a' + random.Next(26)));
            }
            text.Append(i % 40 == 39 ? "\n\n" : " ");
        }
        return text.ToString().Trim();
    }

    private static ArticleRecord Article(string sourceId, string url, string text, DateTimeOffset fetchedAt) => new()
    {
        SourceId = sourceId,
        Url = url,
        Text = text,
        ContentHash = ContentFingerprint.Of(text),
        PublishedAt = fetchedAt.AddHours(-1),
        FetchedAt = fetchedAt,
    };

    /// <summary>Stores <paramref name="count"/> articles first seen <paramref name="daysAgo"/> days before <see cref="Now"/>, an hour apart; their ids.</summary>
    private static List<long> StoreArticles(NewsDatabase database, int count, double daysAgo, int seed, int words = 300) =>
        Enumerable.Range(0, count)
            .Select(i => database.StoreArticle(Article("a", $"https://a.example/{seed}/{i}", UniqueText(seed + i, words), Now.AddDays(-daysAgo).AddHours(i))))
            .Select(outcome =>
            {
                Assert.Equal(StoreOutcomeKind.Stored, outcome.Kind);
                return outcome.ArticleId;
            })
            .ToList();

    private long Count(string sql) => (long)_files.Scalar(sql)!;

    /// <summary>Rows of every table of the file (whichever tables later versions add).</summary>
    private Dictionary<string, long> TableCounts()
    {
        using var connection = _files.OpenReader();
        var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';");
        return tables.ToDictionary(table => table, table => Scalar(connection, $"SELECT count(*) FROM \"{table}\";"));
    }

    /// <summary>
    /// Rows of any table with an <c>article_id</c> column (but the record of pruned URLs) whose
    /// article is gone: none may be left, whatever tables later versions add.
    /// </summary>
    private Dictionary<string, long> Orphans()
    {
        using var connection = _files.OpenReader();
        // The two tables whose rows are about deleted articles, by design.
        var tables = Strings(connection, """
            SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
            WHERE m.type = 'table' AND c.name = 'article_id' AND m.name NOT IN ('pruned_urls', 'article_deletions');
            """);
        Assert.Contains("article_sightings", tables);
        return tables.ToDictionary(table => table,
            table => Scalar(connection, $"SELECT count(*) FROM \"{table}\" WHERE article_id NOT IN (SELECT id FROM articles);"));
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void Deletions_are_recorded_as_pruned_and_a_later_prune_forgets_those_before_its_cutoff()
    {
        var database = Open();
        var old = StoreArticles(database, 3, daysAgo: 120, seed: 300);
        var recent = StoreArticles(database, 2, daysAgo: 10, seed: 400);

        database.Prune(Cutoff, Now, NoPause);
        Assert.Equal(3L, Count($"SELECT count(*) FROM article_deletions WHERE reason = 'pruned' AND deleted_at = '{NewsDatabase.Format(Now)}'"));
        Assert.Equal(3L, Count($"SELECT count(*) FROM article_deletions WHERE article_id IN ({string.Join(',', old)})"));

        // A year on, everything but the newest article goes, and the first prune's deletions are forgotten.
        var later = Now.AddDays(365);
        database.Prune(later.AddDays(-90), later, NoPause);
        Assert.Equal(0L, Count($"SELECT count(*) FROM article_deletions WHERE article_id IN ({string.Join(',', old)})"));
        Assert.Equal(recent[0], Count($"SELECT article_id FROM article_deletions WHERE deleted_at = '{NewsDatabase.Format(later)}'"));
    }

    [Fact]
    public void Prune_deletes_the_articles_first_seen_before_the_cutoff_with_every_row_keyed_by_them()
    {
        // Merged into the index every 4 articles: the old ones' keys are partly in the index, partly held.
        var database = Open(mergeAt: 4);
        var old = StoreArticles(database, 6, daysAgo: 120, seed: 100);
        var recent = StoreArticles(database, 3, daysAgo: 10, seed: 200);
        // Two old stories were also seen by source b, one of them at another URL too.
        database.AddSighting(old[0], "b", "https://a.example/100/0", Now.AddDays(-5));
        database.AddSighting(old[1], "b", "https://b.example/copy-of-1", Now.AddDays(-100));
        var before = TableCounts();
        Assert.True(before["near_duplicate_bands"] > 0 && before["near_duplicate_recent"] > 0, "the test needs keys both merged and held");

        var report = database.Prune(Cutoff, Now, NoPause with { BatchSize = 4 });

        var after = TableCounts();
        Assert.Equal(6, report.Articles);
        Assert.Equal(recent, ArticleIds());
        Assert.All(Orphans(), table => Assert.True(table.Value == 0, $"{table.Value} rows of {table.Key} point at deleted articles"));
        Assert.Equal(0, Count("SELECT count(*) FROM near_duplicate_bands WHERE article_id NOT IN (SELECT id FROM articles)"));
        // Each table lost exactly what the report says; tables not keyed by articles lost nothing.
        Assert.Equal(before["articles"] - 6, after["articles"]);
        Assert.Equal(8, report.RowsIn("article_sightings"));
        foreach (var rows in report.DependentRows)
        {
            Assert.Equal(before[rows.Table] - rows.Rows, after[rows.Table]);
        }
        Assert.Equal(6L * LshBands.Count, report.RowsIn("near_duplicate_bands") + 32 * report.RowsIn("near_duplicate_recent"));
        foreach (var table in new[] { "sources", "source_state", "runs", "change_sequence", "fetch_validators", "entry_retries" })
        {
            Assert.Equal(before[table], after[table]);
        }
        // Every URL they were known at is remembered: 6 of their own and the one other copy.
        Assert.Equal(7, report.UrlsRemembered);
        Assert.Equal(7, after["pruned_urls"]);
        Assert.Equal(2, report.Batches);
    }

    private List<long> ArticleIds()
    {
        using var connection = _files.OpenReader();
        return Strings(connection, "SELECT CAST(id AS TEXT) FROM articles ORDER BY id;").Select(long.Parse).ToList();
    }

    [Fact]
    public void Dry_run_counts_what_the_prune_then_deletes_and_changes_nothing()
    {
        var database = Open(mergeAt: 4);
        StoreArticles(database, 5, daysAgo: 120, seed: 300);
        StoreArticles(database, 2, daysAgo: 1, seed: 400);
        var before = TableCounts();
        var bytes = new FileInfo(_files.Path).Length;

        var preview = NewsDatabase.PreviewPrune(_files.Path, Cutoff);

        Assert.Equal(before, TableCounts());
        Assert.Equal(bytes, new FileInfo(_files.Path).Length);
        Assert.True(preview.DryRun);
        var report = database.Prune(Cutoff, Now, NoPause);
        Assert.Equal(5, preview.Articles);
        Assert.Equal(report.Articles, preview.Articles);
        Assert.Equal(report.DependentRows.OrderBy(rows => rows.Table), preview.DependentRows.OrderBy(rows => rows.Table));
        Assert.Equal(report.UrlsRemembered, preview.UrlsRemembered);
    }

    [Fact]
    public void Each_batch_commits_on_its_own_and_lets_other_connections_read_and_write_between_batches()
    {
        var database = Open();
        StoreArticles(database, 7, daysAgo: 120, seed: 500);
        StoreArticles(database, 1, daysAgo: 1, seed: 600);
        var seen = new List<(PruneProgress Progress, long ArticlesLeft)>();

        database.Prune(Cutoff, Now, NoPause with { BatchSize = 3 }, progress =>
        {
            // Another process, between two batches: it reads what the batch committed, and takes the
            // write lock at once (no busy wait), which it could not while a batch held it.
            using var other = new SqliteConnection($"Data Source={_files.Path};Pooling=False;Default Timeout=1");
            other.Open();
            using (var noWait = other.CreateCommand())
            {
                noWait.CommandText = "PRAGMA busy_timeout = 0;";
                noWait.ExecuteNonQuery();
            }
            using (var write = other.BeginTransaction(deferred: false))
            {
                using var touch = other.CreateCommand();
                touch.Transaction = write;
                touch.CommandText = "UPDATE sources SET updated_at = updated_at WHERE id = 'a';";
                touch.ExecuteNonQuery();
                write.Commit();
            }
            seen.Add((progress, Scalar(other, "SELECT count(*) FROM articles;")));
        });

        Assert.Equal([(new PruneProgress(1, 3), 5L), (new PruneProgress(2, 6), 2L), (new PruneProgress(3, 7), 1L)], seen);
    }

    [Fact]
    public void The_newest_article_is_kept_however_old_so_that_no_id_is_ever_given_again()
    {
        var database = Open();
        var ids = StoreArticles(database, 3, daysAgo: 400, seed: 700);

        var report = database.Prune(Cutoff, Now, NoPause);

        Assert.Equal(2, report.Articles);
        Assert.Equal([ids[^1]], ArticleIds());
        var next = database.StoreArticle(Article("a", "https://a.example/after-the-prune", UniqueText(800), Now));
        Assert.True(next.ArticleId > ids[^1], $"article {next.ArticleId} took an id already given");
    }

    [Fact]
    public void A_pruned_url_stays_known_while_a_source_lists_it_and_is_forgotten_once_none_has_since_the_cutoff()
    {
        var database = Open();
        var ids = StoreArticles(database, 2, daysAgo: 120, seed: 900);
        StoreArticles(database, 1, daysAgo: 1, seed: 1000);
        database.Prune(Cutoff, Now, NoPause);
        const string listed = "https://a.example/900/0";
        const string unlisted = "https://a.example/900/1";

        Assert.Null(database.FindArticleIdByUrl(listed));
        Assert.True(database.WasPruned(listed, Now.AddDays(60)));
        Assert.Equal(ids[0], Count($"SELECT article_id FROM pruned_urls WHERE url = '{listed}'"));
        Assert.False(database.WasPruned("https://a.example/never-stored", Now));

        // 100 days on, a prune with the same period: the URL listed 40 days ago stays, the other goes.
        var later = database.Prune(Now.AddDays(10), Now.AddDays(100), NoPause);
        Assert.Equal(1, later.UrlsForgotten);
        Assert.True(database.WasPruned(listed, Now.AddDays(100)));
        Assert.False(database.WasPruned(unlisted, Now.AddDays(100)));
    }

    [Fact]
    public void A_worker_holding_keys_of_articles_another_process_pruned_stores_their_copies_as_new_and_others_as_copies()
    {
        // The worker holds every article's band keys (no merge yet), as the service would.
        var worker = Open(mergeAt: 1000);
        var pruned = worker.StoreArticle(Article("a", "https://a.example/old-story", UniqueText(1100), Now.AddDays(-120)));
        var kept = worker.StoreArticle(Article("a", "https://a.example/new-story", UniqueText(1200), Now.AddDays(-1)));
        var other = NewsDatabase.Open(_files.Path);
        Assert.Equal(1, other.Prune(Cutoff, Now, NoPause).Articles);
        other.Close();

        // Other sites' copies of both: the same texts with their own credit line.
        var copyOfPruned = worker.StoreArticle(Article("b", "https://b.example/old-story-copy", UniqueText(1100) + "\n\nWire credit", Now));
        var copyOfKept = worker.StoreArticle(Article("b", "https://b.example/new-story-copy", UniqueText(1200) + "\n\nWire credit", Now));

        Assert.Equal(StoreOutcomeKind.Stored, copyOfPruned.Kind);
        Assert.NotEqual(pruned.ArticleId, copyOfPruned.ArticleId);
        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, kept.ArticleId), copyOfKept);
        Assert.Equal(0, Count("SELECT count(*) FROM near_duplicate_recent WHERE article_id NOT IN (SELECT id FROM articles)"));
    }

    [Fact]
    public void A_new_database_gives_the_space_of_pruned_articles_back_by_incremental_vacuum()
    {
        var database = Open();
        StoreArticles(database, 40, daysAgo: 120, seed: 1300, words: 3000);
        StoreArticles(database, 1, daysAgo: 1, seed: 1400);
        Assert.Equal(2L, Count("PRAGMA auto_vacuum"));

        var report = database.Prune(Cutoff, Now, NoPause with { BatchSize = 7 });

        Assert.Equal(SpaceReclaim.IncrementalVacuum, report.Reclaim);
        // 40 texts of about 20 KB each: most of a megabyte comes back.
        Assert.True(report.BytesBefore - report.BytesAfter > 500_000, $"{report.BytesBefore} -> {report.BytesAfter}");
        Assert.Equal(0, report.FreeBytesAfter);
        Assert.Equal(report.BytesAfter, Count("PRAGMA page_count") * Count("PRAGMA page_size"));
    }

    [Fact]
    public void A_database_made_before_incremental_vacuum_keeps_the_space_for_reuse_until_asked_to_vacuum()
    {
        var database = Open();
        StoreArticles(database, 40, daysAgo: 120, seed: 1500, words: 3000);
        StoreArticles(database, 1, daysAgo: 1, seed: 1600);
        database.Close();
        // As a file made by an earlier version: no auto-vacuum.
        using (var connection = new SqliteConnection($"Data Source={_files.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA auto_vacuum = NONE; VACUUM;";
            command.ExecuteNonQuery();
        }
        database = Open();
        StoreArticles(database, 20, daysAgo: 110, seed: 1700, words: 3000);
        StoreArticles(database, 1, daysAgo: 1, seed: 1800);

        var kept = database.Prune(Now.AddDays(-115), Now, NoPause);
        var vacuumed = database.Prune(Cutoff, Now, NoPause with { Vacuum = true });

        Assert.Equal(SpaceReclaim.KeptForReuse, kept.Reclaim);
        // Nothing given back to the disk (the full-text index's merge may even add pages first).
        Assert.True(kept.BytesAfter >= kept.BytesBefore, $"{kept.BytesBefore} -> {kept.BytesAfter}");
        Assert.True(kept.FreeBytesAfter > 500_000, $"{kept.FreeBytesAfter} bytes free");
        Assert.Equal(SpaceReclaim.Vacuum, vacuumed.Reclaim);
        Assert.True(vacuumed.BytesBefore - vacuumed.BytesAfter > 700_000, $"{vacuumed.BytesBefore} -> {vacuumed.BytesAfter}");
        Assert.Equal(2L, Count("PRAGMA auto_vacuum"));
        Assert.Equal(0, vacuumed.FreeBytesAfter);
    }

    [Fact]
    public void Nothing_older_than_the_cutoff_deletes_nothing_and_gives_nothing_back()
    {
        var database = Open();
        StoreArticles(database, 3, daysAgo: 10, seed: 1900);
        var before = TableCounts();

        var report = database.Prune(Cutoff, Now, NoPause);

        Assert.Equal(0, report.Articles);
        Assert.Equal(0, report.Batches);
        Assert.Equal(SpaceReclaim.NothingFreed, report.Reclaim);
        Assert.Equal(before, TableCounts());
    }
}
