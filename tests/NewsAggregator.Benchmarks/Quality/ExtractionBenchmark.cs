using System.Diagnostics;
using AngleSharp.Dom;
using NewsAggregator.Benchmarks.Load;
using AngleSharp.Html.Parser;
using NewsAggregator.Extraction;

namespace NewsAggregator.Benchmarks.Quality;

/// <summary>
/// Quality of article extraction on every evaluation set (the zyte set the repository carries,
/// and daniel-multilingual and cleaneval-oldweb from ../shared/datasets when they are there),
/// ours beside SmartReader, per set and per language, under each set's reach (how much of its
/// reference text is made of words on the pages at all); then speed on the zyte set.
/// Options: <c>--sets zyte,daniel,cleaneval</c> picks sets; <c>--quality</c> skips the
/// timings; <c>--pages</c> lists every page's scores for our extractor, worst first;
/// <c>--show ID</c> prints the paragraphs one page's extraction adds or misses (ID may also be
/// the path of a saved page of one's own, which has no reference: all its text is "extra") (with
/// <c>--text</c>, also its metadata and whole text; with <c>--html</c>, where its HTML and
/// text disagree; with <c>--trace</c>, the elements above the truth's longest paragraphs);
/// <c>--agreement</c> measures how far each page's HTML and text agree; <c>--dump DIR</c> writes
/// each page's text, HTML and metadata under DIR/set/ for comparing outputs before and after a change;
/// <c>--ours</c> skips SmartReader; <c>--versus</c> lists the pages where SmartReader does
/// better than ours, by how much, worst first; <c>--worker PATH</c> is the worker whose whole
/// <c>extract</c> process is timed over each set (default: this checkout's Release build; give a
/// published <c>newsaggregator</c> to time the deployment build); <c>--runs N</c> how many times (default 3); <c>--rounds N</c> how many turns each contender's
/// warm timing takes, in alternation with the others (default 3).
/// </summary>
public static class ExtractionBenchmark
{
    private sealed record Contender(string Key, string Name, Func<EvaluationPage, string> Extract);

