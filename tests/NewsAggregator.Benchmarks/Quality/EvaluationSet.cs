using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace NewsAggregator.Benchmarks.Quality;

/// <summary>One page of the evaluation set with the text a person marked as its article.</summary>
public sealed record EvaluationPage(string Id, Uri Url, string Html, string ArticleBody);

/// <summary>
/// The article-extraction set the repository carries (tests/data/zyte-article-extraction, MIT,
/// with its LICENSE and README), so that tests and benchmarks run from a clone alone.
/// </summary>
public static class EvaluationSet
{
    private const string DatasetFolder = "tests/data/zyte-article-extraction";

    /// <summary>The dataset folder in the checkout the code was built from.</summary>
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsAggregator.sln")))
            {
                var folder = Path.Combine(dir.FullName, DatasetFolder);
                return Directory.Exists(folder)
                    ? folder
                    : throw new DirectoryNotFoundException($"{folder}: the evaluation set is missing from this checkout");
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
        var pages = new List<EvaluationPage>();
        foreach (var entry in truth.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(Path.Combine(folder, "html", entry.Name + ".html.gz")), CompressionMode.Decompress);
            using var reader = new StreamReader(gz, Encoding.UTF8);
            pages.Add(new EvaluationPage(
                entry.Name,
                new Uri(entry.Value.GetProperty("url").GetString()!),
                reader.ReadToEnd(),
                entry.Value.GetProperty("articleBody").GetString() ?? ""));
        }
        return pages;
    }
}
