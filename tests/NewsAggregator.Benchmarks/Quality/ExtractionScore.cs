using System.Text;

namespace NewsAggregator.Benchmarks.Quality;

/// <summary>How one page's extracted text compares with its ground truth.</summary>
/// <param name="Precision">tp / (tp + fp), 1 when both fp and fn are 0.</param>
/// <param name="Recall">tp / (tp + fn), 1 when both fp and fn are 0.</param>
/// <param name="PredictionEmpty">The extractor returned no shingle at all.</param>
public readonly record struct PageScore(double Precision, double Recall, bool PredictionEmpty);

/// <summary>Means over a corpus; F1 is taken from the mean precision and mean recall.</summary>
public readonly record struct CorpusScore(double Precision, double Recall, double F1, int EmptyOutputs, int Pages);

/// <summary>
/// The article-extraction benchmark's measure: texts become multisets of contiguous
/// 4-token shingles (tokens are runs of letters, digits and underscores) and are compared
/// as bags, so both missing and extra text cost.
/// </summary>
public static class ExtractionScore
{
    private const int ShingleSize = 4;

    /// <summary>
    /// Runs of letters, digits and underscores, read by code point as the original benchmark's
    /// Python reads them: a letter outside the Basic Multilingual Plane (Adlam, Chakma, Newa,
    /// CJK Extension B) is two UTF-16 surrogates, which a regex class such as <c>\p{L}</c> never
    /// matches, so a page in such a script would have no tokens at all.
    /// </summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        var at = 0;
        while (at < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(at), out var rune, out var length);
            var inToken = Rune.IsLetter(rune) || Rune.IsNumber(rune) || rune.Value == '_';
            if (inToken && start < 0)
            {
                start = at;
            }
            else if (!inToken && start >= 0)
            {
                tokens.Add(text[start..at]);
                start = -1;
            }
            at += length;
        }
        if (start >= 0)
        {
            tokens.Add(text[start..]);
        }
        return tokens;
    }

    /// <summary>The multiset of shingles: a text of 1–3 tokens is one shorter shingle; empty text has none.</summary>
    public static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text).ToArray();
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length == 0)
        {
            return shingles;
        }
        var width = Math.Min(ShingleSize, tokens.Length);
        for (var start = 0; start + width <= tokens.Length; start++)
        {
            // A separator no token can contain keeps ("ab","c") apart from ("a","bc").
            var key = string.Join(' ', tokens, start, width);
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }
        return shingles;
    }

    public static PageScore Page(string truth, string predicted)
    {
        var expected = Shingles(truth);
        var actual = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, count) in actual)
        {
            var truthCount = expected.GetValueOrDefault(shingle);
            tp += Math.Min(truthCount, count);
            fp += Math.Max(0, count - truthCount);
        }
        foreach (var (shingle, count) in expected)
        {
            fn += Math.Max(0, count - actual.GetValueOrDefault(shingle));
        }
        var empty = actual.Count == 0;
        if (fp == 0 && fn == 0)
        {
            return new PageScore(1, 1, empty);
        }
        // Dividing each count by tp+fp+fn (as the benchmark does) leaves both ratios unchanged.
        var total = tp + fp + fn;
        tp /= total;
        fp /= total;
        fn /= total;
        return new PageScore(
            tp + fp == 0 ? 0 : tp / (tp + fp),
            tp + fn == 0 ? 0 : tp / (tp + fn),
            empty);
    }

    /// <summary>
    /// The share of the truth's shingles whose tokens all occur somewhere in <paramref name="pageText"/>
    /// (the page's whole text): what no choice among the page's own words can pass. Below 1 when the
    /// truth was edited: words joined where its line breaks were taken out, a line of its own added.
    /// </summary>
    public static double Reachable(string truth, string pageText)
    {
        var words = Tokens(pageText).ToHashSet(StringComparer.Ordinal);
        var shingles = Shingles(truth);
        if (shingles.Count == 0)
        {
            return 1;
        }
        var reachable = shingles.Where(shingle => shingle.Key.Split(' ').All(words.Contains)).Sum(shingle => shingle.Value);
        return (double)reachable / shingles.Values.Sum();
    }

    /// <summary>Precision averages the pages with a prediction; recall averages every page.</summary>
    public static CorpusScore Corpus(IReadOnlyCollection<PageScore> pages)
    {
        var predicted = pages.Where(p => !p.PredictionEmpty).ToList();
        var precision = predicted.Count == 0 ? 0 : predicted.Average(p => p.Precision);
        var recall = pages.Count == 0 ? 0 : pages.Average(p => p.Recall);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new CorpusScore(precision, recall, f1, pages.Count - predicted.Count, pages.Count);
    }
}
