using NewsAggregator.Pipeline;

namespace NewsAggregator.Cli;

/// <summary>The sums of the sources' passes so far: the live progress line and the summary's totals read the same numbers.</summary>
internal readonly record struct OnceTally(int Sources, int FailedSources, int Stored, int Upgraded, int Duplicates, int Known, int FailedEntries)
{
    public OnceTally Add(SourcePassResult result) => new(
        Sources + 1,
        FailedSources + (result.Succeeded ? 0 : 1),
        Stored + result.NewArticles,
        Upgraded + result.Upgraded,
        Duplicates + result.Duplicates,
        Known + result.Known,
        FailedEntries + result.Failed);

    public static OnceTally Of(IEnumerable<SourcePassResult> results) => results.Aggregate(default(OnceTally), (tally, result) => tally.Add(result));
}
