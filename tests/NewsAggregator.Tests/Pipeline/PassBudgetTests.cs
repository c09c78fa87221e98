using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// Time budgets: an entry has a deadline, a pass has one, and a host that times out twice is not
/// asked again in the same pass, so dead links cost seconds and never hold other sources up.
/// </summary>
public sealed class PassBudgetTests : IAsyncLifetime
{
    private const int Links = 50;
    private const int Answered = 3;
    private static readonly string Story = File.ReadAllText(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html"));

    private readonly TempWorkspace _workspace = new();
    private LoopbackServer _dead = null!;
    private LoopbackServer _slow = null!;
    private LoopbackServer _good = null!;
    private int _deadPageRequests;

    public async Task InitializeAsync()
    {
        // Its feed answers; its pages never do.
        _dead = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/feed.xml")
            {
                await SendFeedAsync(context, "/never/");
                return;
            }
            if (context.Request.Path.StartsWithSegments("/never"))
            {
                Interlocked.Increment(ref _deadPageRequests);
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        // The first few pages answer; the others hang until the pass gives up on them.
        _slow = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/feed.xml")
            {
                await SendFeedAsync(context, "/story/");
                return;
            }
            if (context.Request.Path.StartsWithSegments("/story"))
            {
                if (int.Parse(context.Request.Path.Value!["/story/".Length..], System.Globalization.CultureInfo.InvariantCulture) > Answered)
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                }
                context.Response.ContentType = "text/html; charset=utf-8";
                // The sentence that makes each story its own goes inside the page's <article>: text after the document is no part of it.
                await context.Response.WriteAsync(Story.Replace("Harbour market", "Harbour market " + context.Request.Path, StringComparison.Ordinal)
                    .Replace("</article>", $"<p>{context.Request.Path} is a story of its own, told here at some length so that it counts.</p></article>", StringComparison.Ordinal), context.RequestAborted);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        _good = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Story);
        });
    }

    public async Task DisposeAsync()
    {
        await _dead.DisposeAsync();
        await _slow.DisposeAsync();
        await _good.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Links_that_never_answer_cost_two_entry_deadlines_and_the_other_sources_are_stored()
    {
        WriteSources(("dead", "rss", _dead.Url("/feed.xml")), ("good", "page", _good.Url("/2024/05/harbour-market.html")));

        // Three seconds, not one: the good page's entry (fetched, extracted and stored while the
        // process is still compiling all of that for the first time) must fit in it on a busy machine.
        var run = await CommandRun.OnceAsync(_workspace,
            "--EntryDeadlineSeconds=3", "--Fetch:MaxRetries=0", "--Fetch:MinDelayPerHostMilliseconds=0");

        var dead = run.SummaryOf("dead");
        Assert.Equal(Links, dead.Count("failed"));
        Assert.Equal(1, run.SummaryOf("good").Count("new"));
        // Two entries in flight meet the deadline; after them the host is not asked again this pass.
        Assert.InRange(_deadPageRequests, 2, 3);
        var problems = EntryProblems("dead");
        Assert.Contains("took longer than the entry deadline (3 s)", problems, StringComparison.Ordinal);
        Assert.Contains("not asked: " + _dead.BaseUrl.GetLeftPart(UriPartial.Authority) + " failed 2 times in this pass", problems, StringComparison.Ordinal);
        // Each entry that was asked for and timed out counts one failure against it; those its host's
        // breaker kept from being asked count none, and are simply due again at the next pass.
        Assert.Equal((long)_deadPageRequests, Scalar("SELECT count(*) FROM entry_retries WHERE failures = 1"));
        Assert.Equal((long)(Links - _deadPageRequests), Scalar("SELECT count(*) FROM entry_retries WHERE failures = 0"));
    }

    [Fact]
    public async Task Entries_not_reached_by_the_pass_deadline_count_as_failed_and_say_why()
    {
        WriteSources(("slow", "rss", _slow.Url("/feed.xml")));

        // Deadlines long enough for the pages that answer, on a slow machine too.
        var run = await CommandRun.OnceAsync(_workspace, "--PassDeadlineSeconds=5", "--Fetch:MinDelayPerHostMilliseconds=0");

        var slow = run.SummaryOf("slow");
        Assert.True(slow.Succeeded, slow.Line);
        Assert.True(slow.Count("new") == Answered, slow.Line + "\n" + EntryProblems("slow"));
        Assert.Equal(Links - Answered, slow.Count("failed"));
        var problems = EntryProblems("slow");
        Assert.Contains("stopped: the pass ran past its deadline (5 s)", problems, StringComparison.Ordinal);
        Assert.Contains("not reached: the pass ran past its deadline (5 s)", problems, StringComparison.Ordinal);
        // The pass's deadline is no entry's fault: every entry left is kept for the next pass, none counted against.
        Assert.Equal((long)(Links - Answered), Scalar("SELECT count(*) FROM entry_retries"));
        Assert.Equal(0L, Scalar("SELECT max(failures) FROM entry_retries"));
    }

    private void WriteSources(params (string Id, string Type, Uri Url)[] sources) =>
        _workspace.WriteFile("sources.json", "{ \"sources\": [ " + string.Join(", ", sources.Select(s =>
            $$"""{ "id": "{{s.Id}}", "name": "{{s.Id}}", "type": "{{s.Type}}", "url": "{{s.Url}}", "ignoreRobots": true, "maxArticles": {{Links}} }""")) + " ] }");

    private string EntryProblems(string sourceId) =>
        Scalar("SELECT entry_problems FROM runs WHERE source_id = $source", sourceId) as string ?? "";

    private object? Scalar(string sql, string? sourceId = null)
    {
        using var connection = new SqliteConnection($"Data Source={_workspace.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$source", sourceId ?? (object)DBNull.Value);
        return command.ExecuteScalar();
    }

    private static Task SendFeedAsync(HttpContext context, string pathPrefix)
    {
        var items = new StringBuilder();
        for (var i = 1; i <= Links; i++)
        {
            items.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"<item><title>Story {i}</title><link>http://{context.Request.Host}{pathPrefix}{i}</link><guid>{i}</guid></item>");
        }
        context.Response.ContentType = "application/rss+xml";
        return context.Response.WriteAsync($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>http://{context.Request.Host}/</link>{items}</channel></rss>");
    }
}
