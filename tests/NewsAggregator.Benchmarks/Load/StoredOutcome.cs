using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;

namespace NewsAggregator.Benchmarks.Load;

/// <summary>
/// What the worker's database holds, against the generator's truth. Duplicate decisions are
/// scored on pairs of fixture pages: a pair is "merged" when both URLs lead to one stored
/// article, "the same story" when the generator made them so. A stored text is "whole" when it
/// holds every paragraph of its page's body, and "with furniture" when it holds any of the
/// page's comments, related-story titles or newsletter box.
/// </summary>
public sealed record StoredOutcome(
    long Articles, long Sightings, long Runs, long FailedRuns, long DatabaseBytes, long WalBytes,
    int PagesFound, int PagesMissing, int SyndicatedGroups, int GroupsMergedExactly, int ArticlesHoldingSeveralStories,
    double PairPrecision, double PairRecall, int WholeTexts, int TextsWithFurniture)
{
    /// <summary>A few syndicated groups that did not end as one article, as "url → article id" lists, for a look into the database (--keep).</summary>
    public IReadOnlyList<string> SplitGroupExamples { get; init; } = [];

    /// <summary>Articles in the database now, read beside a running worker; 0 before it has made the file or its tables.</summary>
    public static long ArticlesNow(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return 0;
        }
        try
        {
            using var connection = new SqliteConnection(ReadOnly(databasePath));
            connection.Open();
            return Scalar(connection, "SELECT count(*) FROM articles");
        }
        catch (SqliteException)
        {
            // Not yet migrated, or busy: the next look says.
            return 0;
        }
    }

    public static StoredOutcome Read(string databasePath, FixtureWeb web, int port)
    {
        var bytes = FileBytes(databasePath);
        var walBytes = FileBytes(databasePath + "-wal") + FileBytes(databasePath + "-shm");
        var connectionString = ReadOnly(databasePath);
        var articleByUrl = new Dictionary<string, long>(StringComparer.Ordinal);
        var sightingsOf = new Dictionary<long, int>();
        long articles, sightings, runs, failedRuns;
        int whole = 0, withFurniture = 0;
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            articles = Scalar(connection, "SELECT count(*) FROM articles");
            sightings = Scalar(connection, "SELECT count(*) FROM article_sightings");
            runs = Scalar(connection, "SELECT count(*) FROM runs");
            failedRuns = Scalar(connection, "SELECT count(*) FROM runs WHERE error IS NOT NULL");
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT url, id FROM articles UNION ALL SELECT url, article_id FROM article_sightings";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                articleByUrl.TryAdd(reader.GetString(0), reader.GetInt64(1));
            }
            reader.Close();
            command.CommandText = "SELECT url, text FROM articles";
            using var texts = command.ExecuteReader();
            var pageByUrl = web.Articles.ToDictionary(a => CanonicalUrl.Normalize(FixtureWeb.ArticleUrl(a, port)), StringComparer.Ordinal);
            while (texts.Read())
            {
                if (pageByUrl.TryGetValue(texts.GetString(0), out var page))
                {
                    var text = Visible(texts.GetString(1));
                    whole += page.Paragraphs.Skip(1).All(p => text.Contains(Visible(p), StringComparison.Ordinal)) ? 1 : 0;
                    withFurniture += FixtureWeb.Furniture(web, page).Any(f => text.Contains(f, StringComparison.Ordinal)) ? 1 : 0;
                }
            }
            texts.Close();
            command.CommandText = "SELECT article_id, count(*) FROM article_sightings GROUP BY article_id";
            using var counts = command.ExecuteReader();
            while (counts.Read())
            {
                sightingsOf[counts.GetInt64(0)] = counts.GetInt32(1);
            }
        }

        var found = web.Articles
            .Select(a => (a.Story, Url: FixtureWeb.ArticleUrl(a, port), Id: articleByUrl.TryGetValue(CanonicalUrl.Normalize(FixtureWeb.ArticleUrl(a, port)), out var id) ? id : (long?)null))
            .ToList();
        var stored = found.Where(f => f.Id is not null).Select(f => (f.Story, Id: f.Id!.Value)).ToList();
        var together = stored.GroupBy(f => (f.Story, f.Id)).Sum(g => Pairs(g.Count()));
        var merged = stored.GroupBy(f => f.Id).Sum(g => Pairs(g.Count()));
        var sameStory = web.Articles.GroupBy(a => a.Story).Sum(g => Pairs(g.Count()));

        var groups = found.GroupBy(f => f.Story).Where(g => g.Count() > 1).ToList();
        var exact = groups.Count(g => g.Select(f => f.Id).Distinct().Count() == 1 && g.First().Id is { } id && sightingsOf.GetValueOrDefault(id) == g.Count());
        var split = groups.Where(g => g.Select(f => f.Id).Distinct().Count() > 1).Take(3)
            .Select(g => string.Join(", ", g.Select(f => $"{f.Url} → {f.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}")))
            .ToList();
        var mixed = stored.GroupBy(f => f.Id).Count(g => g.Select(f => f.Story).Distinct().Count() > 1);

        return new StoredOutcome(articles, sightings, runs, failedRuns, bytes, walBytes,
            stored.Count, found.Count - stored.Count, groups.Count, exact, mixed,
            merged == 0 ? 1 : (double)together / merged, sameStory == 0 ? 1 : (double)together / sameStory, whole, withFurniture)
        {
            SplitGroupExamples = split,
        };
    }

    /// <summary>The text without format characters (soft hyphens, word joiners), which extraction may drop.</summary>
    private static string Visible(string text) =>
        string.Concat(text.Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format));

    private static long Pairs(long n) => n * (n - 1) / 2;

    private static string ReadOnly(string databasePath) =>
        new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>A file's size as the worker left it (read before this class opens the database); 0 when absent.</summary>
    private static long FileBytes(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
