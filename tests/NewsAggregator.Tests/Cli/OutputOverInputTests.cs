using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// An <c>--output</c> that names a file the command reads (the sources file, a page) is refused
/// before anything is written: writing it destroyed the input and the command said it succeeded.
/// The database's case is in <see cref="ExportCommandTests"/>.
/// </summary>
public sealed class OutputOverInputTests : IDisposable
{
    private const string Sources = """
        { "sources": [ { "id": "wire", "name": "The Wire", "type": "rss", "url": "https://wire.example/feed.xml" } ] }
        """;

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Export_opml_over_its_sources_file_is_refused_and_the_file_kept()
    {
        var sources = _workspace.WriteFile("sources.json", Sources);

        var run = await CommandRun.RunAsync("export-opml", "--sources", sources, "--output", sources);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"error: --output {sources}: is the sources file {sources}, which this command reads; writing the OPML there would destroy it: give another file\n", run.Error);
        Assert.Equal(Sources, File.ReadAllText(sources));
    }

    [Fact]
    public async Task Extract_over_a_page_it_reads_is_refused_and_the_page_kept()
    {
        var page = _workspace.WriteFile("page.html", "<html><body><article><p>The harbour market opens.</p></article></body></html>");

        var run = await CommandRun.RunAsync("extract", page, "--output", page);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"error: --output {page}: is the page {page}, which this command reads", run.Error, StringComparison.Ordinal);
        Assert.Contains("harbour market", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_over_a_page_of_an_input_folder_named_another_way_is_refused()
    {
        var folder = _workspace.PathOf("saved");
        Directory.CreateDirectory(folder);
        var page = Path.Combine(folder, "page.html");
        File.WriteAllText(page, "<html><body><p>Kept.</p></body></html>");
        var link = _workspace.PathOf("also-saved");
        Directory.CreateSymbolicLink(link, folder);

        var run = await CommandRun.RunAsync("extract", folder, "--output", Path.Combine(link, ".", "page.html"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"is the page {page}", run.Error, StringComparison.Ordinal);
        Assert.Equal("<html><body><p>Kept.</p></body></html>", File.ReadAllText(page));
    }

    [Theory]
    [InlineData("search harbour --db", "error: --db is empty; give a file name\n")]
    [InlineData("stats --db", "error: --db is empty; give a file name\n")]
    [InlineData("sources list --db", "error: --db is empty; give a file name\n")]
    [InlineData("prune --older-than 30d --dry-run --db", "error: --db is empty; give a file name\n")]
    [InlineData("--once --db", "error: --db is empty; give a file name\n")]
    [InlineData("--once --sources", "error: --sources is empty; give a file name\n")]
    [InlineData("stats --sources", "error: --sources is empty; give a file name\n")]
    [InlineData("sources list --sources", "error: --sources is empty; give a file name\n")]
    [InlineData("sources validate --sources", "error: --sources is empty; give a file name\n")]
    [InlineData("reextract --sources", "error: --sources is empty; give a file name\n")]
    [InlineData("sources add http://127.0.0.1:9/feed.xml --sources", "error: --sources is empty; give a file name\n")]
    [InlineData("export-opml --output", "error: --output is empty; give a file name\n")]
    [InlineData("extract page.html --output", "error: --output is empty; give a file name\n")]
    [InlineData("import-opml", "error: FILE is empty; give a file name\n")]
    public async Task An_empty_file_name_is_one_usage_error_line_before_any_work(string arguments, string message)
    {
        var run = await CommandRun.RunAsync([.. arguments.Split(' '), ""]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(message, run.Error);
        Assert.Equal("", run.Output);
    }
}
