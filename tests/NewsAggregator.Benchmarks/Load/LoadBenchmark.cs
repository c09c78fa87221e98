using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NewsAggregator.Benchmarks.Quality;
using NewsAggregator.Dedup;
using NewsAggregator.Extraction;

namespace NewsAggregator.Benchmarks.Load;

/// <summary>
/// The whole flow under load (issue 11): a generated web of N publishers on loopback addresses,
/// the real worker run over it twice (<c>--once</c>, then again with everything unchanged), and
/// what each run cost beside extraction alone on the same pages.
/// Options: <c>--sources N</c> (1000), <c>--articles A</c> per source (20), <c>--latency-ms</c> per
/// request (0), <c>--syndicated F</c> share of copies (0.1), <c>--setting Key=Value</c> passed to the
/// worker as <c>--Key=Value</c> (repeatable), <c>--max-minutes M</c> caps each worker run,
/// <c>--extraction-pages P</c> pages for the extraction-only figure (2000), <c>--keep DIR</c> keeps
/// sources.json and the database there, <c>--worker PATH</c> another build of the worker (a .dll runs on dotnet, anything else as an executable).
/// <c>--state-kib K</c> gives every page an inline JSON state script of about K KiB in its head, as
/// sites built on client-side frameworks ship (0: none; the pages are then tens of KB).
/// <c>--service-minutes M</c> runs the worker as the service instead, for M minutes, every source on a
/// one-minute interval, with each feed listing a quarter of its articles at the start and
/// <c>--release-per-minute R</c> (2) more every minute, and prints its memory and CPU minute by minute
/// (<see cref="RunService"/>).
/// </summary>
public static class LoadBenchmark
{
    private sealed record Options(
        int Sources, int Articles, int LatencyMs, double Syndicated, string? Keep, IReadOnlyList<string> Settings,
        double? MaxMinutes, int ExtractionPages, string? Worker, int? ServiceMinutes, int ReleasePerMinute, int StateKib);

    public static int Run(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("usage: load [--sources 1000] [--articles 20] [--latency-ms 0] [--syndicated 0.1] [--keep DIR] [--setting Key=Value]... [--max-minutes M] [--extraction-pages 2000] [--worker PATH] [--service-minutes M [--release-per-minute 2]] [--state-kib K]");
            return 2;
        }
        return RunAsync(options).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(Options options)
    {
        var worker = options.Worker ?? WorkerProcess.BuiltWorker();
        if (!File.Exists(worker))
        {
            // The benchmark project references the worker project, so `dotnet run -c Release` builds it.
            Console.Error.WriteLine($"error: {worker} is missing; build it with: dotnet build -c Release src/NewsAggregator");
            return 2;
        }
        var folder = options.Keep ?? Directory.CreateTempSubdirectory("newsaggregator-load-").FullName;
        Directory.CreateDirectory(folder);

        var watch = Stopwatch.StartNew();
        var texts = EvaluationSet.ArticleBodies(EvaluationSet.Locate()).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value).ToList();
        var web = FixtureWeb.Generate(options.Sources, options.Articles, options.Syndicated, texts, stateBytes: options.StateKib * 1024);
        await using var server = await FixtureServer.StartAsync(web, TimeSpan.FromMilliseconds(options.LatencyMs));
        var generated = watch.Elapsed - server.BindTime;
        var port = server.Port;

