using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Benchmarks.Pipeline;

/// <summary>
/// <c>prune</c> on a real file: <c>--articles 20000</c> stored (the storage-writer benchmark's texts,
/// 10 % of them copies), the oldest <c>--old 0.5</c> of them first seen 200 days ago, then pruned
/// with <c>--older-than 90d</c>'s cutoff and the default batches and pauses. Prints the articles
/// deleted a second (pauses left out), the longest batch (how long a worker writing meanwhile waits
/// at most), and the file's size before and after.
/// </summary>
public static class PruneBenchmark
{
    public static int Run(string[] args)
    {
        var count = int.Parse(BenchmarkArgs.Option(args, "--articles", "20000"), CultureInfo.InvariantCulture);
        var oldShare = double.Parse(BenchmarkArgs.Option(args, "--old", "0.5"), CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var articles = StorageWriterBenchmark.Articles(count, 0.1, out _);
        var old = (int)(count * oldShare);
        articles = articles.Select((article, i) => article with { FetchedAt = i < old ? now.AddDays(-200).AddSeconds(i) : now.AddSeconds(i - count) }).ToList();
        var folder = Directory.CreateTempSubdirectory("newsaggregator-prune-").FullName;
        try
        {
            var database = NewsDatabase.Open(Path.Combine(folder, "news.db"));
            database.SyncSources(articles.Select(a => a.SourceId).Distinct().Select(id =>
                new Source { Id = id, Name = id, Type = SourceType.Rss, Url = new Uri($"https://{id}.example/feed.xml") }), now);
            foreach (var batch in articles.Chunk(256))
            {
                database.StoreArticles(batch.Select(article => database.PrepareArticle(article, run: null)).ToList());
            }

            var options = PruneOptions.Default;
            var batchTimes = new List<TimeSpan>();
            var watch = Stopwatch.StartNew();
            var report = database.Prune(now.AddDays(-90), now, options, _ =>
            {
                batchTimes.Add(watch.Elapsed);
                watch.Restart();
            });
            var tail = watch.Elapsed;
            database.Close();
            // Each interval after the first is the previous pause plus this batch.
            var batches = batchTimes.Select((time, i) => i == 0 ? time : time - options.PauseBetweenBatches).ToList();
            var working = batches.Aggregate(TimeSpan.Zero, (sum, time) => sum + time);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"prune: {report.Articles} of {count} articles in {report.Batches} batches of {options.BatchSize}, " +
                $"{report.Articles / working.TotalSeconds:0} articles/s (pauses left out); longest batch {batches.Max().TotalMilliseconds:0} ms, " +
                $"median {batches.Order().ElementAt(batches.Count / 2).TotalMilliseconds:0} ms; forgetting and vacuum after them {(tail - options.PauseBetweenBatches).TotalMilliseconds:0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  rows: {string.Join(", ", report.DependentRows.Select(rows => $"{rows.Table} {rows.Rows}"))}; URLs remembered {report.UrlsRemembered}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  database {report.BytesBefore / 1e6:0.0} MB -> {report.BytesAfter / 1e6:0.0} MB ({report.Reclaim}); file on disk after close {new FileInfo(Path.Combine(folder, "news.db")).Length / 1e6:0.0} MB"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
