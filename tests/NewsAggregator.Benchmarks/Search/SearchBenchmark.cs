using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsAggregator.Benchmarks.Pipeline;
using NewsAggregator.Storage;

namespace NewsAggregator.Benchmarks.Search;

/// <summary>
/// <c>search</c>'s latency over a large database: the storage-writer benchmark's articles (texts of
/// 250–450 words drawn from the evaluation set's words) stored through the StorageWriter, so the
/// full-text index is filled by the worker's own triggers, then queries of each kind timed the way
/// the command runs them (<see cref="SearchQuery.Read"/>: a read-only connection opened, the best 20
/// with their snippets). Each query of a kind uses other words, so the figures are not one cached
/// answer; median and 95th percentile in milliseconds, with how many articles the queries matched.
/// The generated texts draw words evenly, so a word matches about as many articles as any other
/// (no very common words); the one-letter prefix stands in for a query that matches most articles.
/// Options: <c>--articles 100000</c>, <c>--queries 40</c> (per kind), <c>--limit 20</c>, <c>--db FILE</c>
/// (kept, and reused by the next run when it holds the articles; default: a temporary folder, deleted after).
/// </summary>
public static class SearchBenchmark
{
    public static int Run(string[] args)
    {
        var count = int.Parse(BenchmarkArgs.Option(args, "--articles", "100000"), CultureInfo.InvariantCulture);
        var queries = int.Parse(BenchmarkArgs.Option(args, "--queries", "40"), CultureInfo.InvariantCulture);
        var limit = int.Parse(BenchmarkArgs.Option(args, "--limit", "20"), CultureInfo.InvariantCulture);
        var kept = BenchmarkArgs.Option(args, "--db", "");
        var folder = kept.Length == 0 ? Directory.CreateTempSubdirectory("newsaggregator-search-").FullName : null;
        var path = folder is null ? Path.GetFullPath(kept) : Path.Combine(folder, "news.db");
        try
        {
            var articles = StorageWriterBenchmark.Articles(count, copyShare: 0, out _);
            Fill(path, articles);
            Report(path, count);
            var random = new Random(20261202);
            var words = articles.SelectMany(article => Words(article.Text)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var kinds = new (string Name, Func<string> Query)[]
            {
                // What every search pays whatever it finds: opening the file read-only, checking it, planning the query.
                ("a word in no article", () => "zq" + random.Next().ToString(CultureInfo.InvariantCulture)),
                ("one word", () => words[random.Next(words.Length)]),
                ("phrase", () => Phrase(articles[random.Next(articles.Count)].Text, random)),
                ("prefix (3 letters)", () => words[random.Next(words.Length)][..3] + "*"),
                ("two words (AND)", () => $"{words[random.Next(words.Length)]} AND {words[random.Next(words.Length)]}"),
                ("one word OR another", () => $"{words[random.Next(words.Length)]} OR {words[random.Next(words.Length)]}"),
                ("prefix (1 letter)", () => words[random.Next(words.Length)][..1] + "*"),
            };
            // Opening, preparing and the first reads of the file: paid once by any process, not measured.
            for (var i = 0; i < 5; i++)
            {
                SearchQuery.Read(path, kinds[1].Query(), limit);
            }
            Console.WriteLine($"{"query",-22} {"median",8} {"p95",8} {"max",8}  articles matched (median of the {queries} queries; the best {limit} shown)");
            foreach (var (name, next) in kinds)
            {
                Measure(path, name, Enumerable.Range(0, queries).Select(_ => next()).ToList(), limit);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        return 0;
    }

    /// <summary>Stores the articles unless the file already holds that many (a kept <c>--db</c>).</summary>
    private static void Fill(string path, List<ArticleRecord> articles)
    {
        var database = NewsDatabase.Open(path);
        try
        {
            using (var connection = database.OpenConnection())
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT count(*) FROM articles";
                if ((long)command.ExecuteScalar()! >= articles.Count)
                {
                    Console.WriteLine($"search: {path} already holds the articles; reused");
                    return;
                }
            }
            database.SyncSources(articles.Select(a => a.SourceId).Distinct().Select(id =>
                new NewsAggregator.Sources.Source
                {
                    Id = id, Name = id, Type = NewsAggregator.Sources.SourceType.Rss, Url = new Uri($"https://{id}.example/feed.xml"),
                }), DateTimeOffset.UtcNow);
            var watch = Stopwatch.StartNew();
            StorageWriterBenchmark.Batched(database, articles, writers: 64, report: false).GetAwaiter().GetResult();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"search: stored {articles.Count} articles in {watch.Elapsed.TotalSeconds:0} s ({articles.Count / watch.Elapsed.TotalSeconds:0} a second, index filled by the triggers)"));
        }
        finally
        {
            database.Close();
        }
    }

    private static void Report(string path, int count)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT sum(length(block)) FROM articles_fts_data), (SELECT sum(length(text)) FROM articles), (SELECT count(*) FROM articles)";
        using var row = command.ExecuteReader();
        row.Read();
        var (index, text, stored) = (row.GetInt64(0), row.GetInt64(1), row.GetInt64(2));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search: {stored} articles (asked for {count}), file {new FileInfo(path).Length / 1e6:0} MB; full-text index {index / 1e6:0.0} MB " +
            $"({index / (double)stored:0} bytes an article, {100.0 * index / text:0} % of the texts' {text / 1e6:0} MB)"));
    }

    private static void Measure(string path, string name, List<string> queries, int limit)
    {
        var times = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            var watch = Stopwatch.StartNew();
            SearchQuery.Read(path, query, limit);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var matches = queries.ConvertAll(query => Matches(path, query));
        times.Sort();
        matches.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {Percentile(times, 0.5),6:0.0} ms {Percentile(times, 0.95),5:0.0} ms {times[^1],5:0.0} ms  {matches[matches.Count / 2]}   e.g. {queries[0]}"));
    }

    /// <summary>How many articles the query matches in all, counted apart from the timed runs.</summary>
    private static long Matches(string path, string query)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH $query";
        command.Parameters.AddWithValue("$query", query);
        return (long)command.ExecuteScalar()!;
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];

    /// <summary>A text's words that need no quoting in a query: letters only, four or more, lower case.</summary>
    private static IEnumerable<string> Words(string text) =>
        text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Length >= 4 && word.All(char.IsLetter))
            .Select(word => word.ToLowerInvariant());

    /// <summary>Two words that follow each other in <paramref name="text"/>, as a quoted phrase.</summary>
    private static string Phrase(string text, Random random)
    {
        var words = text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.Where(char.IsLetterOrDigit).ToArray()))
            .ToArray();
        for (var attempt = 0; ; attempt++)
        {
            var start = random.Next(words.Length - 1);
            if ((words[start].Length >= 3 && words[start + 1].Length >= 3) || attempt > 50)
            {
                return $"\"{words[start]} {words[start + 1]}\"";
            }
        }
    }
}
