using NewsAggregator.Pipeline;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>The summary line of a pass whose end could, or could not, be written to the database.</summary>
public class SummaryLineTests
{
    private const string Full = "database or disk is full: /srv/news/news.db cannot grow; free space on its disk";

    public static TheoryData<string, SourcePassResult, bool, string> Cases() => new()
    {
        {
            "the source failed, its run recorded",
            Result(error: Full, recordError: null), false,
            $"FAILED wire: 3 new, 1 duplicate, 0 failed, 2 known (0.4 s): {Full}; first failure, next try in 30 min"
        },
        {
            "the source failed, its run not recorded: no backoff was kept to report",
            Result(error: Full, recordError: Full), false,
            $"FAILED wire: 3 new, 1 duplicate, 0 failed, 2 known (0.4 s): {Full}; the run could not be recorded: {Full}"
        },
        {
            "every story stored, the run not recorded",
            Result(error: null, recordError: Full), false,
            $"FAILED wire: 3 new, 1 duplicate, 0 failed, 2 known (0.4 s): the run could not be recorded: {Full}"
        },
        {
            "every story stored, the run recorded",
            Result(error: null, recordError: null), true,
            "ok     wire: 3 new, 1 duplicate, 0 failed, 2 known (0.4 s)"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Summary_line_says_whether_the_run_was_recorded(string name, SourcePassResult result, bool succeeded, string line)
    {
        Assert.True(succeeded == result.Succeeded, name);
        // The elapsed time is written in the current culture's digits: compared around it.
        var (before, after) = (line[..line.IndexOf("(0.4 s)", StringComparison.Ordinal)], line[(line.IndexOf("(0.4 s)", StringComparison.Ordinal) + "(0.4 s)".Length)..]);
        Assert.StartsWith(before, result.SummaryLine());
        Assert.EndsWith(" s)" + after, result.SummaryLine());
    }

    private static SourcePassResult Result(string? error, string? recordError) => new()
    {
        SourceId = "wire",
        NewArticles = 3,
        Duplicates = 1,
        Known = 2,
        Elapsed = TimeSpan.FromSeconds(0.4),
        Error = error,
        RecordError = recordError,
        ConsecutiveFailures = error is null ? 0 : 1,
        NextTryIn = TimeSpan.FromMinutes(30),
    };
}
