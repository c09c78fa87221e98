using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsAggregator.Benchmarks.Quality;
using NewsAggregator.Dedup;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Benchmarks.Pipeline;

/// <summary>
/// The storage writer alone: articles handed to it by many passes at once, stored with every
/// duplicate decision (URL, text, near-duplicate lookup and confirmation) on a real SQLite file in
/// WAL mode. Texts are drawn from the words of the evaluation set, each article its own; a share of
/// them (<c>--copies</c>, 10 %) are another site's copy of an earlier one behind a dateline, which
/// takes the near-duplicate path. Prints articles per second batched (StorageWriter, many callers)
/// and one at a time (StoreArticle, one caller), and checks the decisions.
/// Options: <c>--articles 20000</c>, <c>--writers N</c> (the callers at once, each holding a page
/// slot: by default the worker's own <see cref="AggregationOptions.PagesInFlight"/>, 256, as a pass
/// runs that many entries at once), <c>--copies 0.1</c>, <c>--warm-up 3000</c>
/// (articles stored first into a throwaway database, so that the JIT's work is not measured),
/// <c>--only batched|split</c>, <c>--search on|off</c> (the full-text index, on by default as in the worker),
/// <c>--words prose|even</c> (how texts draw their words: see <see cref="Articles"/>), <c>--pages on|off</c>
/// (each article's page kept, compressed, as the worker's <c>Storage:KeepPages</c> does by default:
/// the zyte set's pages in turn, compressed before the run, as a pass compresses its page before
/// handing the article over). Each article carries its sanitised HTML too, as the worker's do.
/// </summary>
public static class StorageWriterBenchmark
{
    public static int Run(string[] args)
    {
        var count = int.Parse(BenchmarkArgs.Option(args, "--articles", "20000"), CultureInfo.InvariantCulture);
        var writers = int.Parse(
            BenchmarkArgs.Option(args, "--writers", new AggregationOptions().PagesInFlight.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var copyShare = double.Parse(BenchmarkArgs.Option(args, "--copies", "0.1"), CultureInfo.InvariantCulture);
        var warmUp = int.Parse(BenchmarkArgs.Option(args, "--warm-up", "3000"), CultureInfo.InvariantCulture);
        var only = BenchmarkArgs.Option(args, "--only", "all");
        var options = new StorageOptions { FullTextSearch = BenchmarkArgs.Option(args, "--search", "on") != "off" };
        var draw = BenchmarkArgs.Option(args, "--words", "prose") switch
        {
            "prose" => WordDraw.AsInProse,
            "even" => WordDraw.Evenly,
            var other => throw new ArgumentException($"--words takes prose or even, not {other}"),
        };
        var pages = BenchmarkArgs.Option(args, "--pages", "on") switch
        {
            "on" => KeptPages(),
            "off" => null,
            var other => throw new ArgumentException($"--pages takes on or off, not {other}"),
        };
        var articles = Articles(count, copyShare, out var expectedStories, draw, pages);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage writer: {count} articles ({count - expectedStories} copies of others), {writers} callers at once, pages {(pages is null ? "not kept" : $"kept ({pages.Average(p => p.Body.Length) / 1024:0.0} KiB an article compressed)")}"));

        if (warmUp > 0)
        {
            // The process's first thousands of articles run code the JIT has not optimised yet, which
            // a worker that runs for months pays once: a throwaway database takes them first.
            var warmUpArticles = Articles(warmUp, copyShare, out var warmUpStories, draw, pages);
            Measure(null, options, warmUpArticles, warmUpStories, database => Batched(database, warmUpArticles, writers, report: false));
        }
        var batched = only is "all" or "batched"
            ? Measure("batched (StorageWriter)", options, articles, expectedStories, database => Batched(database, articles, writers, report: true))
            : double.NaN;
        if (only is "all" or "split")
        {
            Measure("split (prepare, then commit)", options, articles, expectedStories, database =>
            {
                // The writer's own share: every article prepared first (one thread), then committed in
                // batches as the writer would, each part timed on its own.
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var prepared = articles.ConvertAll(article => database.PrepareArticle(article, run: null));
                var preparing = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var batch in prepared.Chunk(writers))
                {
                    database.StoreArticles(batch);
                }
                var committing = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  prepare {preparing.TotalMilliseconds * 1000 / articles.Count:0} µs an article, commit in batches of {writers} {committing.TotalMilliseconds * 1000 / articles.Count:0} µs an article (CPU)"));
                return Task.CompletedTask;
            });
        }
        if (only is "all")
        {
            var single = Measure("one at a time (StoreArticle)", options, articles, expectedStories, database =>
            {
                foreach (var article in articles)
                {
                    database.StoreArticle(article);
                }
                return Task.CompletedTask;
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batched / one at a time: {batched / single:0.00}x"));
        }
        if (!double.IsNaN(batched))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target: batched >= 5000 articles/s: {(batched >= 5000 ? "met" : "NOT met")}"));
        }
        return 0;
    }

    /// <summary>
    /// The pipeline's way: many callers at once handing articles to one <see cref="StorageWriter"/>,
    /// each holding a page slot from before its article is prepared until it is stored, as a pass's
    /// entry does (so the writer sees, as in a pass, that more articles are on their way).
    /// </summary>
    internal static async Task Batched(NewsDatabase database, List<ArticleRecord> articles, int writers, bool report)
    {
        var times = new StageTimes();
        using var slots = new PageSlots(new AggregationOptions { PagesInFlight = writers });
        using var writer = new StorageWriter(database, times, slots);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < articles.Count; i = Interlocked.Increment(ref next))
            {
                using var slot = slots.ForEntry();
                await slot.TakeAsync(CancellationToken.None);
                await writer.StoreAsync(articles[i], run: null);
            }
        })));
        if (report)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  CPU: shingles and band keys {times.Dedupe.TotalSeconds:0.00} s (on the callers' threads), transactions {times.Store.TotalSeconds:0.00} s; {articles.Count / (double)writer.Transactions:0.0} articles a transaction"));
        }
    }

    private static double Measure(string? name, StorageOptions options, List<ArticleRecord> articles, int expectedStories, Func<NewsDatabase, Task> store)
    {
        var folder = Directory.CreateTempSubdirectory("newsaggregator-writer-").FullName;
        try
        {
            var database = NewsDatabase.Open(Path.Combine(folder, "news.db"), options);
            database.SyncSources(articles.Select(a => a.SourceId).Distinct().Select(id =>
                new Source { Id = id, Name = id, Type = SourceType.Rss, Url = new Uri($"https://{id}.example/feed.xml") }), DateTimeOffset.UtcNow);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            store(database).GetAwaiter().GetResult();
            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            long stories;
            using (var connection = database.OpenConnection())
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT count(*) FROM articles";
                stories = (long)command.ExecuteScalar()!;
            }
            database.Close();
            var rate = articles.Count / watch.Elapsed.TotalSeconds;
            if (name is null)
            {
                return rate;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-30} {watch.Elapsed.TotalSeconds,7:0.00} s  {rate,8:0} articles/s  CPU {cpu.TotalMilliseconds * 1000 / articles.Count,5:0} µs an article  stories {stories} (expected {expectedStories})"));
            return rate;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Distinct texts of 250–450 words drawn from the evaluation set's words; copies are earlier texts on another site.
    /// </summary>
    /// <param name="words">
    /// <see cref="WordDraw.AsInProse"/>: each word as often as in the set's texts, so a text's words
    /// repeat as in real prose ("the", "of" and names recur; about half its words are distinct), which
    /// is what the full-text index's cost depends on. <see cref="WordDraw.Evenly"/>: every distinct
    /// word of the set as likely as any other, nearly every word of a text a term of its own: the
    /// hardest case for the index (the figures before <c>--words</c> existed were taken so).
    /// </param>
    /// <param name="pages">Pages to keep with the articles, in turn (<see cref="KeptPages"/>); none: no page kept.</param>
    internal static List<ArticleRecord> Articles(
        int count, double copyShare, out int stories, WordDraw words = WordDraw.AsInProse, IReadOnlyList<StoredPage>? pages = null)
    {
        var running = EvaluationSet.ArticleBodies(EvaluationSet.Locate()).Values
            .SelectMany(text => text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var vocabulary = words == WordDraw.Evenly ? running.Distinct(StringComparer.Ordinal).ToArray() : running.ToArray();
        var random = new Random(20261201);
        var now = DateTimeOffset.UtcNow;
        var articles = new List<ArticleRecord>(count);
        stories = 0;
        for (var i = 0; i < count; i++)
        {
            var site = $"site{i % 500}";
            string text;
            if (i > 10 && random.NextDouble() < copyShare)
            {
                var original = articles[random.Next(articles.Count)];
                text = $"HARBOUR CITY ({site}) — {original.Text}";
                site = original.SourceId == site ? $"site{(i + 1) % 500}" : site;
            }
            else
            {
                stories++;
                var paragraphs = Enumerable.Range(0, 5).Select(_ =>
                    string.Join(' ', Enumerable.Range(0, random.Next(50, 90)).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + ".");
                text = string.Join("\n\n", paragraphs);
            }
            var url = $"https://www.{site}.example/news/{i}.html";
            articles.Add(new ArticleRecord
            {
                SourceId = site,
                Url = url,
                Text = text,
                Html = "<p>" + WebUtility.HtmlEncode(text).Replace("\n\n", "</p>\n<p>", StringComparison.Ordinal) + "</p>",
                Page = pages is null ? null : pages[i % pages.Count] with { SourceId = site, Url = url, FinalUrl = url },
                ContentHash = ContentFingerprint.Of(text),
                Title = $"Story {i}",
                FetchedAt = now,
                PublishedAt = now.AddMinutes(-i % 600),
            });
        }
        return articles;
    }

    /// <summary>The evaluation set's pages as the worker keeps them (<see cref="StoredPage.Of(string, string, string, string?, string?, DateTimeOffset, ReadOnlySpan{byte})"/>), one for each page.</summary>
    internal static List<StoredPage> KeptPages() =>
        EvaluationSet.Load(EvaluationSet.Locate())
            .Select(page => StoredPage.Of("site", page.Url.AbsoluteUri, page.Url.AbsoluteUri, "text/html", "utf-8", DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes(page.Html))!)
            .ToList();
}

/// <summary>How the benchmark's texts draw their words (<c>--words prose|even</c>).</summary>
internal enum WordDraw
{
    AsInProse,
    Evenly,
}