    public static int Run(string[] args)
    {
        var ours = new ArticleExtractor();
        var timeIndex = Array.IndexOf(args, "--time");
        if (timeIndex >= 0 && timeIndex + 1 < args.Length)
        {
            // Speed is measured on the set the repository carries, so figures compare across checkouts.
            return TimeInThisProcess(Contenders(ours).Single(c => c.Key == args[timeIndex + 1]), EvaluationSet.Load(EvaluationSet.Locate()));
        }

        var runIndex = Array.IndexOf(args, "--run");
        if (runIndex >= 0 && runIndex + 2 < args.Length)
        {
            // One contender over one set, once, on every core, then exit: what a one-off run of that
            // extractor costs as a whole process (WholeProcess times it from outside).
            var contender = Contenders(ours).Single(c => c.Key == args[runIndex + 1]);
            var pages = EvaluationSet.Load(EvaluationSet.LocateSet(args[runIndex + 2])!);
            Parallel.ForEach(pages, page => contender.Extract(page));
            return 0;
        }

        var setsIndex = Array.IndexOf(args, "--sets");
        var wanted = setsIndex >= 0 && setsIndex + 1 < args.Length
            ? args[setsIndex + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : EvaluationSet.Known.Select(set => set.Key).ToArray();
        var sets = new List<(string Key, IReadOnlyList<EvaluationPage> Pages)>();
        foreach (var key in wanted)
        {
            if (!EvaluationSet.Known.Any(set => set.Key == key))
            {
                Console.Error.WriteLine($"unknown set {key}; known: {string.Join(", ", EvaluationSet.Known.Select(set => set.Key))}");
                return 2;
            }
            if (EvaluationSet.LocateSet(key) is not { } folder)
            {
                Console.WriteLine($"{key}: skipped, its folder is not beside this checkout");
                continue;
            }
            sets.Add((key, EvaluationSet.Load(folder)));
        }

        var showIndex = Array.IndexOf(args, "--show");
        if (showIndex >= 0 && showIndex + 1 < args.Length)
        {
            // A page of a set by the start of its id, or a saved page of one's own (no reference text).
            var page = File.Exists(args[showIndex + 1])
                ? new EvaluationPage(Path.GetFileName(args[showIndex + 1]), new Uri("https://page.example/"), File.ReadAllText(args[showIndex + 1]), "")
                : sets.SelectMany(set => set.Pages).First(p => p.Id.StartsWith(args[showIndex + 1], StringComparison.Ordinal));
            var article = ours.Extract(page.Html, page.Url);
            if (args.Contains("--text"))
            {
                Console.WriteLine(article with { Text = "" });
                Console.WriteLine(article.Text);
            }
            ShowDifference(page, article.Text);
            if (args.Contains("--html"))
            {
                // Where the HTML's text and the text part ways.
                ShowDifference(page with { ArticleBody = article.Text }, ArticleText.FromHtmlFragment(article.Html));
            }
            if (args.Contains("--trace"))
            {
                Trace(page);
            }
            if (args.Contains("--why"))
            {
                Why(page, args);
            }
            return 0;
        }

        if (args.Contains("--diffs"))
        {
            // Every page's extra and missing paragraphs, to read the kinds of loss over a whole set.
            foreach (var (key, pages) in sets)
            {
                foreach (var page in pages)
                {
                    Console.WriteLine($"== {key} {page.Id}");
                    ShowDifference(page, ours.Extract(page.Html, page.Url).Text);
                }
            }
            return 0;
        }

        if (args.Contains("--agreement"))
        {
            return Agreement(ours, sets);
        }

        var dumpIndex = Array.IndexOf(args, "--dump");
        if (dumpIndex >= 0 && dumpIndex + 1 < args.Length)
        {
            return Dump(ours, sets, args[dumpIndex + 1]);
        }

        var qualityOnly = args.Contains("--quality");
        var contenders = Contenders(ours).Where(c => c.Key != "parse" && (c.Key == "ours" || !args.Contains("--ours"))).ToList();
        Console.WriteLine($"4-gram shingle F1; pages decoded as the worker decodes them (PageDecoder); {Environment.ProcessorCount} cores");
        foreach (var (key, pages) in sets)
        {
            var byContender = new Dictionary<string, List<PageScore>>(StringComparer.Ordinal);
            Console.WriteLine();
            Console.WriteLine($"{key}: {pages.Count} pages");
            var reachable = new double[pages.Count];
            Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
                reachable[i] = ExtractionScore.Reachable(pages[i].ArticleBody, PageWords(pages[i].Html)));
            Console.WriteLine($"  the truth's reach: {reachable.Average():F4} of its shingles are made of words on the page ({reachable.Count(r => r < 0.9)} pages under 0.9), the most any extractor can match");
            Console.WriteLine($"  {"extractor",-20} {"group",-6} {"pages",5} {"P",6} {"R",6} {"F1",6} {"empty",5} {"mojibake",8}");
            foreach (var contender in contenders)
            {
                var texts = new string[pages.Count];
                Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => texts[i] = contender.Extract(pages[i]));
                var scores = byContender[contender.Key] = pages.Select((p, i) => ExtractionScore.Page(p.ArticleBody, texts[i])).ToList();
                var mojibake = pages.Where((p, i) => Mojibake.Introduced(texts[i], p.ArticleBody, p.WrittenReplacements)).Select(p => p.Id).ToList();
                Report(contender.Name, "all", scores, mojibake.Count);
                foreach (var language in pages.Select(p => p.Language).OfType<string>().Distinct().Order(StringComparer.Ordinal))
                {
                    var indices = Enumerable.Range(0, pages.Count).Where(i => pages[i].Language == language).ToList();
                    Report(contender.Name, language, indices.Select(i => scores[i]).ToList(), indices.Count(i => mojibake.Contains(pages[i].Id)));
                }

                if (args.Contains("--pages") && contender.Key == "ours")
                {
                    foreach (var (page, score) in pages.Zip(scores).OrderBy(x => F1(x.Second)))
                    {
                        Console.WriteLine($"    {F1(score):F3} P={score.Precision:F3} R={score.Recall:F3} {page.Language,-2} {page.Id} {page.Url}{(mojibake.Contains(page.Id) ? " MOJIBAKE" : "")}");
                    }
                }
            }
            if (args.Contains("--versus") && byContender.TryGetValue("ours", out var oursScores) && byContender.TryGetValue("smartreader", out var smartScores))
            {
                Console.WriteLine("  pages where SmartReader does better, by how much");
                foreach (var (page, gap, mine) in pages.Select((p, i) => (p, F1(smartScores[i]) - F1(oursScores[i]), oursScores[i])).Where(x => x.Item2 > 0.05).OrderByDescending(x => x.Item2))
                {
                    Console.WriteLine($"    -{gap:F3} ours {F1(mine):F3} P={mine.Precision:F3} R={mine.Recall:F3} {page.Language,-2} {page.Id} {page.Url}");
                }
            }
        }
        if (qualityOnly)
        {
            return 0;
        }

