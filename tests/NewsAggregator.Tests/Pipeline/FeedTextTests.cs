using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Pipeline;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Resilience;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// An article stored from its feed's text because its page could not be had keeps its page owed:
/// later passes ask for the page on the entry's backoff (whether the feed answers 304, still lists
/// the entry or no longer does), and when it comes its text replaces the feed's, as a change the
/// change feed shows once. Passes hours apart run back to back on a clock the test sets.
/// </summary>
public sealed class FeedTextTests : PassesOverTime
{
    private const string Teaser = "Engineers closed the harbour bridge after finding cracks; the council will say more on Thursday.";

    /// <summary>What the story's page answers while it fails; null once it works.</summary>
    private int? PageStatus { get; set; } = StatusCodes.Status500InternalServerError;
    private int FeedVersion { get; set; } = 1;
    /// <summary>Whether the story's page, once it works, redirects to another URL of the site.</summary>
    private bool PageMoved { get; set; }
    /// <summary>Whether the feed's version 2 still lists the story (it adds another one either way).</summary>
    private bool StoryListed { get; set; } = true;

    protected override Task HandleAsync(HttpContext context) => (context.Request.Path.Value ?? "") switch
    {
        "/feed.xml" => SendFeedAsync(context),
        "/story.html" when PageStatus is { } status => AnswerAsync(context, status),
        "/story.html" when PageMoved => RedirectAsync(context, "/2026/03/bridge.html"),
        "/story.html" or "/2026/03/bridge.html" => SendPageAsync(context, "Harbour bridge closed after cracks found", 1),
        "/other.html" => SendPageAsync(context, "Ferry timetable changes", 2),
        _ => AnswerAsync(context, StatusCodes.Status404NotFound),
    };

    private static Task RedirectAsync(HttpContext context, string path)
    {
        context.Response.Redirect(path, permanent: true);
        return Task.CompletedTask;
    }

