using System.Globalization;
using System.Text.Json;
using CsvHelper;
using NewsAggregator.Dedup;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// <c>export --since N</c> over a real database: every change once, in order, with the cursor for
/// the next poll, also while a writer commits; the CSV format; the inputs it refuses.
/// </summary>
public sealed class ExportCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TempWorkspace _workspace = new();
    private readonly WorkspaceDatabase _stored;

    public ExportCommandTests() => _stored = new WorkspaceDatabase(_workspace, Now);

    public void Dispose()
    {
        _stored.Dispose();
        _workspace.Dispose();
    }

    private NewsDatabase Database() => _stored.Open();

    private static ArticleRecord Article(int number, string source = "a") => ChangeSequenceTests.Article(
        source, $"https://{source}.example/news/{number}", ChangeSequenceTests.DistinctText(number), number);

    private Task<CommandRun> ExportAsync(params string[] more) =>
        CommandRun.RunAsync(["export", "--db", _workspace.DatabasePath, .. more]);

    /// <summary>One poll: its rows (jsonl) and the cursor it printed.</summary>
    private sealed record Poll(IReadOnlyList<JsonElement> Rows, long Next)
    {
        public IEnumerable<long> Ids => Rows.Select(row => row.GetProperty("id").GetInt64());

        public IEnumerable<long> Seqs => Rows.Select(row => row.GetProperty("change_seq").GetInt64());
    }

    private async Task<Poll> PollAsync(long since, params string[] more)
    {
        var run = await ExportAsync(["--since", since.ToString(CultureInfo.InvariantCulture), .. more]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var next = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("next: --since ", next, StringComparison.Ordinal);
        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        var poll = new Poll(rows, long.Parse(next["next: --since ".Length..], CultureInfo.InvariantCulture));
        // The cursor is the last row's value, or the one given when there was nothing new.
        Assert.Equal(rows.Count == 0 ? since : poll.Seqs.Last(), poll.Next);
        return poll;
    }

    /// <summary>Each kind of change, with the article it changes (1 and 3: stories; 2: a cut copy); the export after it must show that article once.</summary>
    public static TheoryData<string, long> Changes => new()
    {
        { "new story", 4 },
        { "longer text", 2 },
        { "new sighting (same text elsewhere)", 1 },
        { "new sighting (known URL elsewhere)", 1 },
    };

    private long Change(string change)
    {
        var database = Database();
        return change switch
        {
            "new story" => database.StoreArticle(Article(50)).ArticleId,
            "longer text" => database.StoreArticle(ChangeSequenceTests.Article(
                "b", "https://www.harwick-herald.example/news/2026/03/bridge-closed", ChangeSequenceTests.WholeStory, 60)).ArticleId,
            "new sighting (same text elsewhere)" => database.StoreArticle(Article(1) with { SourceId = "b", Url = "https://b.example/copy" }).ArticleId,
            "new sighting (known URL elsewhere)" => database.AddSighting(1, "b", "https://b.example/found-again", Now.AddDays(1)) ? 1 : 0,
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Each_change_advances_the_sequence_and_shows_once_in_the_next_export(string change, long article)
    {
        var database = Database();
        database.StoreArticle(Article(1));
        database.StoreArticle(ChangeSequenceTests.Article("a", "https://cut-copies.example/news/bridge", ChangeSequenceTests.CutStory, 2));
        database.StoreArticle(Article(3));
        var before = await PollAsync(0);
        Assert.Equal([1L, 2L, 3L], before.Seqs);

        Assert.Equal(article, Change(change));
        var after = await PollAsync(before.Next);
        var again = await PollAsync(after.Next);

        var row = Assert.Single(after.Rows);
        Assert.Equal(article, row.GetProperty("id").GetInt64());
        Assert.Equal(4L, row.GetProperty("change_seq").GetInt64());
        Assert.Empty(again.Rows);
        Assert.Equal(4L, again.Next);
    }

    [Fact]
    public async Task A_row_carries_every_public_column_and_its_sightings_first_seen_first()
    {
        var database = Database();
        var stored = database.StoreArticle(Article(1) with
        {
            Byline = "Jane Doe", Language = "en", SiteName = "A", ImageUrl = "https://a.example/i.jpg", Description = "Summary.",
            Html = "<p>Story</p>", EnclosureUrl = "https://a.example/e.mp3", EnclosureType = "audio/mpeg", EnclosureLength = 1234,
        });
        database.AddSighting(stored.ArticleId, "b", "https://b.example/seen", Now.AddDays(1));

        var row = Assert.Single((await PollAsync(0)).Rows);

        Assert.Equal(
            ["change_seq", "updated_at", "id", "source_id", "url", "title", "byline", "published_at", "fetched_at", "language", "text",
             "content_hash", "site_name", "image_url", "description", "html", "enclosure_url", "enclosure_type", "enclosure_length", "sightings",
             "text_source"],
            row.EnumerateObject().Select(property => property.Name));
        Assert.Equal("page", row.GetProperty("text_source").GetString());
        Assert.Equal("2026-03-05T05:06:07Z", row.GetProperty("updated_at").GetString());
        Assert.Equal("2026-03-04T06:06:07Z", row.GetProperty("fetched_at").GetString());
        Assert.Equal(1234L, row.GetProperty("enclosure_length").GetInt64());
        Assert.Equal(
            """[{"source_id":"a","url":"https://a.example/news/1","seen_at":"2026-03-04T06:06:07Z"},{"source_id":"b","url":"https://b.example/seen","seen_at":"2026-03-05T05:06:07Z"}]""",
            row.GetProperty("sightings").GetRawText());
    }

    [Fact]
    public async Task Pruned_articles_come_as_deletions_in_change_order_when_asked_for()
    {
        var database = Database();
        for (var i = 1; i <= 4; i++)
        {
            database.StoreArticle(Article(i));
        }
        var before = await PollAsync(0);

        // Articles 1 and 2 were first seen before the cutoff; then a new story comes.
        var report = database.Prune(Now.AddHours(2.5), Now.AddDays(1), PruneOptions.Default with { PauseBetweenBatches = TimeSpan.Zero });
        Assert.Equal(2, report.Articles);
        database.StoreArticle(Article(5));

        var plain = await PollAsync(before.Next);
        Assert.Equal([5L], plain.Ids);
        var withDeletions = await PollAsync(before.Next, "--deletions");
        Assert.Equal([5L, 6L, 7L], withDeletions.Seqs);
        Assert.Equal([1L, 2L, 5L], withDeletions.Ids);
        Assert.Equal(
            """{"change_seq":5,"id":1,"deleted":true,"deleted_at":"2026-03-05T05:06:07Z","reason":"pruned","merged_into":null}""",
            withDeletions.Rows[0].GetRawText());
        // Paging counts deletions and articles alike.
        var first = await PollAsync(before.Next, "--deletions", "--limit", "2");
        Assert.Equal([5L, 6L], first.Seqs);
        Assert.Equal([7L], (await PollAsync(first.Next, "--deletions")).Seqs);
    }

    [Fact]
    public async Task Deletions_are_refused_in_csv()
    {
        Database().StoreArticle(Article(1));

        var run = await ExportAsync("--format", "csv", "--deletions");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: --deletions needs --format jsonl", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Paging_with_a_limit_gives_every_article_exactly_once()
    {
        var database = Database();
        for (var i = 1; i <= 23; i++)
        {
            database.StoreArticle(Article(i));
        }
        // Changes to articles already stored move them behind the others.
        database.AddSighting(3, "b", "https://b.example/three", Now.AddDays(1));
        database.AddSighting(20, "b", "https://b.example/twenty", Now.AddDays(1));

        var seen = new List<long>();
        var cursor = 0L;
        var polls = 0;
        while (true)
        {
            var poll = await PollAsync(cursor, "--limit", "4");
            Assert.True(poll.Rows.Count <= 4);
            seen.AddRange(poll.Ids);
            polls++;
            if (poll.Rows.Count == 0)
            {
                break;
            }
            cursor = poll.Next;
        }

        Assert.Equal([.. Enumerable.Range(1, 23).Where(i => i is not 3 and not 20).Select(i => (long)i), 3L, 20L], seen);
        // 23 articles (two of them changed last, so exported once, at their new place), 4 a poll, then an empty poll.
        Assert.Equal(25L, cursor);
        Assert.Equal(7, polls);
    }

    [Fact]
    public async Task Polling_while_a_writer_commits_sees_every_change_once_and_each_commit_whole()
    {
        const int Batches = 40;
        const int BatchSize = 3;
        var database = Database();
        // The writer: batches of three new stories, each batch one transaction, and after each a
        // new sighting of a story from an earlier batch, its own transaction.
        var writer = Task.Run(() =>
        {
            for (var batch = 0; batch < Batches; batch++)
            {
                var articles = Enumerable.Range(batch * BatchSize + 1, BatchSize)
                    .Select(number => database.PrepareArticle(Article(number), run: null))
                    .ToList();
                database.StoreArticles(articles);
                database.AddSighting(batch + 1, "b", $"https://b.example/again/{batch}", Now.AddDays(1));
            }
        });

        var exported = new List<(long Id, long Seq)>();
        var cursor = 0L;
        var firstSeen = new HashSet<long>();
        while (true)
        {
            var finished = writer.IsCompleted;
            var poll = await PollAsync(cursor);
            exported.AddRange(poll.Ids.Zip(poll.Seqs));
            firstSeen.UnionWith(poll.Ids);
            // A batch is one commit: a snapshot has all of it or none.
            Assert.True(firstSeen.Count % BatchSize == 0, $"a poll saw part of a batch: {firstSeen.Count} stories");
            cursor = poll.Next;
            if (finished)
            {
                break;
            }
        }
        await writer;

        // Never repeated, never out of order: each value at most once, rising.
        Assert.Equal(exported.Select(e => e.Seq).Order(), exported.Select(e => e.Seq));
        Assert.Equal(exported.Count, exported.Select(e => e.Seq).Distinct().Count());
        // Never skipped: every story, each last exported as it now stands.
        var current = CurrentSeqs();
        Assert.Equal(Batches * BatchSize, current.Count);
        Assert.Equal(current, exported.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Last().Seq));
        Assert.Equal(current.Values.Max(), cursor);
    }

    private Dictionary<long, long> CurrentSeqs()
    {
        var seqs = new Dictionary<long, long>();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_workspace.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, change_seq FROM articles";
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            seqs[rows.GetInt64(0)] = rows.GetInt64(1);
        }
        return seqs;
    }

    [Fact]
    public async Task Csv_quotes_commas_quotes_and_line_breaks_and_holds_the_sightings_as_json()
    {
        var database = Database();
        database.StoreArticle(Article(1) with
        {
            Title = "He said \"yes\", then left",
            Text = "First paragraph, with a comma.\n\nSecond paragraph\r\nwith a CRLF.",
            Byline = null,
            TextSource = TextSource.Feed,
        });

        var run = await ExportAsync("--since", "0", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("next: --since 1\n", run.Error);
        Assert.StartsWith(
            "change_seq,updated_at,id,source_id,url,title,byline,published_at,fetched_at,language,text,content_hash,site_name,image_url,description,html,enclosure_url,enclosure_type,enclosure_length,sightings,text_source\r\n",
            run.Output, StringComparison.Ordinal);
        Assert.Contains(",\"He said \"\"yes\"\", then left\",,", run.Output, StringComparison.Ordinal);
        // Read back by a CSV parser, which must find exactly the one row.
        using var csv = new CsvReader(new StringReader(run.Output), CultureInfo.InvariantCulture);
        Assert.True(csv.Read());
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        Assert.True(csv.Read());
        var fields = Enumerable.Range(0, header.Length).Select(i => csv.GetField(i)!).ToArray();
        Assert.False(csv.Read());
        var row = header.Zip(fields).ToDictionary(pair => pair.First, pair => pair.Second);
        Assert.Equal("He said \"yes\", then left", row["title"]);
        Assert.Equal("First paragraph, with a comma.\n\nSecond paragraph\r\nwith a CRLF.", row["text"]);
        Assert.Equal("", row["byline"]);
        Assert.Equal("1", row["change_seq"]);
        Assert.Equal("""[{"source_id":"a","url":"https://a.example/news/1","seen_at":"2026-03-04T06:06:07Z"}]""", row["sightings"]);
        Assert.Equal("feed", row["text_source"]);
    }

    [Theory]
    [InlineData("First paragraph\n\nSecond paragraph")]
    [InlineData(" Starts with a space")]
    public async Task Csv_quotes_a_text_of_line_feeds_only_or_with_an_outer_space(string text)
    {
        Database().StoreArticle(Article(1) with { Text = text });

        var run = await ExportAsync("--since", "0", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($",\"{text}\",", run.Output, StringComparison.Ordinal);
        using var csv = new CsvReader(new StringReader(run.Output), CultureInfo.InvariantCulture);
        Assert.True(csv.Read());
        csv.ReadHeader();
        Assert.True(csv.Read());
        Assert.Equal(text, csv.GetField("text"));
        Assert.False(csv.Read());
    }

    [Fact]
    public async Task Output_file_holds_the_export_and_nothing_is_left_beside_it()
    {
        Database().StoreArticle(Article(1));
        var file = _workspace.PathOf("changes.jsonl");

        var run = await ExportAsync("--since", "0", "--output", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal("next: --since 1\n", run.Error);
        Assert.Equal(1L, JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("change_seq").GetInt64());
        Assert.Equal(["changes.jsonl"], Directory.GetFiles(_workspace.Folder, "changes*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_output_that_is_a_named_pipe_is_written_into_and_stays_a_pipe()
    {
        Database().StoreArticle(Article(1));
        var pipe = await _workspace.MakeNamedPipeAsync("changes.fifo");
        // The reader waits in its open until the export opens the pipe to write.
        var reader = Task.Run(() => File.ReadAllText(pipe));

        var run = await ExportAsync("--since", "0", "--output", pipe);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("next: --since 1\n", run.Error);
        // A file renamed over the pipe would leave the reader waiting: the guard ends the wait.
        var received = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1L, JsonDocument.Parse(received).RootElement.GetProperty("change_seq").GetInt64());
        Assert.Equal("a named pipe (FIFO)", FileKind.Special(pipe));
        Assert.Equal(["changes.fifo"], Directory.GetFiles(_workspace.Folder, "changes*").Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-wal")]
    [InlineData("-shm")]
    [InlineData("-journal")]
    public async Task An_output_naming_the_database_or_a_file_beside_it_is_refused_and_the_database_kept(string suffix)
    {
        Database().StoreArticle(Article(1));
        var before = File.ReadAllBytes(_workspace.DatabasePath);
        var output = _workspace.DatabasePath + suffix;

        var run = await ExportAsync("--output", output);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"error: --output {output}: is the database", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(before, File.ReadAllBytes(_workspace.DatabasePath));
    }

    [Fact]
    public async Task An_output_that_is_a_link_to_the_database_is_refused()
    {
        Database().StoreArticle(Article(1));
        var before = File.ReadAllBytes(_workspace.DatabasePath);
        var link = _workspace.PathOf("latest.jsonl");
        File.CreateSymbolicLink(link, _workspace.DatabasePath);

        var run = await ExportAsync("--output", link);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"error: --output {link}: is the database {_workspace.DatabasePath}", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_workspace.DatabasePath));
    }

    [Fact]
    public async Task An_output_that_is_a_symbolic_link_is_written_through_and_stays_a_link()
    {
        Database().StoreArticle(Article(1));
        var target = _workspace.WriteFile("changes.jsonl", "old\n");
        var link = _workspace.PathOf("latest.jsonl");
        File.CreateSymbolicLink(link, target);

        var run = await ExportAsync("--output", link);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal(1L, JsonDocument.Parse(File.ReadAllText(target)).RootElement.GetProperty("change_seq").GetInt64());
    }

    [Theory]
    [InlineData("--db")]
    [InlineData("--output")]
    public async Task An_empty_file_name_is_one_usage_error_line(string option)
    {
        Database().StoreArticle(Article(1));

        var run = await CommandRun.RunAsync("export", option, "");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"error: {option} is empty; give a file name\n", run.Error);
    }

    [Theory]
    [InlineData("--since -1", "error: --since must be a whole number, 0 or more (the cursor a previous export printed), not -1")]
    [InlineData("--since abc", "error: --since must be a whole number, 0 or more (the cursor a previous export printed), not abc")]
    [InlineData("--since 1.5", "error: --since must be a whole number, 0 or more (the cursor a previous export printed), not 1.5")]
    [InlineData("--limit 0", "error: --limit must be a whole number, 1 or more, not 0")]
    [InlineData("--limit ten", "error: --limit must be a whole number, 1 or more, not ten")]
    [InlineData("--format xml", "error: Argument 'xml' not recognized. Must be one of:")]
    [InlineData("--sinse 3", "error: Unrecognized command or argument '--sinse'.")]
    [InlineData("--output missing-folder/changes.jsonl", "error: --output missing-folder/changes.jsonl: the folder ")]
    public async Task Bad_input_is_a_usage_error_naming_the_option(string arguments, string message)
    {
        Database().StoreArticle(Article(1));
        var args = arguments.Split(' ');
        if (args[0] == "--output")
        {
            args[1] = _workspace.PathOf(args[1]);
            message = message.Replace("missing-folder/changes.jsonl", args[1], StringComparison.Ordinal);
        }

        var run = await ExportAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_cursor_past_the_last_change_is_exit_2_rather_than_nothing_new_forever()
    {
        Database().StoreArticle(Article(1));
        Database().StoreArticle(Article(2));
        var file = _workspace.PathOf("changes.jsonl");

        var current = await PollAsync(2);
        var run = await ExportAsync("--since", "3", "--output", file);

        Assert.Equal(2L, current.Next);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(
            $"error: --since 3 is past the last change of {_workspace.DatabasePath} (2): the cursor comes from another database, " +
            "or this one was restored from an older copy; export again from --since 0\n", run.Error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public Task A_missing_database_is_exit_2_and_not_created() =>
        ReadOnlyReportChecks.MissingDatabaseIsRefusedAsync(_workspace, () => ExportAsync("--since", "0"));

    [Fact]
    public Task A_file_that_is_not_a_database_is_exit_2_and_left_untouched() =>
        ReadOnlyReportChecks.FileNotOursIsLeftUntouchedAsync(_workspace, () => ExportAsync("--since", "0"));

    [Fact]
    public async Task A_database_not_yet_migrated_to_text_source_exports_page_for_every_article_and_stays_as_it_was()
    {
        DatabaseFiles.AtVersion(_workspace.DatabasePath, Schema.TextSourceVersion - 1, """
            INSERT INTO sources (id, name, type, url, updated_at) VALUES ('a', 'A', 'rss', 'https://a.example/feed', '2026-03-04T00:00:00Z');
            INSERT INTO articles (id, source_id, url, fetched_at, text, change_seq, updated_at)
            VALUES (1, 'a', 'https://a.example/one', '2026-03-04T05:00:00Z', 'One.', 1, '2026-03-04T05:00:00Z');
            INSERT INTO article_sightings (article_id, source_id, url, seen_at) VALUES (1, 'a', 'https://a.example/one', '2026-03-04T05:00:00Z');
            UPDATE change_sequence SET last_value = 1;
            """);

        var row = Assert.Single((await PollAsync(0)).Rows);

        Assert.Equal("page", row.GetProperty("text_source").GetString());
        Assert.Equal((long)Schema.TextSourceVersion - 1, DatabaseFiles.Scalar(_workspace.DatabasePath, "PRAGMA user_version"));
    }

    [Fact]
    public async Task A_database_from_before_the_change_feed_is_exit_2_with_what_to_do()
    {
        var version = Schema.ChangeSequenceVersion - 1;
        DatabaseFiles.AtVersion(_workspace.DatabasePath, version);

        var run = await ExportAsync("--since", "0");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"schema version {version}, from before the change feed", run.Error, StringComparison.Ordinal);
        Assert.Contains("run the worker once", run.Error, StringComparison.Ordinal);
    }
}
