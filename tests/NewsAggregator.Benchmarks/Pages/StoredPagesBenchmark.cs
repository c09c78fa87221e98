using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using NewsAggregator.Benchmarks.Quality;
using NewsAggregator.Dedup;
using NewsAggregator.Extraction;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Benchmarks.Pages;

/// <summary>
/// Stored pages on the zyte set (the pages' bytes as the dataset holds them, no transport header):
/// <c>--compare</c> first weighs the BCL's compressors on them (bytes kept, CPU to compress and to
/// decompress); then every page is extracted and stored as a pass stores it, with its page, into a
/// fresh database, which gives the stored-page bytes per article; then <c>reextract</c>'s work
/// (<see cref="PageReextraction"/>) runs over them twice: unchanged (today's extractor, no selectors),
/// and with a <c>removeSelectors</c> rule that changes most pages' text, which gives pages per second.
/// Options: <c>--set zyte|daniel|cleaneval</c>, <c>--compare</c>, <c>--rounds 3</c> (the compressors and the re-extractions are timed best of).
/// </summary>
public static class StoredPagesBenchmark
{
    private const string SourceId = "zyte";

    public static int Run(string[] args)
    {
        var set = BenchmarkArgs.Option(args, "--set", "zyte");
        var rounds = int.Parse(BenchmarkArgs.Option(args, "--rounds", "3"), CultureInfo.InvariantCulture);
        var folder = EvaluationSet.LocateSet(set);
        if (folder is null)
        {
            Console.Error.WriteLine($"the {set} set is not beside this checkout");
            return 2;
        }
        var pages = RawPages(folder);
        var rawBytes = pages.Sum(page => (long)page.Bytes.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stored pages: {pages.Count} pages of the {set} set, {rawBytes / 1024.0 / pages.Count:0.0} KiB each on average"));
        if (args.Contains("--compare"))
        {
            Compare(pages, rounds);
        }

        var folderPath = Directory.CreateTempSubdirectory("newsaggregator-pages-").FullName;
        try
        {
            var path = Path.Combine(folderPath, "news.db");
            var database = NewsDatabase.Open(path);
            try
            {
                var source = new Source { Id = SourceId, Name = "Zyte set", Type = SourceType.Page, Url = new Uri("https://zyte.example/") };
                database.SyncSources([source], DateTimeOffset.UtcNow);
                Store(database, pages);
                Sizes(path, pages.Count);
                for (var round = 0; round < rounds; round++)
                {
                    Reextract(database, "unchanged (no selectors)", ExtractionRules.None);
                }
                // Each round's rule differs, so every round changes the texts again.
                string[] cut = ["figure", "blockquote", "ul"];
                for (var round = 0; round < rounds; round++)
                {
                    Reextract(database, $"changed (removeSelectors {cut[round % cut.Length]})",
                        new ExtractionRules { RemoveSelectors = [cut[round % cut.Length]] });
                }
            }
            finally
            {
                database.Close();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folderPath, recursive: true);
        }
        return 0;
    }

    private sealed record RawPage(string Id, byte[] Bytes);

    private static List<RawPage> RawPages(string folder) =>
        Directory.EnumerateFiles(Path.Combine(folder, "html"), "*.html.gz").Order(StringComparer.Ordinal).Select(file =>
        {
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gz.CopyTo(bytes);
            return new RawPage(Path.GetFileName(file)[..^".html.gz".Length], bytes.ToArray());
        }).ToList();

    /// <summary>Each contender over every page: kept bytes as a share of the raw, and CPU per page to compress and to decompress.</summary>
    private static void Compare(List<RawPage> pages, int rounds)
    {
        var raw = pages.Sum(page => (long)page.Bytes.Length);
        var contenders = new List<(string Name, Func<byte[], byte[]> Compress, Func<byte[], int, byte[]> Decompress)>
        {
            ("deflate fastest", bytes => Deflate(bytes, CompressionLevel.Fastest), Inflate),
            ("deflate optimal", bytes => Deflate(bytes, CompressionLevel.Optimal), Inflate),
            ("deflate smallest", bytes => Deflate(bytes, CompressionLevel.SmallestSize), Inflate),
        };
        foreach (var quality in new[] { 1, 2, 3, 4, 5, 6, 9, 11 })
        {
            contenders.Add(($"brotli q{quality} w22", bytes => StoredPage.Compress(bytes, quality, 22), Unbrotli));
        }
        // For scale, in the same conditions: what the pass already spends on a page (decoding and extraction).
        var extractor = new ArticleExtractor();
        extractor.Extract(PageDecoder.Decode(pages[0].Bytes, null), null);
        var before = Cpu();
        foreach (var page in pages)
        {
            extractor.Extract(PageDecoder.Decode(page.Bytes, null), null);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decoding and extraction: {(Cpu() - before).TotalMilliseconds / pages.Count:0.00} ms CPU a page"));
        Console.WriteLine($"compressor          kept    compress ms/page  decompress ms/page   (best of {rounds} rounds, the compressors taking turns)");
        var kept = new long[contenders.Count];
        var compressMs = Enumerable.Repeat(double.MaxValue, contenders.Count).ToArray();
        var decompressMs = Enumerable.Repeat(double.MaxValue, contenders.Count).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < contenders.Count; c++)
            {
                var (name, compress, decompress) = contenders[c];
                compress(pages[0].Bytes);
                var cpu = Cpu();
                var compressed = pages.ConvertAll(page => compress(page.Bytes));
                compressMs[c] = Math.Min(compressMs[c], (Cpu() - cpu).TotalMilliseconds / pages.Count);
                cpu = Cpu();
                for (var i = 0; i < pages.Count; i++)
                {
                    if (!decompress(compressed[i], pages[i].Bytes.Length).AsSpan().SequenceEqual(pages[i].Bytes))
                    {
                        throw new InvalidOperationException($"{name}: page {pages[i].Id} did not come back the same");
                    }
                }
                decompressMs[c] = Math.Min(decompressMs[c], (Cpu() - cpu).TotalMilliseconds / pages.Count);
                kept[c] = compressed.Sum(x => (long)x.Length);
            }
        }
        for (var c = 0; c < contenders.Count; c++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{contenders[c].Name,-18}  {100.0 * kept[c] / raw,5:0.0} %  {compressMs[c],16:0.00}  {decompressMs[c],18:0.00}"));
        }
    }