        Console.WriteLine();
        var rounds = int.Parse(BenchmarkArgs.Option(args, "--rounds", "3"), System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"speed on the zyte set; each timing in a fresh process, best of 5 runs once the JIT has settled;");
        Console.WriteLine($"the contenders take turns for {rounds} rounds and each keeps its best figures, so a slow spell of the machine falls on all alike");
        Console.WriteLine($"  {"extractor",-20} {"pages/s 1 core",15} {"pages/CPU-s",12} {"pages/s all",12} {"slowest ms",10}  {"1 core, each round",-24}");
        var timed = contenders.Append(Contenders(ours).Single(c => c.Key == "parse")).ToList();
        var timings = timed.ToDictionary(c => c.Key, _ => new List<Speed>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var contender in timed)
            {
                timings[contender.Key].Add(TimeInChildProcess(contender.Key));
            }
        }
        var speeds = new Dictionary<string, Speed>();
        foreach (var contender in timed)
        {
            var all = timings[contender.Key];
            var speed = speeds[contender.Key] = new Speed(all.Max(s => s.OneCore), all.Max(s => s.PerCpuSecond), all.Max(s => s.AllCores), all.Min(s => s.SlowestMs));
            Console.WriteLine($"  {contender.Name,-20} {speed.OneCore,15:F1} {speed.PerCpuSecond,12:F1} {speed.AllCores,12:F1} {speed.SlowestMs,10:F1}  {string.Join(" ", all.Select(s => s.OneCore.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
        }
        var parse = speeds["parse"];
        var oursSpeed = speeds["ours"];
        Console.WriteLine();
        Console.WriteLine($"time per page against AngleSharp parse-only: {parse.OneCore / oursSpeed.OneCore:F2}x wall, {parse.PerCpuSecond / oursSpeed.PerCpuSecond:F2}x CPU (target: at most 2x)");
        if (speeds.TryGetValue("smartreader", out var smart))
        {
            Console.WriteLine($"speed against SmartReader on one core: {oursSpeed.OneCore / smart.OneCore:F2}x wall, {oursSpeed.PerCpuSecond / smart.PerCpuSecond:F2}x CPU (target: at least 4x)");
        }
        WholeProcess(sets, oursSpeed, BenchmarkArgs.Option(args, "--worker", WorkerProcess.BuiltWorker()),
            int.Parse(BenchmarkArgs.Option(args, "--runs", "3"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>
    /// What a one-off <c>newsaggregator extract</c> over each set costs as a whole process, start-up,
    /// JIT and file reading included, beside what the same pages take at the warm one-core rate:
    /// the difference is what a person running the command pays for start-up.
    /// </summary>
    private static void WholeProcess(List<(string Key, IReadOnlyList<EvaluationPage> Pages)> sets, Speed warm, string worker, int runs)
    {
        Console.WriteLine();
        Console.WriteLine($"whole process: {worker} extract SET/html, median of {runs} runs, start-up included;");
        Console.WriteLine("warm CPU s: the same pages at the warm rate per CPU-second measured above (on the zyte set), which load on the machine moves least");
        Console.WriteLine($"  {"set",-10} {"pages",5} {"wall s",7} {"CPU s",7} {"warm CPU s",10}");
        var output = Path.Combine(Path.GetTempPath(), $"extract-{Environment.ProcessId}.jsonl");
        try
        {
            foreach (var (key, pages) in sets)
            {
                var folder = Path.Combine(EvaluationSet.LocateSet(key)!, "html");
                var timings = Enumerable.Range(0, runs)
                    .Select(_ => WorkerProcess.Run(worker, ["extract", folder, "--output", output], TimeSpan.FromMinutes(10)))
                    .ToList();
                if (timings.FirstOrDefault(run => run.ExitCode != 0) is { } failed)
                {
                    Console.WriteLine($"  {key,-10} exit code {failed.ExitCode}: {string.Join(" / ", failed.StderrSample)}");
                    continue;
                }
                var oursWall = Median(timings.Select(run => run.Wall.TotalSeconds));
                Console.WriteLine($"  {key,-10} {pages.Count,5} {oursWall,7:F2} {Median(timings.Select(run => run.Cpu)),7:F2} {pages.Count / warm.PerCpuSecond,10:F2}");
                if (key == "zyte")
                {
                    // SmartReader as a whole process over the same pages, on every core as extract runs:
                    // this benchmark started for that alone (its start-up, the set's files read and decoded).
                    var smart = Enumerable.Range(0, runs)
                        .Select(_ => WorkerProcess.Run(Self(), ["extraction", "--run", "smartreader", key], TimeSpan.FromMinutes(10)))
                        .ToList();
                    var smartWall = Median(smart.Select(run => run.Wall.TotalSeconds));
                    Console.WriteLine($"  {"  SmartReader, whole process",-28} {smartWall,7:F2} wall s {Median(smart.Select(run => run.Cpu)),7:F2} CPU s: ours {smartWall / oursWall:F1}x faster (target: at least 10x with the deployment build)");
                }
            }
        }
        finally
        {
            File.Delete(output);
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    /// <summary>Every text node of the page, apart: a tag between two words parts them, as it does on screen for blocks.</summary>
    private static string PageWords(string html) =>
        string.Join(' ', new HtmlParser().ParseDocument(html).DocumentElement.Descendants<IText>().Select(text => text.Data));

    /// <summary>
    /// Where the truth's longest paragraphs sit in the page: the chain of elements above each,
    /// marked * where the furniture vocabulary names one, so a page's misses can be read off.
    /// </summary>
    private static void Trace(EvaluationPage page)
    {
        var document = new HtmlParser().ParseDocument(page.Html);
        foreach (var paragraph in page.ArticleBody.Split("\n\n").OrderByDescending(p => p.Length).Take(3))
        {
            var probe = paragraph.Trim();
            probe = probe[..Math.Min(probe.Length, 20)];
            var node = document.Body?.Descendants<IText>().FirstOrDefault(t => t.Data.Contains(probe, StringComparison.Ordinal));
            Console.WriteLine($"  trace [{probe}]");
            for (var element = node?.ParentElement; element is not null; element = element.ParentElement)
            {
                var furniture = BoilerplateMarkers.IsFurniture(element) ? "*" : " ";
                Console.WriteLine($"    {furniture} {element.LocalName} class='{element.GetAttribute("class")}' id='{element.GetAttribute("id")}' {element.TextContent.Length}");
            }
        }
    }

    /// <summary>
    /// How far each page's HTML and text agree (4-gram F1 of the text against the HTML's text),
    /// per set: pages below 0.9999, exactly equal, and the worst few.
    /// </summary>
    private static int Agreement(ArticleExtractor ours, List<(string Key, IReadOnlyList<EvaluationPage> Pages)> sets)
    {
        foreach (var (key, pages) in sets)
        {
            var agreement = new double[pages.Count];
            var equal = new bool[pages.Count];
            Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var article = ours.Extract(pages[i].Html, pages[i].Url);
                var fromHtml = ArticleText.FromHtmlFragment(article.Html);
                equal[i] = fromHtml == article.Text;
                agreement[i] = F1(ExtractionScore.Page(article.Text, fromHtml));
            });
            Console.WriteLine($"{key}: {pages.Count} pages, {equal.Count(e => e)} with the HTML's text equal to the text, {agreement.Count(a => a < 0.9999)} below 0.9999");
            foreach (var (a, i) in agreement.Select((a, i) => (a, i)).Where(x => x.a < 0.9999).OrderBy(x => x.a).Take(10))
            {
                Console.WriteLine($"  {a:F4} {pages[i].Id} {pages[i].Url}");
            }
        }
        return 0;
    }

    /// <summary>
    /// Every page's text and HTML written to <paramref name="folder"/>/set/ID.txt and .html, so a
    /// change to the extractor can be checked output by output against the outputs before it (diff -r).
    /// </summary>
    private static int Dump(ArticleExtractor ours, List<(string Key, IReadOnlyList<EvaluationPage> Pages)> sets, string folder)
    {
        foreach (var (key, pages) in sets)
        {
            var setFolder = Directory.CreateDirectory(Path.Combine(folder, key)).FullName;
            Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var article = ours.Extract(pages[i].Html, pages[i].Url);
                var name = string.Concat(pages[i].Id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
                File.WriteAllText(Path.Combine(setFolder, name + ".txt"), article.Text);
                File.WriteAllText(Path.Combine(setFolder, name + ".html"), article.Html);
                // The metadata too (title, byline, dates, links): the record's own printing, less the bodies above.
                File.WriteAllText(Path.Combine(setFolder, name + ".meta"), (article with { Text = "", Html = "" }).ToString());
            });
            Console.WriteLine($"{key}: {pages.Count} pages written to {setFolder}");
        }
        return 0;
    }

    /// <summary>What each look at the page chose: the element, its measure, and how many blocks the line filter kept.</summary>
    private static void Why(EvaluationPage page, string[] args)
    {
        var document = PageParser.Parse(page.Html);
        var (metadata, _, paywalled) = PageMetadata.Read(document, page.Url);
        PaywalledParts.Show(document.Body!, paywalled);
        using var outline = PageOutline.Of(document.Body!);
        if (args.Contains("--outline"))
        {
            for (var i = 0; i < outline.Count; i++)
            {
                var depth = 0;
                for (var p = outline.Parent(i); p >= 0; p = outline.Parent(p))
                {
                    depth++;
                }
                Console.WriteLine($"    {new string(' ', depth)}{outline.Element(i).LocalName} class='{outline.Element(i).GetAttribute("class")}' runs {outline.RunEnd(i) - outline.RunStart(i)}");
            }
        }
        foreach (var look in Enum.GetValues<Look>())
        {
            var survey = MainContent.Survey(outline, look, metadata.Title);
            using var mass = TextMass.Of(outline, survey.LeftOut);
            var idOption = BenchmarkArgs.Option(args, "--id", "");
            foreach (var top in mass.PostOrder.ToArray().OrderByDescending(p => mass[p].Score).Where(p => idOption.Length == 0 || outline.Element(p).Id == idOption).Take(args.Contains("--top") ? 12 : 0))
            {
                Console.WriteLine($"    {outline.Element(top).LocalName} class='{outline.Element(top).GetAttribute("class")}' id='{outline.Element(top).Id}' {mass[top]}");
            }
            if (MainContent.Best(outline, mass, survey.MarkedBodies, survey.SoleArticle, metadata.Title, out _) is not { } best)
            {
                Console.WriteLine($"  {look}: nothing");
                continue;
            }
            var element = outline.Element(best);
            var blocks = BlockRenderer.Render([element], survey.Unrendered).Blocks;
            var kept = InlineFurniture.Without(blocks, metadata);
            Console.WriteLine($"  {look}: {element.LocalName} class='{element.GetAttribute("class")}' id='{element.GetAttribute("id")}' {mass[best]} blocks {blocks.Count} kept {kept.Count} chars {BlockRenderer.Join(kept).Length}");
        }
    }

    private static void Report(string extractor, string group, List<PageScore> scores, int mojibake)
    {
        var corpus = ExtractionScore.Corpus(scores);
        Console.WriteLine($"  {extractor,-20} {group,-6} {corpus.Pages,5} {corpus.Precision,6:F4} {corpus.Recall,6:F4} {corpus.F1,6:F4} {corpus.EmptyOutputs,5} {mojibake,8}");
    }

    /// <summary>
    /// Pages per second: a sequential loop's wall clock and process CPU time (GC and JIT threads
    /// included), and a parallel loop's wall clock; and the slowest page's milliseconds.
    /// </summary>
    private readonly record struct Speed(double OneCore, double PerCpuSecond, double AllCores, double SlowestMs);

    private static IEnumerable<Contender> Contenders(ArticleExtractor ours)
    {
        yield return new("ours", "NewsAggregator", p => ours.Extract(p.Html, p.Url).Text);
        yield return new("smartreader", "SmartReader 0.11.1", p => new SmartReader.Reader(p.Url.AbsoluteUri, p.Html).GetArticle().TextContent ?? "");
        // The ceiling for any extractor on AngleSharp: the same parser settings, nothing after the parse.
        var parser = PageParser.Create();
        yield return new("parse", "AngleSharp parse", p =>
        {
            parser.ParseDocument(p.Html);
            return "";
        });
    }

    /// <summary>
    /// Times one contender in a fresh process. In a shared process the contenders timed later
    /// inherit a heap and garbage-collector budgets shaped by those before them, which moved
    /// the figures by up to a factor of two; a fresh process gives each the same start.
    /// </summary>
    private static Speed TimeInChildProcess(string key)
    {
        var run = WorkerProcess.Run(Self(), ["extraction", "--time", key], TimeSpan.FromMinutes(10));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"timing {key} in a child process failed (exit code {run.ExitCode}): {string.Join(" / ", run.StderrSample)}");
        }
        var figures = run.LastStdoutLine.Trim().Split(' ').Select(f => double.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new Speed(figures[0], figures[1], figures[2], figures[3]);
    }

    /// <summary>
    /// What starts this benchmark again: its own executable, or its .dll when it runs on the dotnet
    /// host (<c>dotnet NewsAggregator.Benchmarks.dll</c>), whose process is dotnet itself.
    /// </summary>
    private static string Self() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? typeof(ExtractionBenchmark).Assembly.Location : Environment.ProcessPath!;

    private static int TimeInThisProcess(Contender contender, IReadOnlyList<EvaluationPage> pages)
    {
        var oneCore = Timed(() =>
        {
            foreach (var page in pages)
            {
                contender.Extract(page);
            }
        });
        var allCores = Timed(() => Parallel.For(0, pages.Count, i => contender.Extract(pages[i])));
        // The slowest single page, warm, on one thread: no page should take more than a few hundred milliseconds.
        var slowest = pages.Max(page =>
        {
            var watch = Stopwatch.StartNew();
            contender.Extract(page);
            return watch.Elapsed.TotalMilliseconds;
        });
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{pages.Count / oneCore.Wall} {pages.Count / oneCore.Cpu} {pages.Count / allCores.Wall} {slowest}"));
        return 0;
    }

    /// <summary>Paragraphs of ours the truth lacks (extra) and paragraphs of the truth ours lacks (missing).</summary>
    private static void ShowDifference(EvaluationPage page, string predicted)
    {
        Console.WriteLine($"{page.Url}  {ExtractionScore.Page(page.ArticleBody, predicted)}");
        Print("extra", predicted, page.ArticleBody);
        Print("missing", page.ArticleBody, predicted);

        static void Print(string label, string text, string other)
        {
            var otherShingles = ExtractionScore.Shingles(other);
            foreach (var paragraph in text.Split("\n\n"))
            {
                var shingles = ExtractionScore.Shingles(paragraph);
                var found = shingles.Sum(s => Math.Min(s.Value, otherShingles.GetValueOrDefault(s.Key)));
                var total = shingles.Values.Sum();
                if (total > 0 && found < total / 2.0)
                {
                    var line = paragraph.ReplaceLineEndings(" / ");
                    Console.WriteLine($"  {label,-8} {(line.Length > 160 ? line[..160] + "…" : line)}");
                }
            }
        }
    }

    private static double F1(PageScore s) => s.Precision + s.Recall == 0 ? 0 : 2 * s.Precision * s.Recall / (s.Precision + s.Recall);

    /// <summary>
    /// Wall-clock and process CPU seconds of the fastest of five runs, once the JIT has settled.
    /// Tiered compilation (with its profile-guided second pass) keeps replacing code for many
    /// runs, and on a single core its background compiler competes with the runs themselves
    /// (large generated regular expressions were still being compiled after twenty runs), so
    /// warm-up goes on until two runs in a row compile no method at all (at least five runs,
    /// at most 300). The best run is the least disturbed by other work on the machine; CPU
    /// time counts the garbage collector's and the JIT's threads too.
    /// </summary>
    private static (double Wall, double Cpu) Timed(Action action)
    {
        var quietRuns = 0;
        for (var warmUp = 0; warmUp < 300 && (warmUp < 5 || quietRuns < 2); warmUp++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            action();
            quietRuns = System.Runtime.JitInfo.GetCompiledMethodCount() == compiled ? quietRuns + 1 : 0;
        }
        var process = Process.GetCurrentProcess();
        (double Wall, double Cpu) best = (double.MaxValue, double.MaxValue);
        for (var run = 0; run < 5; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            var wall = watch.Elapsed.TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            best = (Math.Min(best.Wall, wall), Math.Min(best.Cpu, cpu));
        }
        return best;
    }
}
