using System.Text.RegularExpressions;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>
/// One per-source line of <c>--once</c>, read loosely: the leading word, the id and the
/// "N label" counts, whatever the spacing (e.g. <c>ok     wire-rss: 3 new, 1 duplicate, ...</c>).
/// </summary>
public sealed partial record SourceSummary(bool Succeeded, string SourceId, string Line)
{
    public static IReadOnlyList<SourceSummary> ParseAll(string output) =>
        output.Split('\n')
            .Select(line => SummaryLine().Match(line.TrimEnd('\r')))
            .Where(match => match.Success)
            .Select(match => new SourceSummary(match.Groups[1].Value == "ok", match.Groups[2].Value, match.Value))
            .ToList();

    /// <summary>The number before <paramref name="label"/> ("new", "duplicate", "failed", "known"), null if absent.</summary>
    public int? Count(string label)
    {
        var match = Regex.Match(Line, @"(\d+)\s+" + Regex.Escape(label) + @"\b");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^\s*(ok|FAILED)\s+([^\s:]+):.*$")]
    private static partial Regex SummaryLine();
}