        var stories = web.Articles.Select(a => a.Story).Distinct().Count();
        var copies = web.Articles.Count(a => a.IsCopy);
        var groups = web.Articles.GroupBy(a => a.Story).Count(g => g.Count() > 1);
        var settingsText = options.Settings.Count == 0 ? "worker defaults" : string.Join(" ", options.Settings.Select(s => "--" + s));
        Console.WriteLine(Invariant($"load: {options.Sources} publishers x {options.Articles} articles = {web.Articles.Count} pages: {stories} stories, {copies} syndicated copies in {groups} groups; latency {options.LatencyMs} ms; {settingsText}"));
        Console.WriteLine(Invariant($"fixture web: generated and rendered in {generated.TotalSeconds:F1} s ({server.ServedBytes / 1e6:F1} MB); {options.Sources} addresses bound on port {port} in {server.BindTime.TotalSeconds:F2} s"));
        Console.WriteLine($"worker: {worker}; files in {folder}");
        var generatedOverlap = ChanceOverlap.Among(web.Articles.Where(a => !a.IsCopy).Select(a => string.Join("\n\n", a.Paragraphs)).ToList());
        var realOverlap = ChanceOverlap.Among(texts);
        Console.WriteLine(Invariant(
            $"unrelated stories: {generatedOverlap.SharingShare:P1} of {generatedOverlap.Pairs} pairs share a run of {StoryShingles.WordsPerShingle} words, {generatedOverlap.CandidatesAmong(stories):F2} chance candidates a story among {stories} (the evaluation set's articles: {realOverlap.SharingShare:P1} of {realOverlap.Pairs} pairs, {realOverlap.CandidatesAmong(stories):F2})"));

