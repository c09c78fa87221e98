using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Resilience;

/// <summary>
/// A small news site on loopback whose feed lists <see cref="Stories"/> stories, read one after
/// the other by a worker (run with <c>Fetch:MaxConcurrentPerHost=1</c>, so one entry at a time). Before it serves story <see cref="BreakingStory"/> it runs the test's
/// action (remove the database, fill the disk, lock the file): the worker has then stored exactly
/// the stories before it, and meets the trouble when it stores that one. No timing is involved.
/// </summary>
public sealed class BreakingSite : IAsyncDisposable
{
    public const int Stories = 5;
    public const int BreakingStory = 3;

    /// <summary>Stories stored before the trouble starts.</summary>
    public const int StoredBeforeTrouble = BreakingStory - 1;

    private readonly LoopbackServer _server;
    private readonly Action _beforeBreakingStory;
    private readonly int _breakingStoryParagraphs;

    private BreakingSite(LoopbackServer server, Action beforeBreakingStory, int breakingStoryParagraphs)
    {
        _server = server;
        _beforeBreakingStory = beforeBreakingStory;
        _breakingStoryParagraphs = breakingStoryParagraphs;
    }

    public Uri FeedUrl => _server.Url("/feed.xml");

    /// <param name="beforeBreakingStory">Runs once, on the server's thread, before the breaking story's page is sent.</param>
    /// <param name="breakingStoryParagraphs">The breaking story's length (the others have 8 paragraphs of about 200 characters).</param>
    public static async Task<BreakingSite> StartAsync(Action beforeBreakingStory, int breakingStoryParagraphs = 8)
    {
        BreakingSite? site = null;
        var server = await LoopbackServer.StartAsync(context => site!.HandleAsync(context));
        site = new BreakingSite(server, beforeBreakingStory, breakingStoryParagraphs);
        return site;
    }

    public SourceEntry Source(string id) => new(id, "The Breaking Gazette", "rss", FeedUrl.ToString());

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private int _brokeOnce;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/feed.xml")
        {
            await Send(context, "application/rss+xml", Feed());
            return;
        }
        if (path.StartsWith("/story-", StringComparison.Ordinal)
            && int.TryParse(path["/story-".Length..^".html".Length], out var story) && story is >= 1 and <= Stories)
        {
            if (story == BreakingStory && Interlocked.Exchange(ref _brokeOnce, 1) == 0)
            {
                _beforeBreakingStory();
            }
            await Send(context, "text/html; charset=utf-8", Page(story, story == BreakingStory ? _breakingStoryParagraphs : 8));
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private static Task Send(HttpContext context, string contentType, string body)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, Encoding.UTF8);
    }

    private string Feed()
    {
        var items = string.Concat(Enumerable.Range(1, Stories).Select(story => $"""
            <item><title>Gazette story {story}</title><link>{_server.Url($"/story-{story}.html")}</link>
            <pubDate>Wed, 04 Mar 2026 0{story}:00:00 GMT</pubDate></item>
            """));
        return $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>The Breaking Gazette</title><link>{_server.BaseUrl}</link>{items}</channel></rss>""";
    }

    // Each paragraph names its story and number, so no two stories are near-duplicates of each other.
    private static string Page(int story, int paragraphs)
    {
        var body = string.Concat(Enumerable.Range(1, paragraphs).Select(paragraph =>
            $"<p>Gazette story {story}, paragraph {paragraph}: the ferry company counted {story * 1000 + paragraph} passengers " +
            $"on route {WebUtility.HtmlEncode((story * 31 + paragraph * 7).ToString(System.Globalization.CultureInfo.InvariantCulture))} " +
            $"and said the timetable for week {paragraph % 52 + 1} would change after the harbour works of story {story}.</p>"));
        return $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Gazette story {story}</title></head>
            <body><article><h1>Gazette story {story}</h1>{body}</article></body></html>
            """;
    }
}
