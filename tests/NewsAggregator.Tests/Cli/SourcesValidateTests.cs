using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary><c>sources validate</c>: every problem of the file, exit 2; a good file, exit 0; never a database.</summary>
public class SourcesValidateTests
{
    [Fact]
    public async Task Every_problem_is_printed_on_its_own_line_and_the_exit_code_is_2()
    {
        var path = FixturePath.Of("Sources", "several-problems.json");

        var run = await CommandRun.RunAsync("sources", "validate", "--sources", path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(
            [
                $"error: {path}: top-level field \"defaults\": unknown field (known: sources)",
                $"error: {path}: source \"desk\" (#1) field \"linkSelector\": \"h2[\" is not a valid CSS selector",
                $"error: {path}: source \"story\" (#2) field \"removeSelectors[0]\": \"div..x\" is not a valid CSS selector",
                $"error: {path}: source #3 field \"id\": duplicate id \"wire\" (first used by source #0)",
                $"error: {path}: source \"radio\" (#4) field \"type\": unknown type \"podcast\" (expected rss, html or page)",
                $"{path}: 5 problems",
            ],
            run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_good_file_exits_0_and_no_database_is_made()
    {
        using var workspace = new TempWorkspace();
        File.Copy(FixturePath.Of("Sources", "valid.json"), workspace.SourcesPath);

        var run = await CommandRun.RunAsync("sources", "validate", "--sources", workspace.SourcesPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"{workspace.SourcesPath}: 3 sources, no problems\n", run.Output);
        Assert.Empty(Directory.GetFiles(workspace.Folder, "*.db*"));
    }

    [Theory]
    [InlineData("syntax-error.json", "invalid JSON at line 2")]
    [InlineData("no-such-file.json", "cannot read the sources file")]
    public async Task A_file_that_cannot_be_read_is_one_problem(string fixture, string problem)
    {
        var path = FixturePath.Of("Sources", fixture);

        var run = await CommandRun.RunAsync("sources", "validate", "--sources", path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(problem, run.Error);
        Assert.EndsWith($"{path}: 1 problem\n", run.Error);
    }

    [Fact]
    public async Task Help_describes_the_command()
    {
        var run = await CommandRun.RunAsync("sources", "validate", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("without touching the database", run.Output);
        Assert.Contains("--sources", run.Output);
    }
}