        var sourcesPath = Path.Combine(folder, "sources.json");
        WriteSources(sourcesPath, web, port, options.Articles, options.ServiceMinutes is null ? null : 1);
        var database = Path.Combine(folder, "news.db");
        foreach (var stale in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(stale);
        }
        if (options.ServiceMinutes is { } serviceMinutes)
        {
            var exit = RunService(options, worker, web, server, sourcesPath, database, serviceMinutes);
            if (options.Keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
            return exit;
        }
        var arguments = new List<string> { "--once", "--sources", sourcesPath, "--db", database };
        arguments.AddRange(options.Settings.Select(s => "--" + s));
        var cap = options.MaxMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;

        var results = new List<(WorkerRun Run, RequestCounts Requests, StoredOutcome Stored)>();
        foreach (var name in new[] { "first run", "second run (unchanged)" })
        {
            Console.WriteLine($"{name}: running…");
            var before = server.Counts;
            var run = WorkerProcess.Run(worker, arguments, cap);
            var requests = FixtureServer.Difference(server.Counts, before);
            if (!File.Exists(database))
            {
                Console.Error.WriteLine($"error: the worker exited with {run.ExitCode} and left no database; it said: {string.Join(" | ", run.StderrSample)}");
                return 1;
            }
            results.Add((run, requests, StoredOutcome.Read(database, web, port)));
            Console.WriteLine($"{name}: {(run.LastStdoutLine.Length > 0 ? run.LastStdoutLine : "(the worker printed no summary)")}");
            if (run.Killed)
            {
                Console.WriteLine(Invariant($"{name}: stopped at the {options.MaxMinutes} minute cap; skipping the second run"));
                break;
            }
        }

        var extraction = MeasureExtraction(web, port, options.ExtractionPages);
        var workerExtraction = MeasureWorkerExtraction(worker, web, port, options.ExtractionPages, folder);
        Report(results, extraction, workerExtraction);
        if (options.Keep is null)
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static void Report(
        List<(WorkerRun Run, RequestCounts Requests, StoredOutcome Stored)> results, ExtractionSpeed extraction, ExtractionSpeed? workerExtraction)
    {
        Console.WriteLine();
        Console.WriteLine($"{"",-34}{"first run",16}{"second run",16}");
        // The database accumulates over the runs: "added" is what this run stored, "previous" the outcome before it.
        var empty = new StoredOutcome(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0);
        void Row(string label, Func<WorkerRun, RequestCounts, StoredOutcome, StoredOutcome, string> figure)
        {
            var cells = results.Select((r, i) => figure(r.Run, r.Requests, r.Stored, i == 0 ? empty : results[i - 1].Stored));
            Console.WriteLine($"{label,-34}" + string.Concat(cells.Select(c => $"{c,16}")));
        }
        Row("wall s", (r, _, _, _) => Invariant($"{r.Wall.TotalSeconds:F1}"));
        Row("exit code", (r, _, _, _) => r.Killed ? $"{r.ExitCode} (capped)" : Invariant($"{r.ExitCode}"));
        Row("sources run (failed)", (_, _, s, p) => Invariant($"{s.Runs - p.Runs} ({s.FailedRuns - p.FailedRuns})"));
        Row("articles stored by the run", (_, _, s, p) => Invariant($"{s.Articles - p.Articles}"));
        Row("articles stored per s", (r, _, s, p) => Invariant($"{(s.Articles - p.Articles) / r.Wall.TotalSeconds:F1}"));
        Row("requests (of which 304)", (_, q, _, _) => Invariant($"{q.Total} ({q.NotModified})"));
        Row("  feeds / robots / pages / 404", (_, q, _, _) => Invariant($"{q.Feeds}/{q.Robots}/{q.Pages}/{q.NotFound}"));
        Row("worker CPU s (user+sys)", (r, _, _, _) => Invariant($"{r.Cpu:F1}"));
        Row("  user / sys", (r, _, _, _) => Invariant($"{r.UserCpu:F1}/{r.SystemCpu:F1}"));
        Row("CPU ms per stored article", (r, _, s, p) => s.Articles == p.Articles ? "n/a" : Invariant($"{r.Cpu * 1000 / (s.Articles - p.Articles):F1}"));
        Row("CPU ms per source run", (r, _, s, p) => s.Runs == p.Runs ? "n/a" : Invariant($"{r.Cpu * 1000 / (s.Runs - p.Runs):F1}"));
        Row("average cores busy", (r, _, _, _) => Invariant($"{r.Cpu / r.Wall.TotalSeconds:F2}"));
        Row("peak RSS MB (VmHWM)", (r, _, _, _) => Invariant($"{r.PeakRssBytes / 1048576.0:F0}"));
        // The worker's own figures, one row each, when it prints them (WorkerProcess: the stage-cpu, gc and jit lines).
        foreach (var (label, figures, format) in new[] { ("stage CPU s", (Func<WorkerRun, IReadOnlyDictionary<string, double>>)(r => r.StageCpu), "F2"), ("stage MiB allocated", r => r.StageAllocation, "0"), ("GC", r => r.Gc, "0.#"), ("JIT", r => r.Jit, "0") })
        {
            var keys = results.SelectMany(r => figures(r.Run).Keys).Distinct().ToList();
            if (keys.Count == 0)
            {
                Row(label, (_, _, _, _) => "n/a");
            }
            foreach (var key in keys)
            {
                Row($"{label}: {key}", (r, _, _, _) => figures(r).TryGetValue(key, out var value) ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a");
            }
        }
        Row("database MB (+ -wal/-shm)", (_, _, s, _) => Invariant($"{s.DatabaseBytes / 1e6:F1} (+{s.WalBytes / 1e6:F1})"));
        Row("database bytes per article", (_, _, s, _) => s.Articles == 0 ? "n/a" : Invariant($"{s.DatabaseBytes / s.Articles}"));
        Row("  with -wal/-shm", (_, _, s, _) => s.Articles == 0 ? "n/a" : Invariant($"{(s.DatabaseBytes + s.WalBytes) / s.Articles}"));
        Row("articles in database", (_, _, s, _) => Invariant($"{s.Articles}"));
        Row("sightings", (_, _, s, _) => Invariant($"{s.Sightings}"));
        Row("fixture pages found / missing", (_, _, s, _) => Invariant($"{s.PagesFound}/{s.PagesMissing}"));
        Row("syndicated groups merged exactly", (_, _, s, _) => Invariant($"{s.GroupsMergedExactly}/{s.SyndicatedGroups}"));
        Row("articles holding several stories", (_, _, s, _) => Invariant($"{s.ArticlesHoldingSeveralStories}"));
        Row("duplicate pairs precision", (_, _, s, _) => Invariant($"{s.PairPrecision:F4}"));
        Row("duplicate pairs recall", (_, _, s, _) => Invariant($"{s.PairRecall:F4}"));
        Row("stored texts whole / with furniture", (_, _, s, _) => Invariant($"{s.WholeTexts}/{s.TextsWithFurniture}"));
        Row("worker stderr lines", (r, _, _, _) => Invariant($"{r.StderrLines}"));

        var first = results[0];
        Console.WriteLine();
        Console.WriteLine(Invariant($"extraction only ({extraction.Pages} of the same pages, {Environment.ProcessorCount} cores, after warm-up): {extraction.PagesPerSecond:F1} pages/s, {extraction.CpuMsPerPage:F2} CPU ms per page"));
        var articlesPerSecond = first.Stored.Articles / first.Run.Wall.TotalSeconds;
        var cpuPerArticle = first.Stored.Articles == 0 ? double.NaN : first.Run.Cpu * 1000 / first.Stored.Articles;
        Console.WriteLine(Invariant($"end-to-end articles/s / extraction-only pages/s: {articlesPerSecond / extraction.PagesPerSecond:F3}"));
        Console.WriteLine(Invariant($"worker CPU per article / extraction CPU per page: {cpuPerArticle / extraction.CpuMsPerPage:F2}"));
        if (workerExtraction is { } own)
        {
            Console.WriteLine(Invariant($"extraction only, the worker's own extract (same build; what {own.Pages} more pages of the same cost, start-up excluded): {own.PagesPerSecond:F1} pages/s, {own.CpuMsPerPage:F2} CPU ms per page"));
            Console.WriteLine(Invariant($"  end-to-end / that: {articlesPerSecond / own.PagesPerSecond:F3}; worker CPU per article / that: {cpuPerArticle / own.CpuMsPerPage:F2}"));
        }
        foreach (var example in results[^1].Stored.SplitGroupExamples)
        {
            Console.WriteLine($"syndicated group not merged: {example}");
        }
        foreach (var (run, _, _) in results.Where(r => r.Run.StderrSample.Count > 0))
        {
            Console.WriteLine("worker stderr, first lines: " + string.Join(" | ", run.StderrSample.Select(l => l.Length > 200 ? l[..200] + "…" : l)));
        }
    }

    /// <summary>
    /// The worker as an operator leaves it: the service (no <c>--once</c>) over every source on a
    /// one-minute interval for <paramref name="minutes"/> minutes, then SIGTERM. Feeds start with a
    /// quarter of their articles and list <see cref="Options.ReleasePerMinute"/> more every minute, so
    /// early passes store new stories and later ones find their feeds unchanged (304), as most
    /// passes of a long-running service do. Prints, minute by minute, the highest resident memory,
    /// the CPU spent, the requests served and the articles stored: memory that keeps rising once
    /// the feeds stop changing is memory the service would not give back in a month.
    /// </summary>
    private static int RunService(Options options, string worker, FixtureWeb web, FixtureServer server, string sourcesPath, string database, int minutes)
    {
        var released = Math.Max(1, options.Articles / 4);
        server.ReleasedPerPublisher = released;
        var arguments = new List<string> { "--sources", sourcesPath, "--db", database };
        arguments.AddRange(options.Settings.Select(s => "--" + s));
        Console.WriteLine(Invariant($"service: {minutes} minutes, every source each minute; feeds list {released} of {options.Articles} articles at the start and {options.ReleasePerMinute} more a minute"));

        var rows = new List<(int Minute, int Released, long PeakRss, double Cpu, RequestCounts Requests, long Articles)>();
        var minute = 0;
        long minutePeak = 0;
        double cpuAtMinuteStart = 0, cpuNow = 0;
        var countsAtMinuteStart = server.Counts;
        void EndMinute()
        {
            var counts = server.Counts;
            rows.Add((minute + 1, released, minutePeak, cpuNow - cpuAtMinuteStart, FixtureServer.Difference(counts, countsAtMinuteStart), StoredOutcome.ArticlesNow(database)));
            minute++;
            minutePeak = 0;
            cpuAtMinuteStart = cpuNow;
            countsAtMinuteStart = counts;
            released = Math.Min(options.Articles, released + options.ReleasePerMinute);
            server.ReleasedPerPublisher = released;
        }
        var run = WorkerProcess.Run(worker, arguments, TimeSpan.FromMinutes(minutes), sample =>
        {
            // Called on this thread, about ten times a second.
            cpuNow = sample.CpuSeconds;
            // A while, not an if: a machine that stalls the sampler past a minute's end still closes every minute.
            while (sample.At >= TimeSpan.FromMinutes(minute + 1) && minute < minutes)
            {
                EndMinute();
            }
            minutePeak = Math.Max(minutePeak, sample.RssBytes);
        }, notable: line => !line.Contains(" info: ", StringComparison.Ordinal));
        cpuNow = run.Cpu;
        if (minute < minutes)
        {
            EndMinute();
        }

        Console.WriteLine();
        Console.WriteLine($"{"minute",6} {"listed",6} {"peak RSS MB",11} {"CPU s",7} {"requests",9} {"of them 304",11} {"articles",9}");
        foreach (var row in rows)
        {
            Console.WriteLine(Invariant($"{row.Minute,6} {row.Released,6} {row.PeakRss / 1048576.0,11:F0} {row.Cpu,7:F1} {row.Requests.Total,9} {row.Requests.NotModified,11} {row.Articles,9}"));
        }
        var stored = StoredOutcome.Read(database, web, server.Port);
        var half = rows.Count / 2;
        Console.WriteLine();
        Console.WriteLine(Invariant($"exit code {run.ExitCode} after SIGTERM; worker CPU {run.Cpu:F1} s; peak RSS (VmHWM) {run.PeakRssBytes / 1048576.0:F0} MB"));
        Console.WriteLine(Invariant($"highest RSS, first half of the minutes: {rows.Take(half).DefaultIfEmpty().Max(r => r.PeakRss) / 1048576.0:F0} MB; second half: {rows.Skip(half).DefaultIfEmpty().Max(r => r.PeakRss) / 1048576.0:F0} MB"));
        Console.WriteLine(Invariant($"articles {stored.Articles}, sightings {stored.Sightings}, fixture pages found / missing {stored.PagesFound}/{stored.PagesMissing}, syndicated groups merged {stored.GroupsMergedExactly}/{stored.SyndicatedGroups}, articles holding several stories {stored.ArticlesHoldingSeveralStories}; worker log lines {run.StderrLines}"));
        // The service logs a line per pass on stderr; the sample holds the first lines that are not information.
        foreach (var line in run.StderrSample)
        {
            Console.WriteLine("worker stderr: " + (line.Length > 200 ? line[..200] + "…" : line));
        }
        return run.ExitCode == 0 ? 0 : 1;
    }

    private readonly record struct ExtractionSpeed(int Pages, double PagesPerSecond, double CpuMsPerPage);

    /// <summary>
    /// The ceiling the worker's pass is compared with: the extractor alone over a sample of the
    /// same pages on every core, after a warm-up; process CPU counts the GC's and JIT's threads.
    /// </summary>
    private static ExtractionSpeed MeasureExtraction(FixtureWeb web, int port, int count)
    {
        var pages = Sample(web, count).Select(a => (Html: web.Page(a, port), Url: FixtureWeb.ArticleUrl(a, port))).ToArray();
        var extractor = new ArticleExtractor();
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            Parallel.For(0, Math.Min(pages.Length, 300), i => extractor.Extract(pages[i].Html, pages[i].Url));
        }
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, pages.Length, i => extractor.Extract(pages[i].Html, pages[i].Url));
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        return new ExtractionSpeed(pages.Length, pages.Length / wall, cpu / pages.Length);
    }

