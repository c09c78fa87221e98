using NewsAggregator.Sources;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary><c>import-opml</c> and <c>export-opml</c> run as a user runs them, over a workspace's sources.json.</summary>
public class OpmlCommandTests
{
    private const string HandWritten = """
        {
          // Our own sources; the import must leave this comment and these lines alone.
          "sources": [
            { "id": "bbc-world", "name": "BBC: world", "type": "rss", "url": "https://feeds.bbci.co.uk/news/world/rss.xml", "intervalMinutes": 15 },
            { "id": "city-desk", "name": "City Desk", "type": "html", "url": "https://example.org/city/", "linkSelector": "h2 a" },
          ]
        }

        """;

    private static string Opml(string fixture) => FixturePath.Of("Opml", fixture);

    [Fact]
    public async Task Import_appends_the_new_feeds_reports_each_skip_and_keeps_the_file_as_it_was()
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("sources.json", HandWritten);

        var run = await CommandRun.RunAsync("import-opml", Opml("feedly-nested.opml"), "--sources", workspace.SourcesPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        var written = File.ReadAllText(workspace.SourcesPath);
        Assert.StartsWith(HandWritten[..HandWritten.LastIndexOf("},", StringComparison.Ordinal)], written);
        var sources = SourcesFile.Load(workspace.SourcesPath);
        Assert.Equal(
            [
                "bbc-world | ", "city-desk | ", "rss.dw.com-14dda539 | News/Europe", "www.france24.com-00592f33 | News/Europe",
                "www.theregister.com-d0abe968 | Tech", "blog.example.org-927c3a9c | ",
            ],
            sources.Select(s => $"{s.Id} | {s.Category}"));
        Assert.Equal(TimeSpan.FromMinutes(15), sources[0].Interval);
        Assert.Contains("added     rss.dw.com-14dda539: Deutsche Welle [News/Europe] https://rss.dw.com/rdf/rss-en-all\n", run.Output);
        Assert.Contains("duplicate https://feeds.bbci.co.uk/news/world/rss.xml: already in the sources file as \"bbc-world\"\n", run.Output);
        Assert.EndsWith($"4 added, 1 skipped as duplicates, 0 skipped as invalid; {workspace.SourcesPath} written\n", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing_and_leaves_the_file_untouched()
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("sources.json", HandWritten);
        await CommandRun.RunAsync("import-opml", Opml("duplicates.opml"), "--sources", workspace.SourcesPath);
        var afterFirst = File.ReadAllBytes(workspace.SourcesPath);

        var again = await CommandRun.RunAsync("import-opml", Opml("duplicates.opml"), "--sources", workspace.SourcesPath);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(afterFirst, File.ReadAllBytes(workspace.SourcesPath));
        // One line per skipped feed: two listed by the first run, one twice in the file, three that cannot be feeds.
        Assert.Equal(3, again.Output.Split('\n').Count(line => line.StartsWith("duplicate ", StringComparison.Ordinal)));
        Assert.Equal(3, again.Output.Split('\n').Count(line => line.StartsWith("invalid ", StringComparison.Ordinal)));
        Assert.Contains("invalid   \"No address\": no xmlUrl\n", again.Output);
        Assert.EndsWith("0 added, 3 skipped as duplicates, 3 skipped as invalid; " + workspace.SourcesPath + " unchanged\n", again.Output);
    }

    [Fact]
    public async Task Import_without_a_sources_file_starts_one()
    {
        using var workspace = new TempWorkspace();

        var run = await CommandRun.RunAsync("import-opml", Opml("opml1-no-type.opml"), "--sources", workspace.SourcesPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["Süddeutsche", "Tagesschau", "Slashdot"], SourcesFile.Load(workspace.SourcesPath).Select(s => s.Name));
    }

    [Fact]
    public async Task A_sources_file_with_a_byte_order_mark_is_appended_to_and_keeps_it()
    {
        using var workspace = new TempWorkspace();
        byte[] before = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(HandWritten)];
        File.WriteAllBytes(workspace.SourcesPath, before);

        var run = await CommandRun.RunAsync("import-opml", Opml("opml1-no-type.opml"), "--sources", workspace.SourcesPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(before[..3], File.ReadAllBytes(workspace.SourcesPath)[..3]);
        Assert.Equal(5, SourcesFile.Load(workspace.SourcesPath).Count);
    }

    [Theory]
    [InlineData("not-xml.opml", "not well-formed XML")]
    [InlineData("not-opml.xml", "the root element is <rss>, expected <opml>")]
    [InlineData("no-such-file.opml", "cannot read the OPML file")]
    public async Task A_file_that_is_not_opml_exits_2_with_one_line_and_changes_nothing(string fixture, string problem)
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("sources.json", HandWritten);

        var run = await CommandRun.RunAsync("import-opml", Opml(fixture), "--sources", workspace.SourcesPath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {Opml(fixture)}: ", line);
        Assert.Contains(problem, line);
        Assert.Equal(HandWritten, File.ReadAllText(workspace.SourcesPath));
    }

    [Fact]
    public async Task A_broken_sources_file_stops_the_import_naming_the_field()
    {
        using var workspace = new TempWorkspace();
        var broken = HandWritten.Replace("\"html\"", "\"podcast\"", StringComparison.Ordinal);
        workspace.WriteFile("sources.json", broken);

        var run = await CommandRun.RunAsync("import-opml", Opml("feedly-nested.opml"), "--sources", workspace.SourcesPath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("source \"city-desk\" (#1) field \"type\"", run.Error);
        Assert.Equal(broken, File.ReadAllText(workspace.SourcesPath));
    }

    [Fact]
    public async Task Export_then_import_elsewhere_gives_the_same_feeds_and_folders()
    {
        using var workspace = new TempWorkspace();
        var opmlPath = workspace.PathOf("exported.opml");

        var export = await CommandRun.RunAsync("export-opml", "--sources", Opml("categorised-sources.json"), "--output", opmlPath);
        var import = await CommandRun.RunAsync("import-opml", opmlPath, "--sources", workspace.SourcesPath);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal("", export.Output);
        Assert.Equal("not exported: city-desk (html): a section page or single page has no feed URL\n", export.Error);
        Assert.True(import.ExitCode == 0, import.ToString());
        var original = SourcesFile.Load(Opml("categorised-sources.json")).Where(s => s.Type == SourceType.Rss);
        Assert.Equal(
            original.Select(s => $"{s.Url} | {s.Name} | {s.Category}").Order(StringComparer.Ordinal),
            SourcesFile.Load(workspace.SourcesPath).Select(s => $"{s.Url} | {s.Name} | {s.Category}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_writes_to_standard_output_by_default()
    {
        var run = await CommandRun.RunAsync("export-opml", "--sources", Opml("categorised-sources.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", run.Output);
        Assert.Contains("""<outline type="rss" text="Tech" title="Tech" xmlUrl="https://tech.example/feed" />""", run.Output);
    }

    [Theory]
    [InlineData("import-opml", "feedly-nested.opml", "--bogus")]
    [InlineData("export-opml", "--bogus")]
    [InlineData("sources", "validate", "--Fetch:TimeoutSeconds=5")]
    public async Task An_unknown_option_is_a_usage_error_and_nothing_is_done(params string[] args)
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("sources.json", HandWritten);
        var withPaths = args.Select(a => a.EndsWith(".opml", StringComparison.Ordinal) ? Opml(a) : a).ToArray();

        var run = await CommandRun.RunAsync([.. withPaths, "--sources", workspace.SourcesPath]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"'{args[^1]}'", run.Error);
        Assert.Equal("", run.Output);
        Assert.Equal(HandWritten, File.ReadAllText(workspace.SourcesPath));
    }

    [Theory]
    [InlineData("import-opml")]
    [InlineData("export-opml")]
    public async Task Help_describes_the_command_and_its_sources_option(string command)
    {
        var run = await CommandRun.RunAsync(command, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--sources", run.Output);
        Assert.Contains("OPML", run.Output);
    }
}
