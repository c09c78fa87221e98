using System.Globalization;
using NewsAggregator.Pipeline;

namespace NewsAggregator.Cli;

/// <summary>What <c>--once</c> prints when every source is done: the table, then the one-line total scripts have always read.</summary>
internal static class OnceSummary
{
    private const string Ok = "ok";
    private const string Unchanged = "unchanged";
    private const string Failed = "FAILED";

    private static readonly string[] Headings = ["SOURCE", "STATUS", "STORED", "UPGRADED", "DUPLICATES", "KNOWN", "FAILED ENTRIES", "TIME", "ERROR"];

    /// <summary>
    /// One row per source in the order they were given, then the totals; the total's time is the
    /// run's own, not the sum of passes that ran side by side. Plain aligned text, as <c>sources list</c> and <c>stats</c>.
    /// </summary>
    public static string Table(IReadOnlyList<SourcePassResult> results, TimeSpan elapsed)
    {
        var total = OnceTally.Of(results);
        var rows = results.Select(result => Row(
            result.SourceId,
            !result.Succeeded ? Failed : result.NotModified ? Unchanged : Ok,
            default(OnceTally).Add(result),
            result.Elapsed,
            // A table row is one line: an error that spans lines (a stack of causes) is folded.
            result.Problem()?.ReplaceLineEndings(" ") ?? "-"));
        var totals = Row(
            "total",
            total.FailedSources == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{total.Sources} ok")
                : string.Create(CultureInfo.InvariantCulture, $"{total.Sources - total.FailedSources} ok, {total.FailedSources} failed"),
            total,
            elapsed,
            "-");
        return ReportOutput.Table(Headings, rows.Append(totals));
    }

    /// <summary>
    /// The line that closed <c>--once</c> before the table existed; kept for the scripts that read it:
    /// <c>3 sources: 2 ok, 1 failed; 31 new articles, 2 duplicates, 0 articles failed</c>, a noun in the singular for one.
    /// </summary>
    public static string TotalLine(IReadOnlyList<SourcePassResult> results)
    {
        var total = OnceTally.Of(results);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Counted.Of(total.Sources, "source", "sources")}: {total.Sources - total.FailedSources} ok, {total.FailedSources} failed; " +
            $"{Counted.Of(total.Stored, "new article", "new articles")}, {Counted.Of(total.Duplicates, "duplicate", "duplicates")}, " +
            $"{Counted.Of(total.FailedEntries, "article failed", "articles failed")}");
    }

    private static string[] Row(string source, string status, OnceTally counts, TimeSpan time, string error) =>
    [
        source,
        status,
        Number(counts.Stored),
        Number(counts.Upgraded),
        Number(counts.Duplicates),
        Number(counts.Known),
        Number(counts.FailedEntries),
        string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s"),
        error,
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
