using System.Text.RegularExpressions;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>A sources.json that cannot be used, and what the user must be told about it.</summary>
/// <param name="FileName">Also the case's name: the message must name this file.</param>
/// <param name="Json">The file; <c>{{base}}</c> is the fixture server, so a run that fetched anyway would show in its counts.</param>
/// <param name="MustMention">The source (id, or index where the id is the problem) and the field.</param>
public sealed record BadSourcesFile(string FileName, string Json, params string[] MustMention)
{
    public override string ToString() => FileName;
}

/// <summary>
/// Configuration errors: exit 2, one message naming the file, the source and the field, and
/// nothing fetched (the whole file is checked before any source runs).
/// </summary>
public sealed class SourcesFileErrorTests(FixtureWebHost host) : IClassFixture<FixtureWebHost>
{
    private const string Wire = """{ "id": "wire", "name": "The Wire Times", "type": "rss", "url": "{{base}}/wire-times/feed.rss" }""";

    public static TheoryData<BadSourcesFile> Cases() => new()
    {
        new("missing-url.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "id": "planet", "name": "The Daily Planet", "type": "rss" } ] }""",
            "planet", "url"),
        new("missing-name.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "id": "planet", "type": "rss", "url": "{{base}}/daily-planet/feeds/latest.atom" } ] }""",
            "planet", "name"),
        new("duplicate-id.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "id": "wire", "name": "Again", "type": "rss", "url": "{{base}}/daily-planet/feeds/latest.atom" } ] }""",
            "wire", "id"),
        new("unknown-type.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "id": "radio", "name": "Radio", "type": "podcast", "url": "{{base}}/radio.xml" } ] }""",
            "radio", "type", "podcast"),
        new("invalid-url.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "id": "planet", "name": "The Daily Planet", "type": "rss", "url": "daily planet feed" } ] }""",
            "planet", "url"),
        new("ftp-url.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "id": "planet", "name": "The Daily Planet", "type": "rss", "url": "ftp://127.0.0.1/feed.xml" } ] }""",
            "planet", "url"),
        new("enabled-not-boolean.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "id": "planet", "name": "P", "type": "rss", "url": "{{base}}/daily-planet/feeds/latest.atom", "enabled": "yes" } ] }""",
            "planet", "enabled"),
        new("bad-link-selector.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "id": "herald", "name": "H", "type": "html", "url": "{{base}}/harbour-herald/local/", "linkSelector": "h2[" } ] }""",
            "herald", "linkSelector"),
        new("no-sources-array.json", """{ "feeds": [] }""", "sources"),
        new("unknown-top-level-field.json", $$$"""{ "sources": [ {{{Wire}}} ], "defaults": { "intervalMinutes": 5 } }""", "defaults", "unknown field"),
        new("non-ascii-id.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "id": "zürich-post", "name": "Post", "type": "rss", "url": "{{base}}/feed.xml" } ] }""",
            "zürich-post", "id", "ASCII"),
        new("syntax-error.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "id": "planet" "name": "The Daily Planet" } ] }""",
            "line"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_sources_file_exits_2_naming_file_source_and_field(BadSourcesFile bad)
    {
        using var workspace = new TempWorkspace();
        var path = WriteWithServerAddress(workspace, bad.FileName, bad.Json);
        var requestsBefore = host.Web.TotalRequests;

        var run = await CommandRun.RunAsync("--once", "--sources", path, "--db", workspace.DatabasePath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(bad.FileName, run.Error);
        Assert.All(bad.MustMention, mention => Assert.Contains(mention, run.Error));
        AssertNoStackTrace(run);
        Assert.Empty(run.Summaries);
        Assert.Equal(requestsBefore, host.Web.TotalRequests);
    }

    [Fact]
    public async Task Source_without_an_id_is_named_by_its_index()
    {
        using var workspace = new TempWorkspace();
        var path = WriteWithServerAddress(workspace, "missing-id.json",
            $$$"""{ "sources": [ {{{Wire}}}, { "name": "Nameless", "type": "rss", "url": "{{base}}/feed.xml" } ] }""");

        var run = await CommandRun.RunAsync("--once", "--sources", path, "--db", workspace.DatabasePath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("missing-id.json", run.Error);
        Assert.Contains("id", run.Error);
        // The second entry: index 1 counted from zero, or 2 counted from one.
        Assert.Matches(new Regex(@"(?<![\w.-])[12](?![\w.-])"), run.Error);
    }

    [Fact]
    public async Task Missing_sources_file_exits_2_naming_it()
    {
        using var workspace = new TempWorkspace();
        var path = workspace.PathOf("no-such-sources.json");

        var run = await CommandRun.RunAsync("--once", "--sources", path, "--db", workspace.DatabasePath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no-such-sources.json", run.Error);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Sources_path_naming_a_folder_says_it_is_a_folder()
    {
        using var workspace = new TempWorkspace();

        var run = await CommandRun.RunAsync("--once", "--sources", workspace.Folder, "--db", workspace.DatabasePath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("is a folder", run.Error);
        Assert.DoesNotContain("denied", run.Error);
        AssertNoStackTrace(run);
        Assert.False(File.Exists(workspace.DatabasePath), "no database is made for a run that cannot start");
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        using var workspace = new TempWorkspace();

        var run = await CommandRun.RunAsync("--once", "--frobnicate", "--sources", workspace.SourcesPath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--frobnicate", run.Error);
    }

    private string WriteWithServerAddress(TempWorkspace workspace, string fileName, string json) =>
        workspace.WriteFile(fileName, json.Replace("{{base}}", host.Web.BaseUrl.GetLeftPart(UriPartial.Authority)));

    internal static void AssertNoStackTrace(CommandRun run)
    {
        Assert.DoesNotMatch(new Regex(@"^\s+at \S", RegexOptions.Multiline), run.Output + run.Error);
        Assert.DoesNotContain("Exception", run.Output + run.Error);
    }
}
