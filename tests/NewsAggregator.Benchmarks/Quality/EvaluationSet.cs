using System.IO.Compression;
using System.Text.Json;
using NewsAggregator.Extraction;

namespace NewsAggregator.Benchmarks.Quality;

/// <summary>One page of an evaluation set with the text a person marked as its article.</summary>
/// <param name="Language">The page's language when the set's meta.json states one (lang).</param>
/// <param name="WrittenReplacements">
/// The longest run of U+FFFD the page's bytes hold written out (as UTF-8's EF BF BD), which a
/// faithful decoding keeps: not mojibake of the decoder's making.
/// </param>
public sealed record EvaluationPage(string Id, Uri Url, string Html, string ArticleBody, string? Language = null, int WrittenReplacements = 0);

/// <summary>
/// The article-extraction sets: the two the repository carries (tests/data/zyte-article-extraction,
/// MIT, with its LICENSE and README, and tests/data/news-templates, our own pages), so that tests
/// and benchmarks run from a clone alone, and
/// the internal ones beside the checkout (../shared/datasets), which only benchmarks read.
/// Every set has the same layout: ground-truth.json, html/&lt;id&gt;.html.gz holding the page's
/// bytes, and perhaps meta.json. The bytes are decoded as the worker decodes a fetched page
/// (<see cref="PageDecoder"/>, no transport header), so every contender reads the same text.
/// </summary>
public static class EvaluationSet
{
    private const string DatasetFolder = "tests/data/zyte-article-extraction";

    /// <summary>The named sets, by the key the benchmark's --sets option takes, and where each lives relative to the checkout.</summary>
    public static readonly IReadOnlyList<(string Key, string RelativeFolder)> Known =
    [
        ("zyte", DatasetFolder),
        ("daniel", "../shared/datasets/daniel-multilingual"),
        ("cleaneval", "../shared/datasets/cleaneval-oldweb"),
        ("templates", TemplatesFolder),
    ];

    /// <summary>
    /// The set of pages written for this project (tests/data/news-templates, README there): today's
    /// CMS and platform templates and hard cases in 305 languages, which the repository carries too.
    /// </summary>
    public const string TemplatesFolder = "tests/data/news-templates";

    /// <summary>The dataset folder in the checkout the code was built from.</summary>
    public static string Locate()
    {
        var folder = Path.Combine(CheckoutRoot(), DatasetFolder);
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException($"{folder}: the evaluation set is missing from this checkout");
    }

    /// <summary>The folder of a named set, or null when it is not there (the internal sets live outside the checkout).</summary>
    public static string? LocateSet(string key)
    {
        var (_, relative) = Known.Single(set => set.Key == key);
        var folder = Path.GetFullPath(Path.Combine(CheckoutRoot(), relative));
        return Directory.Exists(folder) ? folder : null;
    }

    /// <summary>The checkout the benchmarks were built from (the folder holding NewsAggregator.sln).</summary>
    public static string CheckoutRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsAggregator.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No NewsAggregator.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The ground truth of every page, by id, without reading the pages.</summary>
    public static Dictionary<string, string> ArticleBodies(string folder)
    {
        using var truthFile = File.OpenRead(Path.Combine(folder, "ground-truth.json"));
        using var truth = JsonDocument.Parse(truthFile);
        return truth.RootElement.EnumerateObject()
            .ToDictionary(entry => entry.Name, entry => entry.Value.GetProperty("articleBody").GetString() ?? "", StringComparer.Ordinal);
    }

    public static IReadOnlyList<EvaluationPage> Load(string folder)
    {
        using var truthFile = File.OpenRead(Path.Combine(folder, "ground-truth.json"));
        using var truth = JsonDocument.Parse(truthFile);
        var languages = Languages(folder);
        var pages = new List<EvaluationPage>();
        foreach (var entry in truth.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(Path.Combine(folder, "html", entry.Name + ".html.gz")), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gz.CopyTo(bytes);
            var raw = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
            pages.Add(new EvaluationPage(
                entry.Name,
                new Uri(entry.Value.GetProperty("url").GetString()!),
                PageDecoder.Decode(raw, declaredCharset: null),
                entry.Value.GetProperty("articleBody").GetString() ?? "",
                languages.GetValueOrDefault(entry.Name),
                Mojibake.LongestWrittenReplacementRun(raw)));
        }
        return pages;
    }

    private static Dictionary<string, string> Languages(string folder)
    {
        var path = Path.Combine(folder, "meta.json");
        var languages = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return languages;
        }
        using var metaFile = File.OpenRead(path);
        using var meta = JsonDocument.Parse(metaFile);
        foreach (var entry in meta.RootElement.EnumerateObject())
        {
            if (entry.Value.TryGetProperty("lang", out var lang) && lang.GetString() is { } value)
            {
                languages[entry.Name] = value;
            }
        }
        return languages;
    }
}
