using System.Globalization;
using NewsAggregator.Benchmarks.Quality;
using System.Text.RegularExpressions;

namespace NewsAggregator.Tests.Dedup;

/// <summary>One published copy of a text in the corpus: where, when, and what its page declares canonical.</summary>
internal sealed record CorpusCopy(string Url, string Text, DateTimeOffset PublishedAt, string? DeclaredCanonicalUrl = null);

/// <summary>Two copies and whether they are one story.</summary>
internal sealed record CorpusPair(string Case, bool SameStory, string Placement, CorpusCopy First, CorpusCopy Second)
{
    public override string ToString() => Case;
}

/// <summary>
/// The labelled near-duplicate corpus described in Fixtures/Dedup/near-duplicates.tsv, built at
/// test time from the benchmark texts in tests/data and the sample pages' expected text in Fixtures.
/// </summary>
internal static partial class NearDuplicateCorpus
{
    private static readonly DateTimeOffset FirstPublished = new(2019, 11, 19, 8, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> BenchmarkTexts = new(ReadBenchmarkTexts);

    public static IReadOnlyList<CorpusPair> Pairs { get; } = Load();

    private static List<CorpusPair> Load()
    {
        var pairs = new List<CorpusPair>();
        foreach (var line in File.ReadLines(FixturePath.Of("Dedup", "near-duplicates.tsv")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length != 6 || columns[0] is not ("same" or "distinct"))
            {
                throw new FormatException($"near-duplicates.tsv: a pair needs six columns and a label same/distinct: {line}");
            }
            var (label, name, placement) = (columns[0], columns[1], columns[4]);
            var firstUrl = $"https://www.first-site.example/news/2019/11/{name}";
            var first = new CorpusCopy(firstUrl, Build(columns[2]), FirstPublished);
            var second = new CorpusCopy(
                SecondUrl(placement, name, firstUrl),
                Build(columns[3]),
                FirstPublished.AddHours(double.Parse(columns[5], CultureInfo.InvariantCulture)),
                placement == "canonical" ? firstUrl : null);
            pairs.Add(new CorpusPair(name, label == "same", placement, first, second));
        }
        return pairs;
    }

    private static string SecondUrl(string placement, string name, string firstUrl) => placement switch
    {
        "other-site" => $"https://www.second-site.example/world/{name}.html",
        "tracking" => firstUrl + "?utm_source=twitter&utm_medium=social&fbclid=IwAR2xQ",
        "amp-path" => firstUrl.Replace("/news/", "/news/amp/", StringComparison.Ordinal),
        "amp-query" => firstUrl + "?amp=1",
        "amp-host" => firstUrl.Replace("https://www.", "https://amp.", StringComparison.Ordinal),
        "amp-cache" => "https://www-first--site-example.cdn.ampproject.org/c/s/" + firstUrl["https://".Length..],
        "canonical" => firstUrl.Replace("/news/", "/print/", StringComparison.Ordinal),
        _ => throw new FormatException($"near-duplicates.tsv: unknown placement \"{placement}\" in {name}"),
    };

    /// <summary>A copy's text from its spec: a source, then " | "-separated transformations.</summary>
    public static string Build(string spec)
    {
        var steps = spec.Split(" | ");
        var paragraphs = Source(steps[0].Trim());
        foreach (var step in steps.Skip(1))
        {
            paragraphs = Apply(step.Trim(), paragraphs);
        }
        return string.Join("\n\n", paragraphs);
    }

    private static List<string> Source(string source)
    {
        var colon = source.IndexOf(':');
        var (kind, name) = (source[..colon], source[(colon + 1)..]);
        return kind switch
        {
            "zyte" => Paragraphs(BenchmarkText(name)),
            "story" => Paragraphs(FixturePath.ReadText("Dedup", "Stories", name + ".txt")),
            "sample" => Paragraphs(FixturePath.ReadText("Extraction", "Samples", name + ".expected.txt")),
            _ => throw new FormatException($"near-duplicates.tsv: unknown source \"{source}\""),
        };
    }

    private static List<string> Apply(string step, List<string> paragraphs)
    {
        var space = step.IndexOf(' ');
        var (name, argument) = space < 0 ? (step, "") : (step[..space], step[(space + 1)..]);
        var result = paragraphs.ToList();
        switch (name)
        {
            case "dateline":
                result[0] = argument + " " + result[0];
                break;
            case "lead":
                result.Insert(0, argument);
                break;
            case "trailer":
                result.Add(argument);
                break;
            case "insert":
                result.Insert(Index(argument, out var inserted), inserted);
                break;
            case "replace-paragraph":
                result[Index(argument, out var replacement)] = replacement;
                break;
            case "drop-paragraph":
                result.RemoveAt(Index(argument, out _));
                break;
            case "truncate":
                return Truncate(result, double.Parse(argument, CultureInfo.InvariantCulture));
            case "replace":
                var parts = argument.Split("=>");
                return result.Select(p => p.Replace(parts[0].Trim(), parts[1].Trim(), StringComparison.Ordinal).Trim())
                    .Where(p => p.Length > 0).ToList();
            case "straight-quotes":
                return result.Select(p => p.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"')
                    .Replace("—", "--", StringComparison.Ordinal).Replace('–', '-')).ToList();
            case "curly-quotes":
                return result.Select(p => StraightDoubleQuote().Replace(p.Replace('\'', '’'), "“$1”")).ToList();
            case "one-paragraph":
                return [string.Join(' ', result)];
            default:
                throw new FormatException($"near-duplicates.tsv: unknown transformation \"{step}\"");
        }
        return result;
    }

    // "3 Some text" → 3, and the text
    private static int Index(string argument, out string rest)
    {
        var space = argument.IndexOf(' ');
        rest = space < 0 ? "" : argument[(space + 1)..];
        return int.Parse(space < 0 ? argument : argument[..space], CultureInfo.InvariantCulture);
    }

    // The first share of the words, paragraph breaks kept, cut mid-paragraph like a copy that stops short.
    private static List<string> Truncate(List<string> paragraphs, double share)
    {
        var total = paragraphs.Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var left = (int)Math.Round(total * share);
        var kept = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (left <= 0)
            {
                break;
            }
            kept.Add(words.Length <= left ? paragraph : string.Join(' ', words.Take(left)) + " …");
            left -= words.Length;
        }
        return kept;
    }

    private static List<string> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string BenchmarkText(string idPrefix)
    {
        var matches = BenchmarkTexts.Value.Where(entry => entry.Key.StartsWith(idPrefix, StringComparison.Ordinal)).ToList();
        return matches.Count == 1
            ? matches[0].Value
            : throw new FormatException($"near-duplicates.tsv: {matches.Count} benchmark articles start with \"{idPrefix}\"");
    }

    private static Dictionary<string, string> ReadBenchmarkTexts() =>
        EvaluationSet.ArticleBodies(EvaluationSet.Locate());

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex StraightDoubleQuote();
}
