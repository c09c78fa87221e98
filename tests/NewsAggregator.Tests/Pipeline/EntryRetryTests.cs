using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Pipeline;
using NewsAggregator.Tests.Resilience;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// An entry whose page fails has a retry state of its own: the feed's validators are kept all the
/// same, so an unchanged feed is a 304, and the entry is asked for on its own backoff until it
/// succeeds or is given up. Passes hours apart run back to back on a clock the test sets.
/// </summary>
public sealed class EntryRetryTests : PassesOverTime
{
    private readonly ConcurrentQueue<string> _feedAnswers = new();

    /// <summary>The feed's version: its ETag, and what it lists.</summary>
    private int FeedVersion { get; set; } = 1;
    private bool FlakyFails { get; set; } = true;
    private bool BusyFails { get; set; } = true;
    /// <summary>The feed's items, in order (version 2 adds one).</summary>
    private string[] Listed { get; set; } = ["/story-1.html", "/dead.html", "/flaky.html"];

    protected override Task HandleAsync(HttpContext context) => (context.Request.Path.Value ?? "") switch
    {
        "/feed.xml" => SendFeedAsync(context),
        "/dead.html" => AnswerAsync(context, StatusCodes.Status404NotFound),
        "/flaky.html" when FlakyFails => AnswerAsync(context, StatusCodes.Status503ServiceUnavailable),
        "/busy.html" when BusyFails => AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, retryAfter: "10800"),
        // robots.txt too: none, so everything is allowed.
        var path when !path.EndsWith(".html", StringComparison.Ordinal) => AnswerAsync(context, StatusCodes.Status404NotFound),
        var path => SendArticleAsync(context, path),
    };

    private static Task SendArticleAsync(HttpContext context, string path)
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(FaultWeb.Article($"Story {path}", path.Length * 13 + path[^6]));
    }

    private async Task SendFeedAsync(HttpContext context)
    {
        var etag = $"\"feed-{FeedVersion}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            _feedAnswers.Enqueue("304");
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        _feedAnswers.Enqueue(context.Request.Headers.IfNoneMatch.Count == 0 ? "200" : "200 after a conditional request");
        context.Response.ContentType = "application/rss+xml";
        var items = string.Concat(Listed.Concat(FeedVersion > 1 ? ["/story-2.html"] : [])
            .Select(link => $"<item><title>{link}</title><link>{Server.Url(link)}</link></item>"));
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>{Server.BaseUrl}</link>{items}</channel></rss>");
    }

    /// <param name="oneAtATime">Entries one after the other, in the feed's order.</param>
    private Task<SourcePassResult> PassAtAsync(TimeSpan sinceStart, bool oneAtATime = false) =>
        base.PassAtAsync(sinceStart, o => o.MaxConcurrentPerHost = oneAtATime ? 1 : o.MaxConcurrentPerHost);

    private int Requests(string path) => Server.RequestsTo(path);

    [Fact]
    public async Task A_dead_link_is_asked_for_on_its_own_backoff_under_a_304_feed_and_given_up_after_its_limit()
    {
        FlakyFails = false;
        var first = await PassAtAsync(TimeSpan.Zero);
        var afterFirst = RetryState("/dead.html")!;
        // Before its hour is up: the feed is asked for conditionally, and the dead link not at all.
        var beforeDue = await PassAtAsync(TimeSpan.FromMinutes(30));
        var deadBeforeDue = Requests("/dead.html");
        var due = await PassAtAsync(TimeSpan.FromHours(1));
        var deadWhenDue = Requests("/dead.html");
        var third = await PassAtAsync(TimeSpan.FromHours(3));
        var fourth = await PassAtAsync(TimeSpan.FromHours(7));
        var givenUp = RetryState("/dead.html")!;
        var givenUpProblems = LastEntryProblems();
        // A changed feed that still lists it, a week later: it stays given up.
        FeedVersion = 2;
        var weekLater = await PassAtAsync(TimeSpan.FromDays(7));

        Assert.Equal((2, 1), (first.NewArticles, first.Failed));
        Assert.True(first.Succeeded, first.SummaryLine());
        Assert.Equal((1, Start, Start.AddHours(1), "HTTP 404 Not Found"),
            (afterFirst.Failures, afterFirst.FirstFailedAt, afterFirst.NextAttemptAt, afterFirst.LastError));

        Assert.True(beforeDue.NotModified && beforeDue.Succeeded, beforeDue.SummaryLine());
        Assert.Equal((0, 1), (beforeDue.Failed, deadBeforeDue));

        Assert.True(due.NotModified && due.Succeeded, due.SummaryLine());
        Assert.Equal((1, 2), (due.Failed, deadWhenDue));
        Assert.Equal((1, 1), (third.Failed, fourth.Failed));

        Assert.Equal((4, Start.AddHours(7), (DateTimeOffset?)null), (givenUp.Failures, givenUp.GaveUpAt!.Value, givenUp.NextAttemptAt));
        Assert.Contains($"{Server.Url("/dead.html")}: given up after 4 failures since 2026-03-04T05:00:00Z; not asked for again",
            givenUpProblems, StringComparison.Ordinal);

        Assert.Equal((1, 0), (weekLater.NewArticles, weekLater.Failed));
        Assert.Equal(4, Requests("/dead.html"));
        Assert.Equal(["200", "304", "304", "304", "304", "200 after a conditional request"], _feedAnswers);
        // The source worked all along: its entries' failures are not the source's.
        Assert.Equal(0L, Files.Scalar("SELECT count(*) FROM runs WHERE error IS NOT NULL"));
        Assert.Equal(0L, Files.Scalar("SELECT consecutive_failures FROM source_state"));
        Assert.Equal(new long[] { 1, 0, 1, 1, 1, 0 }, FailedPerRun());
    }

    [Fact]
    public async Task An_entry_that_fails_and_later_succeeds_is_stored_and_its_retry_state_cleared()
    {
        var first = await PassAtAsync(TimeSpan.Zero);
        var afterFailure = RetryState("/flaky.html")!;
        FlakyFails = false;
        var retried = await PassAtAsync(TimeSpan.FromHours(1));

        Assert.Equal((1, 2), (first.NewArticles, first.Failed));
        Assert.Equal((1, "HTTP 503 Service Unavailable"), (afterFailure.Failures, afterFailure.LastError));
        Assert.True(retried.NotModified, retried.SummaryLine());
        Assert.Equal((1, 1), (retried.NewArticles, retried.Failed));
        Assert.Null(RetryState("/flaky.html"));
        Assert.Equal(2, Requests("/flaky.html"));
        Assert.Equal(1L, Files.Scalar($"SELECT count(*) FROM articles WHERE url = '{Server.Url("/flaky.html")}'"));
        Assert.Equal(1L, Files.Scalar("SELECT count(*) FROM entry_retries"));
    }

    [Fact]
    public async Task A_longer_retry_after_is_waited_out_and_the_entries_it_kept_from_being_asked_are_not_counted()
    {
        // The 503 asks the whole host to wait 3 h: the story after it is not asked for in this pass.
        Listed = ["/busy.html", "/story-1.html"];
        var first = await PassAtAsync(TimeSpan.Zero, oneAtATime: true);
        var busy = RetryState("/busy.html")!;
        var kept = RetryState("/story-1.html")!;
        var early = await PassAtAsync(TimeSpan.FromHours(1), oneAtATime: true);
        var requestsBeforeDue = (Requests("/busy.html"), Requests("/story-1.html"));
        BusyFails = false;
        var due = await PassAtAsync(TimeSpan.FromHours(3), oneAtATime: true);

        Assert.Equal((0, 2), (first.NewArticles, first.Failed));
        Assert.Equal((1, Start.AddHours(3), "HTTP 503 Service Unavailable, retry after 3 h"), (busy.Failures, busy.NextAttemptAt, busy.LastError));
        Assert.Equal((0, Start.AddHours(3)), (kept.Failures, kept.NextAttemptAt));
        Assert.Equal((0, 0), (early.NewArticles, early.Failed));
        Assert.Equal((1, 0), requestsBeforeDue);
        Assert.Equal((2, 0), (due.NewArticles, due.Failed));
        Assert.Equal((2, 1), (Requests("/busy.html"), Requests("/story-1.html")));
        Assert.Equal(0L, Files.Scalar("SELECT count(*) FROM entry_retries"));
    }

    private long[] FailedPerRun()
    {
        using var connection = Files.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT failed FROM runs ORDER BY id";
        using var reader = command.ExecuteReader();
        var failed = new List<long>();
        while (reader.Read())
        {
            failed.Add(reader.GetInt64(0));
        }
        return [.. failed];
    }
}
