using System.Text.Json;
using NewsAggregator.Dedup;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// <c>search QUERY</c> over a real database: ranking (a title match above a text-only one), the
/// snippet with its markers, accents folded, the JSON lines, and the queries and inputs it refuses.
/// </summary>
public sealed class SearchCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TempWorkspace _workspace = new();
    private readonly WorkspaceDatabase _stored;

    public SearchCommandTests() => _stored = new WorkspaceDatabase(_workspace, Now);

    public void Dispose()
    {
        _stored.Dispose();
        _workspace.Dispose();
    }

    private NewsDatabase Database() => _stored.Open();

    private long Store(string url, string? title, string text, DateTimeOffset? published = null) =>
        Database().StoreArticle(new ArticleRecord
        {
            SourceId = "a",
            Url = url,
            Title = title,
            Text = text,
            ContentHash = ContentFingerprint.Of(text),
            PublishedAt = published,
            FetchedAt = Now,
        }).ArticleId;

    private Task<CommandRun> SearchAsync(params string[] args) =>
        CommandRun.RunAsync(["search", "--db", _workspace.DatabasePath, .. args]);

    private async Task<List<JsonElement>> SearchJsonAsync(params string[] args)
    {
        var run = await SearchAsync([.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
    }

    private static IEnumerable<long> Ids(IEnumerable<JsonElement> rows) => rows.Select(row => row.GetProperty("id").GetInt64());

    [Fact]
    public async Task A_title_match_ranks_above_matches_in_the_text_alone()
    {
        // Stored first, and naming the word three times in its text: still below the headline.
        var inText = Store("https://a.example/council", "Council sets its budget",
            "The council met on Tuesday. A strike by bus drivers was mentioned, and the strike fund, " +
            "and whether a strike would close the depot, before the budget passed by nine votes to four.");
        var inTitle = Store("https://a.example/strike", "Dock workers strike",
            "Workers at the container port walked out at dawn over pay, and the port said ships would wait at anchor until talks resume.");
        Store("https://a.example/weather", "Rain all week", "Forecasters expect rain every day until Sunday, with wind on the coast.");

        var rows = await SearchJsonAsync("strike");

        Assert.Equal([inTitle, inText], Ids(rows));
        Assert.True(rows[0].GetProperty("score").GetDouble() > rows[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Each_result_shows_its_title_date_sightings_id_url_and_a_snippet_with_the_matches_marked()
    {
        var id = Store("https://a.example/bridge", "Old Mill Bridge shut", ChangeSequenceTests.WholeStory, Now.AddDays(-1));
        Database().AddSighting(id, "b", "https://b.example/bridge", Now.AddHours(1));
        var undated = Store("https://a.example/divers", null, "Divers will examine the piers of the bridge on Wednesday.");

        var run = await SearchAsync("divers");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Equal("1. (no title)", lines[0]);
        Assert.Equal($"   first seen 2026-03-04 · 1 sighting · id {undated}", lines[1]);
        Assert.Equal("   https://a.example/divers", lines[2]);
        Assert.Equal("   [Divers] will examine the piers of the bridge on Wednesday.", lines[3]);
        Assert.Equal("", lines[4]);
        Assert.Equal("2. Old Mill Bridge shut", lines[5]);
        Assert.Equal($"   published 2026-03-03 · 2 sightings · id {id}", lines[6]);
        Assert.Equal("   https://a.example/bridge", lines[7]);
        // A cut in the middle of the text, on one line although it spans two paragraphs' worth of words.
        Assert.StartsWith("   …", lines[8], StringComparison.Ordinal);
        Assert.Contains("said [divers] would examine", lines[8], StringComparison.Ordinal);
        Assert.DoesNotContain('\r', lines[8]);
    }

    [Fact]
    public async Task Control_characters_stored_by_an_older_version_do_not_reach_the_terminal()
    {
        // Stored as an older version stored it; the extractor takes them out now.
        Store("https://a.example/dredging", "Harbour \u001b]0;owned\u0007 dredging",
            "Dredging starts in March.\u001b[2J The board\u0092s contractor will work around the tides.");

        var run = await SearchAsync("dredging");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(run.Output, c => char.IsControl(c) && c != '\n');
        var lines = run.Output.Split('\n');
        Assert.Equal("1. Harbour  ]0;owned  dredging", lines[0]);
        Assert.Contains("The board’s contractor", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_carry_the_documented_properties()
    {
        var id = Store("https://a.example/bridge", "Old Mill Bridge shut", ChangeSequenceTests.WholeStory, Now.AddDays(-1));

        var row = Assert.Single(await SearchJsonAsync("\"stone piers\""));

        Assert.Equal(
            ["id", "title", "url", "published_at", "fetched_at", "sightings", "score", "snippet"],
            row.EnumerateObject().Select(property => property.Name));
        Assert.Equal(id, row.GetProperty("id").GetInt64());
        Assert.Equal("2026-03-03T05:06:07Z", row.GetProperty("published_at").GetString());
        Assert.Equal("2026-03-04T05:06:07Z", row.GetProperty("fetched_at").GetString());
        Assert.Equal(1L, row.GetProperty("sightings").GetInt64());
        Assert.Contains("in two of its [stone piers] during", row.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cafe", "accents folded in the text")]
    [InlineData("café", "the query's own accent")]
    [InlineData("CAFÉ", "case and accent")]
    [InlineData("naïve", "an accent where the text has none")]
    public async Task Accents_and_case_are_folded_on_both_sides(string query, string why)
    {
        var cafe = Store("https://a.example/cafe", "Corner café reopens", "The corner café on Mill Street reopened with a naive new menu.");
        Store("https://a.example/other", "Bridge shut", "The bridge is shut to traffic.");

        var rows = await SearchJsonAsync(query);

        Assert.True(Ids(rows).SequenceEqual([cafe]), why);
    }

    [Fact]
    public async Task Query_syntax_phrases_prefixes_boolean_operators_near_and_columns()
    {
        var bridge = Store("https://a.example/bridge", "Old Mill Bridge shut", ChangeSequenceTests.WholeStory);
        var port = Store("https://a.example/port", "Port strike", "Dock workers walked out; the bridge to the port stayed open to traffic.");

        Assert.Equal([bridge], Ids(await SearchJsonAsync("\"stone piers\"")));
        Assert.Equal([bridge], Ids(await SearchJsonAsync("pedestr*")));
        Assert.Equal([port], Ids(await SearchJsonAsync("bridge", "AND", "dock")));
        Assert.Equal([bridge], Ids(await SearchJsonAsync("bridge NOT dock")));
        Assert.Equal([bridge, port], Ids(await SearchJsonAsync("title:bridge OR title:strike")).Order());
        Assert.Equal([port], Ids(await SearchJsonAsync("NEAR(workers traffic, 12)")));
        Assert.Empty(await SearchJsonAsync("NEAR(workers traffic, 2)"));
    }

    [Fact]
    public async Task A_limit_keeps_the_best_and_says_more_may_follow()
    {
        foreach (var n in Enumerable.Range(1, 5))
        {
            Store($"https://a.example/{n}", $"Story {n}", $"Ferry timetable number {n}: " + string.Join(' ', Enumerable.Repeat("ferry", n)));
        }

        var run = await SearchAsync("ferry", "--limit", "2");
        var best = await SearchJsonAsync("ferry", "--limit", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["1. Story 5", "2. Story 4"], run.Output.Split('\n').Where(line => line.Length > 0 && char.IsDigit(line[0])));
        Assert.EndsWith("the first 2 matches; more may follow (--limit)\n", run.Output, StringComparison.Ordinal);
        Assert.Equal([5L], Ids(best));
    }

    [Fact]
    public async Task No_match_is_exit_0_with_a_line_that_says_so()
    {
        Store("https://a.example/bridge", "Old Mill Bridge shut", ChangeSequenceTests.WholeStory);

        var run = await SearchAsync("zeppelin");
        var json = await SearchAsync("zeppelin", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("no matches for zeppelin\n", run.Output);
        Assert.Equal("", json.Output);
        Assert.Equal("", run.Error + json.Error);
    }

    [Theory]
    [InlineData("\"unclosed phrase", "unterminated string")]
    [InlineData("covid-19", "no such column: 19")]
    [InlineData("bridge AND", "fts5: syntax error near \"\"")]
    [InlineData("byline:smith", "no such column: byline")]
    public async Task A_malformed_query_is_exit_2_with_SQLites_reason_on_one_line(string query, string reason)
    {
        Store("https://a.example/bridge", "Old Mill Bridge shut", ChangeSequenceTests.WholeStory);

        var run = await SearchAsync(query);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: malformed search query {query}: {reason}", line, StringComparison.Ordinal);
        Assert.EndsWith("in double quotes; see the README for the syntax)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { " " }, "error: the search query is empty")]
    [InlineData(new[] { "bridge", "--limit", "0" }, "error: --limit must be a whole number, 1 or more, not 0")]
    [InlineData(new[] { "bridge", "--limit", "ten" }, "error: --limit must be a whole number, 1 or more, not ten")]
    public async Task Bad_arguments_are_exit_2_with_one_line(string[] args, string message)
    {
        Store("https://a.example/bridge", "Old Mill Bridge shut", ChangeSequenceTests.WholeStory);

        var run = await SearchAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", run.Output);
    }

    // QUERY takes any number of words, and the parser gave it an option it did not know: the
    // search ran for "bridge --sources x" and blamed FTS5's syntax. Said as any command says it.
    [Theory]
    [InlineData(new[] { "bridge", "--sources", "x" }, "--sources")]
    [InlineData(new[] { "--sources", "x", "bridge" }, "--sources")]
    [InlineData(new[] { "bridge", "--limt", "5" }, "--limt")]
    public async Task An_unknown_option_among_the_query_words_is_exit_2_naming_it(string[] args, string option)
    {
        Store("https://a.example/bridge", "Old Mill Bridge shut", ChangeSequenceTests.WholeStory);

        var run = await SearchAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"error: Unrecognized command or argument '{option}'.\n", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("malformed search query", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Words_after_a_lone_double_dash_are_the_query_as_written()
    {
        Store("https://a.example/bridge", "Old Mill Bridge shut", ChangeSequenceTests.WholeStory);

        var run = await SearchAsync("--", "--sources");

        // FTS5 has no word that starts with a dash, but it is FTS5 that says so.
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: malformed search query --sources: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_missing_database_is_exit_2_and_not_created() =>
        ReadOnlyReportChecks.MissingDatabaseIsRefusedAsync(_workspace, () => SearchAsync("bridge"));

    [Fact]
    public Task A_file_that_is_not_a_database_is_exit_2_and_left_untouched() =>
        ReadOnlyReportChecks.FileNotOursIsLeftUntouchedAsync(_workspace, () => SearchAsync("bridge"));

    [Fact]
    public async Task A_database_from_before_the_index_is_exit_2_with_what_to_do()
    {
        var version = Schema.FullTextSearchVersion - 1;
        DatabaseFiles.AtVersion(_workspace.DatabasePath, version);

        var run = await SearchAsync("bridge");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"schema version {version}, from before full-text search", run.Error, StringComparison.Ordinal);
        Assert.Contains("run the worker once", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_kept_without_the_index_is_exit_2_with_the_setting_to_change()
    {
        Store("https://a.example/bridge", "Bridge closed", "The old bridge over the river closed on Monday for repairs to its piers.");
        NewsDatabase.Open(_workspace.DatabasePath, new StorageOptions { FullTextSearch = false });

        var run = await SearchAsync("bridge");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("full-text search is off for this database", run.Error, StringComparison.Ordinal);
        Assert.Contains("Storage:FullTextSearch", run.Error, StringComparison.Ordinal);
    }
}
