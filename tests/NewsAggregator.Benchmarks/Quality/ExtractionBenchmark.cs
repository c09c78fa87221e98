using System.Diagnostics;
using AngleSharp.Html.Parser;
using NewsAggregator.Extraction;

namespace NewsAggregator.Benchmarks.Quality;

/// <summary>
/// Quality and speed of article extraction on the shared evaluation set, ours beside SmartReader.
/// Options: <c>--pages</c> lists every page's scores for our extractor, worst first;
/// <c>--show ID</c> prints the paragraphs one page's extraction adds or misses (with
/// <c>--text</c>, also its metadata and whole text); <c>--ours</c> skips SmartReader.
/// </summary>
public static class ExtractionBenchmark
{
    private sealed record Contender(string Name, Func<EvaluationPage, string> Extract);

    public static int Run(string[] args)
    {
        var folder = EvaluationSet.Locate();
        if (folder is null)
        {
            Console.Error.WriteLine("The evaluation set was not found: expected shared/datasets/zyte-article-extraction beside the repository.");
            return 2;
        }
        var pages = EvaluationSet.Load(folder);
        var ours = new ArticleExtractor();

        var showIndex = Array.IndexOf(args, "--show");
        if (showIndex >= 0 && showIndex + 1 < args.Length)
        {
            var page = pages.Single(p => p.Id.StartsWith(args[showIndex + 1], StringComparison.Ordinal));
            var article = ours.Extract(page.Html, page.Url);
            if (args.Contains("--text"))
            {
                Console.WriteLine(article with { Text = "" });
                Console.WriteLine(article.Text);
            }
            ShowDifference(page, article.Text);
            return 0;
        }

        var contenders = new List<Contender> { new("NewsAggregator", p => ours.Extract(p.Html, p.Url).Text) };
        if (!args.Contains("--ours"))
        {
            contenders.Add(new("SmartReader 0.11.1", p => new SmartReader.Reader(p.Url.AbsoluteUri, p.Html).GetArticle().TextContent ?? ""));
        }

        Console.WriteLine($"{pages.Count} pages, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"extractor",-20} {"P",6} {"R",6} {"F1",6} {"empty",5} {"pages/s 1 core",15} {"pages/CPU-s",12} {"pages/s all",12}");
        foreach (var contender in contenders)
        {
            var texts = new string[pages.Count];
            var oneCore = Timed(() =>
            {
                for (var i = 0; i < pages.Count; i++)
                {
                    texts[i] = contender.Extract(pages[i]);
                }
            });
            var allCores = Timed(() => Parallel.For(0, pages.Count, i => contender.Extract(pages[i])));
            var scores = pages.Select((p, i) => ExtractionScore.Page(p.ArticleBody, texts[i])).ToList();
            var corpus = ExtractionScore.Corpus(scores);
            Console.WriteLine($"{contender.Name,-20} {corpus.Precision,6:F3} {corpus.Recall,6:F3} {corpus.F1,6:F3} {corpus.EmptyOutputs,5} {pages.Count / oneCore.Wall,15:F1} {pages.Count / oneCore.Cpu,12:F1} {pages.Count / allCores.Wall,12:F1}");

            if (args.Contains("--pages") && contender == contenders[0])
            {
                foreach (var (page, score) in pages.Zip(scores).OrderBy(x => F1(x.Second)))
                {
                    Console.WriteLine($"  {F1(score):F3} P={score.Precision:F3} R={score.Recall:F3} {page.Id[..12]} {page.Url}");
                }
            }
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var parseOnly = Timed(() =>
        {
            foreach (var page in pages)
            {
                parser.ParseDocument(page.Html);
            }
        });
        Console.WriteLine($"{"AngleSharp parse",-20} {"",6} {"",6} {"",6} {"",5} {pages.Count / parseOnly.Wall,15:F1} {pages.Count / parseOnly.Cpu,12:F1}");
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
    /// Wall-clock and process CPU seconds of the fastest of three runs after two warm-up runs:
    /// tiered JIT needs a few hundred calls before the code is final, and the best run is the
    /// least disturbed by other work on the machine. CPU time (garbage collection included)
    /// is the steadier figure of the two on a busy machine.
    /// </summary>
    private static (double Wall, double Cpu) Timed(Action action)
    {
        action();
        action();
        var process = Process.GetCurrentProcess();
        (double Wall, double Cpu) best = (double.MaxValue, double.MaxValue);
        for (var run = 0; run < 3; run++)
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