    private static Task SendPageAsync(HttpContext context, string headline, int seed)
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(FaultWeb.Article(headline, seed)
            .Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><meta name=\"author\" content=\"Jane Doe\">", StringComparison.Ordinal));
    }

    private async Task SendFeedAsync(HttpContext context)
    {
        var etag = $"\"feed-{FeedVersion}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = "application/rss+xml";
        var story = $"<item><title>Bridge shut (feed)</title><link>{Server.Url("/story.html")}</link><description>{Teaser}</description></item>";
        var other = $"<item><title>Ferries</title><link>{Server.Url("/other.html")}</link></item>";
        var items = FeedVersion == 1 ? story : StoryListed ? story + other : other;
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>{Server.BaseUrl}</link>{items}</channel></rss>");
    }

    private string StoryUrl => Server.Url("/story.html").ToString();

    private sealed record StoredStory(long Id, string Text, string TextSource, string? Title, string? Byline, long ChangeSeq);

    private StoredStory Story()
    {
        using var connection = Files.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, text, text_source, title, byline, change_seq FROM articles WHERE url = $url";
        command.Parameters.AddWithValue("$url", StoryUrl);
        using var row = command.ExecuteReader();
        Assert.True(row.Read(), "the story is stored");
        var story = new StoredStory(row.GetInt64(0), row.GetString(1), row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3),
            row.IsDBNull(4) ? null : row.GetString(4), row.GetInt64(5));
        Assert.False(row.Read(), "one article for the story");
        return story;
    }

    private EntryRetryState? RetryState() => RetryState("/story.html");

    private sealed record Export(IReadOnlyList<JsonElement> Rows, long Next);

    private async Task<Export> ExportSinceAsync(long since)
    {
        var run = await CommandRun.RunAsync("export", "--db", Files.Path, "--since", since.ToString(CultureInfo.InvariantCulture));
        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        return new Export(rows, long.Parse(run.Error.Trim()["next: --since ".Length..], CultureInfo.InvariantCulture));
    }

    public static TheoryData<string> FeedAnswers => ["unchanged (304)", "changed, still listing the story", "changed, no longer listing the story"];

    [Theory]
    [MemberData(nameof(FeedAnswers))]
    public async Task The_feeds_teaser_is_stored_and_replaced_by_the_page_once_it_comes(string feedThen)
    {
        var first = await PassAtAsync(TimeSpan.Zero);
        var teaser = Story();
        var afterFirst = RetryState()!;
        var firstProblems = LastEntryProblems();
        var firstExport = await ExportSinceAsync(0);
        // Before its hour is up the page is not asked for (and the unchanged feed lists nothing).
        var early = await PassAtAsync(TimeSpan.FromMinutes(30));
        var pageRequestsBeforeDue = Server.RequestsTo("/story.html");
        PageStatus = null;
        FeedVersion = feedThen.StartsWith("changed", StringComparison.Ordinal) ? 2 : 1;
        StoryListed = !feedThen.Contains("no longer", StringComparison.Ordinal);
        var due = await PassAtAsync(TimeSpan.FromHours(1));
        var page = Story();
        var secondExport = await ExportSinceAsync(firstExport.Next);
        var thirdExport = await ExportSinceAsync(secondExport.Next);
        var later = await PassAtAsync(TimeSpan.FromHours(2));

        Assert.Equal((1, 0, 0), (first.NewArticles, first.Failed, first.Upgraded));
        Assert.Equal((Teaser, "feed", "Bridge shut (feed)", (string?)null), (teaser.Text, teaser.TextSource, teaser.Title, teaser.Byline));
        Assert.Equal((1, Start.AddHours(1), "HTTP 500 Internal Server Error"), (afterFirst.Failures, afterFirst.NextAttemptAt, afterFirst.LastError));
        Assert.Contains($"{StoryUrl}: HTTP 500 Internal Server Error; the feed's text was stored instead, and the page is asked for again",
            firstProblems, StringComparison.Ordinal);
        var exported = Assert.Single(firstExport.Rows);
        Assert.Equal((teaser.Id, "feed"), (exported.GetProperty("id").GetInt64(), exported.GetProperty("text_source").GetString()));

        Assert.Equal((true, 0, 0, 0, 0), (early.NotModified, early.NewArticles, early.Known, early.Failed, early.Upgraded));
        Assert.Equal(1, pageRequestsBeforeDue);

        Assert.True(due.Succeeded, due.SummaryLine());
        Assert.Equal(feedThen.StartsWith("unchanged", StringComparison.Ordinal), due.NotModified);
        Assert.Equal((FeedVersion == 2 ? 1 : 0, 1, 0, 0, 0), (due.NewArticles, due.Upgraded, due.Failed, due.Known, due.Duplicates));
        Assert.Contains(", 1 upgraded (", due.SummaryLine(), StringComparison.Ordinal);
        Assert.Equal(1L, Files.Scalar("SELECT upgraded FROM runs ORDER BY id DESC LIMIT 1 OFFSET 1"));
        Assert.Equal((teaser.Id, "page", "Harbour bridge closed after cracks found", "Jane Doe"), (page.Id, page.TextSource, page.Title, page.Byline));
        Assert.Contains("paragraph 6 of the report (story 1)", page.Text, StringComparison.Ordinal);
        Assert.Null(RetryState());

        // The upgrade is one change, seen once: in the export after the teaser's, not in the one after that.
        var upgrade = Assert.Single(secondExport.Rows, row => row.GetProperty("id").GetInt64() == teaser.Id);
        Assert.Equal(("page", page.ChangeSeq), (upgrade.GetProperty("text_source").GetString(), upgrade.GetProperty("change_seq").GetInt64()));
        Assert.True(page.ChangeSeq > firstExport.Next);
        Assert.Equal(FeedVersion == 2 ? 2 : 1, secondExport.Rows.Count);
        Assert.Empty(thirdExport.Rows);

        Assert.Equal((0, 0), (later.Upgraded, later.Failed));
        Assert.Equal(2, Server.RequestsTo("/story.html"));
        Assert.Equal(page, Story());
    }

    [Fact]
    public async Task A_page_that_keeps_failing_keeps_the_teaser_backs_off_and_is_given_up_by_the_entry_rules()
    {
        PageStatus = StatusCodes.Status404NotFound;
        var first = await PassAtAsync(TimeSpan.Zero);
        var teaser = Story();
        var second = await PassAtAsync(TimeSpan.FromHours(1));
        var afterSecond = RetryState()!;
        var secondProblems = LastEntryProblems();
        var kept = Story();
        var beforeDue = await PassAtAsync(TimeSpan.FromHours(2));
        var requestsBeforeDue = Server.RequestsTo("/story.html");
        await PassAtAsync(TimeSpan.FromHours(3));
        var fourth = await PassAtAsync(TimeSpan.FromHours(7));
        var givenUp = RetryState()!;
        var givenUpProblems = LastEntryProblems();
        // Given up: not asked for again, even once the page works and the feed, changed, lists it: it is simply known.
        PageStatus = null;
        FeedVersion = 2;
        var dayLater = await PassAtAsync(TimeSpan.FromDays(1));

        Assert.Equal((1, 0), (first.NewArticles, first.Failed));
        Assert.Equal((0, 1, 0, 0), (second.NewArticles, second.Known, second.Failed, second.Upgraded));
        Assert.Equal((2, Start.AddHours(3), "HTTP 404 Not Found"), (afterSecond.Failures, afterSecond.NextAttemptAt, afterSecond.LastError));
        Assert.Contains($"{StoryUrl}: HTTP 404 Not Found; the feed's text stays until the page can be had", secondProblems, StringComparison.Ordinal);
        // Kept as it was: no change, so nothing for the change feed.
        Assert.Equal(teaser, kept);
        Assert.Equal((0, 0, 2), (beforeDue.Known, beforeDue.Upgraded, requestsBeforeDue));

        Assert.Equal((1, 0), (fourth.Known, fourth.Failed));
        Assert.Equal((4, Start.AddHours(7)), (givenUp.Failures, givenUp.GaveUpAt!.Value));
        Assert.Contains($"{StoryUrl}: given up after 4 failures since 2026-03-04T05:00:00Z; not asked for again", givenUpProblems, StringComparison.Ordinal);

        Assert.Equal((0, 1, 1), (dayLater.Upgraded, dayLater.Known, dayLater.NewArticles));
        Assert.Equal(4, Server.RequestsTo("/story.html"));
        Assert.Equal(teaser, Story());
        Assert.Equal(0L, Files.Scalar("SELECT sum(failed) FROM runs"));
    }

    [Fact]
    public async Task A_page_that_redirects_completes_the_article_at_the_entrys_URL_and_its_new_URL_is_a_sighting()
    {
        await PassAtAsync(TimeSpan.Zero);
        var teaser = Story();
        PageStatus = null;
        PageMoved = true;

        var due = await PassAtAsync(TimeSpan.FromHours(1));

        Assert.Equal((0, 1, 0), (due.NewArticles, due.Upgraded, due.Failed));
        var page = Story();
        Assert.Equal((teaser.Id, "page"), (page.Id, page.TextSource));
        Assert.Equal(1L, Files.Scalar("SELECT count(*) FROM articles"));
        Assert.Equal(teaser.Id, Files.Scalar($"SELECT article_id FROM article_sightings WHERE url = '{Server.Url("/2026/03/bridge.html")}'"));
        Assert.Null(RetryState());
    }
}