    private static byte[] Deflate(byte[] bytes, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, level, leaveOpen: true))
        {
            deflate.Write(bytes);
        }
        return output.ToArray();
    }

    private static byte[] Inflate(byte[] compressed, int length)
    {
        var raw = new byte[length];
        using var inflate = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
        inflate.ReadExactly(raw);
        return raw;
    }

    private static byte[] Unbrotli(byte[] compressed, int length) =>
        new StoredPage { SourceId = "", Url = "", FinalUrl = "", FetchedAt = default, Encoding = StoredPage.BrotliEncoding, RawLength = length, Body = compressed }
            .Decompress();

    /// <summary>Every page extracted and stored as a pass stores it, its page compressed on this thread; CPU of the compression reported.</summary>
    private static void Store(NewsDatabase database, List<RawPage> pages)
    {
        var extractor = new ArticleExtractor();
        var now = DateTimeOffset.UtcNow;
        var compressing = TimeSpan.Zero;
        var stored = 0;
        foreach (var page in pages)
        {
            var url = $"https://zyte.example/{page.Id}";
            var extracted = extractor.Extract(PageDecoder.Decode(page.Bytes, null), new Uri(url));
            if (!extracted.HasText)
            {
                continue;
            }
            var cpu = Cpu();
            var kept = StoredPage.Of(SourceId, url, url, "text/html", null, now, page.Bytes);
            compressing += Cpu() - cpu;
            var outcome = database.StoreArticle(new ArticleRecord
            {
                SourceId = SourceId,
                Url = url,
                Text = extracted.Text,
                Html = extracted.Html,
                ContentHash = ContentFingerprint.Of(extracted.Text),
                Title = extracted.Title,
                Byline = extracted.Byline,
                PublishedAt = extracted.PublishedAt,
                FetchedAt = now,
                Language = extracted.Language,
                SiteName = extracted.SiteName,
                ImageUrl = extracted.ImageUrl,
                Description = extracted.Description,
                Page = kept,
            });
            stored += outcome.Kind == StoreOutcomeKind.Stored ? 1 : 0;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stored {stored} articles with their pages; compressing took {compressing.TotalMilliseconds / Math.Max(1, stored):0.00} ms CPU a page"));
    }

    /// <summary>What the pages cost: their compressed bytes per article, beside the whole file's size (checkpointed or not: the main file and its log).</summary>
    private static void Sizes(string path, int pageCount)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*), sum(length(body)), sum(raw_length), (SELECT page_count * page_size FROM pragma_page_count, pragma_page_size),
                   (SELECT sum(length(text)) FROM articles)
            FROM article_pages;
            """;
        using var row = command.ExecuteReader();
        row.Read();
        var (count, body, raw, onDisk, text) = (row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.IsDBNull(3) ? 0 : row.GetInt64(3), row.GetInt64(4));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stored pages: {count} of {pageCount}; {body / 1024.0 / count:0.0} KiB compressed per article ({100.0 * body / raw:0.0} % of {raw / 1024.0 / count:0.0} KiB raw); " +
            $"the whole database {onDisk / 1024.0 / count:0.0} KiB per article; the articles' text {text / 1024.0 / count:0.0} KiB (characters) per article"));
    }

    private static void Reextract(NewsDatabase database, string label, ExtractionRules rules)
    {
        var reextraction = new PageReextraction(database, new ArticleExtractor(), new Dictionary<string, ExtractionRules> { [SourceId] = rules }, TimeProvider.System);
        var wall = Stopwatch.StartNew();
        var cpu = Cpu();
        var summary = reextraction.Run(PageSelection.All, problem: null, CancellationToken.None);
        var elapsed = wall.Elapsed;
        var used = Cpu() - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reextract {label}: {summary.Reextracted} pages in {elapsed.TotalSeconds:0.00} s = {summary.Reextracted / elapsed.TotalSeconds:0.0} pages/s " +
            $"({used.TotalMilliseconds / Math.Max(1, summary.Reextracted):0.0} ms CPU a page, {Environment.ProcessorCount} cores); " +
            $"changed {summary.Changed}, unchanged {summary.Unchanged}, merged {summary.Merged}, failed {summary.Failed}, skipped {summary.Skipped}"));
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;
}
