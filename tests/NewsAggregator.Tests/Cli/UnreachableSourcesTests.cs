using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>Every source unreachable: a failure the user can read, not a crash.</summary>
public sealed class UnreachableSourcesTests
{
    [Fact]
    public async Task Every_source_unreachable_exits_1_with_a_clear_FAILED_line_each()
    {
        var port = ClosedLoopbackPort.Take();
        var origin = $"http://127.0.0.1:{port}";
        using var workspace = new TempWorkspace();
        SourcesJson.Write(workspace,
        [
            new("down-feed", "Feed on a closed port", "rss", $"{origin}/feed.rss"),
            new("down-section", "Section on a closed port", "html", $"{origin}/local/"),
            new("down-page", "Page on a closed port", "page", $"{origin}/story.html"),
        ]);

        var run = await CommandRun.OnceAsync(workspace);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.All(["down-feed", "down-section", "down-page"], id =>
        {
            var summary = run.SummaryOf(id);
            Assert.False(summary.Succeeded, summary.Line);
            // "Clear" means it says where it could not go.
            Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), summary.Line);
        });
        Assert.DoesNotMatch(@"(?m)^\s+at \S", run.Output + run.Error);
        Assert.DoesNotContain("Exception", run.Output);
        Assert.Empty(StoredRows.Read(workspace.DatabasePath).Articles);
    }
}