    /// <summary>
    /// The same ceiling measured on the worker under test rather than in this process: its own
    /// <c>extract</c> over the sample pages written to files, as served. The figure in this process
    /// runs on the JIT beside the whole fixture web in memory (hundreds of MB its collector walks),
    /// which a native worker, or a worker holding only its pass, does not carry; the worker's own
    /// command runs the same code the pass runs, on the same build. Start-up and the JIT's warm-up
    /// are taken out by running it over the pages once and over them twice: the difference is what
    /// the second copy of the pages cost. Null when the worker cannot run it.
    /// </summary>
    private static ExtractionSpeed? MeasureWorkerExtraction(string worker, FixtureWeb web, int port, int count, string folder)
    {
        var pagesFolder = Path.Combine(folder, "extraction-pages");
        Directory.CreateDirectory(pagesFolder);
        var written = 0;
        foreach (var article in Sample(web, count))
        {
            File.WriteAllText(Path.Combine(pagesFolder, Invariant($"{written++:D6}.html")), web.Page(article, port));
        }
        var output = Path.Combine(folder, "extraction.jsonl");
        WorkerRun Extract(int copies) =>
            WorkerProcess.Run(worker, ["extract", .. Enumerable.Repeat(pagesFolder, copies), "--output", output], TimeSpan.FromMinutes(10));
        try
        {
            // Best of three for each, in turns, as the machine's speed drifts.
            var once = new List<WorkerRun>();
            var twice = new List<WorkerRun>();
            for (var round = 0; round < 3; round++)
            {
                once.Add(Extract(1));
                twice.Add(Extract(2));
            }
            if (once.Concat(twice).Any(run => run.ExitCode != 0))
            {
                Console.WriteLine("the worker's own extract failed; its figure is left out");
                return null;
            }
            var cpu = twice.Min(run => run.Cpu) - once.Min(run => run.Cpu);
            var wall = twice.Min(run => run.Wall.TotalSeconds) - once.Min(run => run.Wall.TotalSeconds);
            return cpu <= 0 || wall <= 0 ? null : new ExtractionSpeed(written, written / wall, cpu * 1000 / written);
        }
        finally
        {
            Directory.Delete(pagesFolder, recursive: true);
            File.Delete(output);
        }
    }

