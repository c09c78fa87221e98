using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, dynamic port) serving the fixture web, so the
/// worker is tested through its own HTTP stack rather than a mocked handler. Several news
/// sites live side by side as path prefixes of this one host (/wire-times/, /daily-planet/, ...).
/// Every request is counted by path, which lets a test prove what a run did not fetch.
/// </summary>
public sealed class FixtureWeb : IAsyncDisposable
{
    private readonly LoopbackServer server;
    private readonly FixtureFiles files;
    private readonly ConcurrentDictionary<string, int> requestCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ProgrammedResponse> programmed = new(StringComparer.Ordinal);

    private FixtureWeb(LoopbackServer server, FixtureFiles files)
    {
        this.server = server;
        this.files = files;
    }

    /// <summary>The server's root, always ending with a slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl => server.BaseUrl;

    /// <summary>Starts serving <paramref name="fixtureRoot"/> (default: the copied Fixtures/Web folder).</summary>
    public static async Task<FixtureWeb> StartAsync(string? fixtureRoot = null)
    {
        var root = Path.GetFullPath(fixtureRoot ?? FixturePaths.Web);
        // The handler needs the instance, which needs the bound address, known only after start.
        FixtureWeb? web = null;
        var server = await LoopbackServer.StartAsync(context => web!.HandleAsync(context));
        web = new FixtureWeb(server, new FixtureFiles(root, server.BaseUrl));
        return web;
    }

    /// <summary>The absolute URL of <paramref name="path"/> on this server ("/wire-times/feed.rss").</summary>
    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    /// <summary>How many requests reached <paramref name="path"/> (a path or an absolute URL; the query is ignored).</summary>
    public int RequestsTo(string path)
    {
        var key = Uri.TryCreate(path, UriKind.Absolute, out var url) ? url.AbsolutePath : path.Split('?')[0];
        return requestCounts.GetValueOrDefault(key);
    }

    /// <summary>All requests so far, by path.</summary>
    public IReadOnlyDictionary<string, int> RequestCounts() => new Dictionary<string, int>(requestCounts);

    public int TotalRequests => requestCounts.Values.Sum();

    /// <summary>From now on <paramref name="path"/> answers with <paramref name="response"/> instead of its file.</summary>
    public void Program(string path, ProgrammedResponse response) => programmed[path] = response;

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value is { Length: > 0 } value ? value : "/";
        requestCounts.AddOrUpdate(path, 1, (_, count) => count + 1);

        if (programmed.TryGetValue(path, out var response))
        {
            await response.WriteAsync(context);
            return;
        }

        var document = files.Find(path);
        if (document is null)
        {
            await ProgrammedResponse.NotFound.WriteAsync(context);
            return;
        }

        // A validator like a real server's, so a worker doing conditional GETs gets its 304s.
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(document.Body))[..16] + "\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = document.ContentType;
        context.Response.ContentLength = document.Body.Length;
        await context.Response.Body.WriteAsync(document.Body);
    }
}
