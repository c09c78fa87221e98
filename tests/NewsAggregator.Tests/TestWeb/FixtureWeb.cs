using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, dynamic port) serving the fixture web, so the
/// worker is tested through its own HTTP stack rather than a mocked handler. Several news
/// sites live side by side as path prefixes of this one host (/wire-times/, /daily-planet/, ...).
/// Every request is counted by path, which lets a test prove what a run did not fetch.
/// </summary>
public sealed class FixtureWeb : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FixtureFiles files;
    private readonly ConcurrentDictionary<string, int> requestCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ProgrammedResponse> programmed = new(StringComparer.Ordinal);

    private FixtureWeb(WebApplication app, FixtureFiles files, Uri baseUrl)
    {
        this.app = app;
        this.files = files;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, always ending with a slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts serving <paramref name="fixtureRoot"/> (default: the copied Fixtures/Web folder).</summary>
    public static async Task<FixtureWeb> StartAsync(string? fixtureRoot = null)
    {
        var root = Path.GetFullPath(fixtureRoot ?? FixturePaths.Web);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root });
        builder.Logging.ClearProviders();
        // Port 0: the OS picks a free port, so parallel test classes never collide.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        // The handler needs the instance, which needs the bound address, known only after start.
        FixtureWeb? web = null;
        app.Run(context => web!.HandleAsync(context));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var baseUrl = new Uri(address.TrimEnd('/') + "/");
        web = new FixtureWeb(app, new FixtureFiles(root, baseUrl), baseUrl);
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

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

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