    /// <summary>About <paramref name="count"/> of the web's article pages, spread evenly over its publishers: the pages both extraction-only figures time.</summary>
    private static IEnumerable<FixtureArticle> Sample(FixtureWeb web, int count)
    {
        var step = Math.Max(1, web.Articles.Count / Math.Max(1, count));
        return web.Articles.Where((_, i) => i % step == 0).Take(count);
    }

    private static void WriteSources(string path, FixtureWeb web, int port, int articles, int? intervalMinutes)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("sources");
        foreach (var publisher in web.Publishers)
        {
            json.WriteStartObject();
            json.WriteString("id", Invariant($"pub-{publisher.Index + 1:D5}"));
            json.WriteString("name", publisher.Name);
            json.WriteString("type", "rss");
            json.WriteString("url", FixtureWeb.FeedUrl(publisher, port).ToString());
            json.WriteNumber("maxArticles", Math.Max(articles, 50));
            if (intervalMinutes is { } interval)
            {
                json.WriteNumber("intervalMinutes", interval);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static Options Parse(string[] args)
    {
        int sources = 1000, articles = 20, latency = 0, extractionPages = 2000, releasePerMinute = 2, stateKib = 0;
        int? serviceMinutes = null;
        double syndicated = 0.1;
        double? maxMinutes = null;
        string? keep = null, worker = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--sources": sources = Positive(Value(), "--sources", 250_000); break;
                case "--articles": articles = Positive(Value(), "--articles", 1000); break;
                case "--latency-ms": latency = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--syndicated": syndicated = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--keep": keep = Path.GetFullPath(Value()); break;
                case "--worker": worker = Path.GetFullPath(Value()); break;
                case "--max-minutes": maxMinutes = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--extraction-pages": extractionPages = Positive(Value(), "--extraction-pages", 1_000_000); break;
                case "--service-minutes": serviceMinutes = Positive(Value(), "--service-minutes", 10_000); break;
                case "--release-per-minute": releasePerMinute = Positive(Value(), "--release-per-minute", 1000); break;
                case "--state-kib": stateKib = Positive(Value(), "--state-kib", 8192); break;
                case "--setting":
                    var setting = Value().TrimStart('-');
                    settings.Add(setting.Contains('=', StringComparison.Ordinal) ? setting : throw new ArgumentException($"--setting {setting}: expected Key=Value"));
                    break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (syndicated is < 0 or > 0.9 || latency is < 0 or > 60_000)
        {
            throw new ArgumentException("--syndicated takes 0 to 0.9, --latency-ms 0 to 60000");
        }
        return new Options(sources, articles, latency, syndicated, keep, settings, maxMinutes, extractionPages, worker, serviceMinutes, releasePerMinute, stateKib);
    }

    private static int Positive(string text, string name, int most)
    {
        var value = int.Parse(text, CultureInfo.InvariantCulture);
        return value >= 1 && value <= most ? value : throw new ArgumentException($"{name} takes 1 to {most}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
