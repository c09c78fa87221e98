using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace NewsAggregator.Benchmarks.Quality;

/// <summary>One page of the evaluation set with the text a person marked as its article.</summary>
public sealed record EvaluationPage(string Id, Uri Url, string Html, string ArticleBody);

/// <summary>
/// The shared article-extraction set (shared/datasets/zyte-article-extraction), read from
/// the folder beside the repository so no copy of the data lives in the repo.
/// </summary>
public static class EvaluationSet
{
    private const string DatasetFolder = "datasets/zyte-article-extraction";

    /// <summary>The dataset folder, or null when this checkout has no shared/ beside it.</summary>
    public static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsAggregator.sln")))
            {
                var folder = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", DatasetFolder);
                return Directory.Exists(folder) ? folder : null;
            }
        }
        return null;
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
