using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsAggregator.Benchmarks.Load;

/// <summary>What the server answered since the counters were last taken.</summary>
public readonly record struct RequestCounts(long Total, long NotModified, long Feeds, long Robots, long Pages, long NotFound);

/// <summary>
/// Serves a <see cref="FixtureWeb"/> with Kestrel in this process: one listening socket per
/// publisher address, all on one port, the publisher known by the address a connection came in
/// on. Every document is rendered before the first request; ETag and Last-Modified answer
/// conditional GETs with 304. Only loopback addresses are ever bound.
/// </summary>
public sealed class FixtureServer : IAsyncDisposable
{
    /// <summary>
    /// A response as served: <see cref="Body"/>, or for a page with a state script, <see cref="Body"/>
    /// then the web's one copy of the script (<see cref="_state"/>) then <see cref="After"/>.
    /// </summary>
    private sealed record Document(byte[] Body, string ContentType, string ETag, DateTimeOffset LastModified, byte[]? After = null)
    {
        public long Length(byte[] state) => After is null ? Body.Length : Body.Length + state.Length + After.Length;
    }

    private readonly WebApplication _app;
    private readonly Dictionary<IPAddress, int> _publisherByAddress;
    private readonly Document[] _feeds;
    private readonly Document[][] _pages;
    private readonly Document _robots;
    private readonly TimeSpan _latency;
    private readonly FixtureWeb _web;
    private readonly byte[] _state;
    private readonly ConcurrentDictionary<(int Publisher, int Released), Document> _partialFeeds = new();
    private int _released = int.MaxValue;
    private long _total, _notModified, _feedCount, _robotsCount, _pageCount, _notFound;

    private FixtureServer(WebApplication app, FixtureWeb web, int port, TimeSpan latency)
    {
        _app = app;
        _web = web;
        Port = port;
        _latency = latency;
        _publisherByAddress = web.Publishers.ToDictionary(p => p.Address, p => p.Index);
        _feeds = web.Publishers.Select(p => Make(web.Feed(p, port), "application/rss+xml; charset=utf-8", web.ArticlesOf(p).Max(a => a.Published))).ToArray();
        _state = Encoding.UTF8.GetBytes(web.StateScript);
        _pages = web.Publishers.Select(p => web.ArticlesOf(p).Select(a => MakePage(web.MarkedPage(a, port), a.Published)).ToArray()).ToArray();
        _robots = Make(FixtureWeb.RobotsTxt, "text/plain; charset=utf-8", FixtureWeb.Epoch);
        app.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>
    /// How many of each publisher's articles its feed lists, oldest first (all by default): raised
    /// while a service runs, so that its passes find new articles as a publisher's would.
    /// </summary>
    public int ReleasedPerPublisher
    {
        get => Volatile.Read(ref _released);
        set => Volatile.Write(ref _released, Math.Max(1, value));
    }

    /// <summary>How long binding every address took.</summary>
    public TimeSpan BindTime { get; private set; }

    /// <summary>Bytes of every page and feed, as served.</summary>
    public long ServedBytes => _feeds.Sum(f => (long)f.Body.Length) + _pages.Sum(p => p.Sum(d => d.Length(_state)));

    public static async Task<FixtureServer> StartAsync(FixtureWeb web, TimeSpan latency)
    {
        // One port for every address: ask the kernel for a free one on the first address, then
        // bind it on all. Another program could hold it on some address; then try another port.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort(web.Publishers[0].Address);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Limits.MaxConcurrentConnections = null;
                foreach (var publisher in web.Publishers)
                {
                    kestrel.Listen(publisher.Address, port);
                }
            });
            var server = new FixtureServer(builder.Build(), web, port, latency);
            var watch = Stopwatch.StartNew();
            try
            {
                await server._app.StartAsync();
                server.BindTime = watch.Elapsed;
                return server;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException && attempt < 3)
            {
                await server.DisposeAsync();
            }
        }
    }

    public RequestCounts Counts => new(Interlocked.Read(ref _total), Interlocked.Read(ref _notModified), Interlocked.Read(ref _feedCount),
        Interlocked.Read(ref _robotsCount), Interlocked.Read(ref _pageCount), Interlocked.Read(ref _notFound));

    public static RequestCounts Difference(RequestCounts after, RequestCounts before) => new(
        after.Total - before.Total, after.NotModified - before.NotModified, after.Feeds - before.Feeds,
        after.Robots - before.Robots, after.Pages - before.Pages, after.NotFound - before.NotFound);

    private async Task ServeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _total);
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency, context.RequestAborted);
        }
        var document = Find(context);
        if (document is null)
        {
            Interlocked.Increment(ref _notFound);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var headers = context.Response.Headers;
        headers.ETag = document.ETag;
        headers.LastModified = document.LastModified.ToString("r", CultureInfo.InvariantCulture);
        headers.CacheControl = "max-age=0";
        if (IsUnchanged(context.Request, document))
        {
            Interlocked.Increment(ref _notModified);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = document.ContentType;
        context.Response.ContentLength = document.Length(_state);
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(document.Body, context.RequestAborted);
            if (document.After is { } after)
            {
                await context.Response.Body.WriteAsync(_state, context.RequestAborted);
                await context.Response.Body.WriteAsync(after, context.RequestAborted);
            }
        }
    }

    private Document? Find(HttpContext context)
    {
        if (context.Connection.LocalIpAddress is not { } local || !_publisherByAddress.TryGetValue(local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local, out var publisher))
        {
            return null;
        }
        var path = context.Request.Path.Value ?? "";
        switch (path)
        {
            case "/robots.txt":
                Interlocked.Increment(ref _robotsCount);
                return _robots;
            case "/feed.xml":
                Interlocked.Increment(ref _feedCount);
                var released = ReleasedPerPublisher;
                return released >= _web.ArticlesPerPublisher ? _feeds[publisher] : PartialFeed(publisher, released);
        }
        // /news/{slot}-{slug}.html
        if (path.StartsWith("/news/", StringComparison.Ordinal) && path.IndexOf('-', StringComparison.Ordinal) is var dash and > 6
            && int.TryParse(path.AsSpan(6, dash - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var slot) && slot < _pages[publisher].Length)
        {
            Interlocked.Increment(ref _pageCount);
            return _pages[publisher][slot];
        }
        return null;
    }

    private Document PartialFeed(int publisher, int released) =>
        _partialFeeds.GetOrAdd((publisher, released), key =>
        {
            var owner = _web.Publishers[key.Publisher];
            return Make(_web.Feed(owner, Port, key.Released), "application/rss+xml; charset=utf-8", _web.Released(owner, key.Released).Max(a => a.Published));
        });

    private static bool IsUnchanged(HttpRequest request, Document document)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0)
        {
            return ifNoneMatch == "*" || ifNoneMatch.Split(',').Any(tag => tag.Trim() == document.ETag);
        }
        return DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && document.LastModified <= since.AddSeconds(1);
    }

    /// <summary>A page, split where its state script goes when it has one (the script is the same on every page).</summary>
    private static Document MakePage(string markedHtml, DateTimeOffset lastModified)
    {
        const string contentType = "text/html; charset=utf-8";
        var marker = markedHtml.IndexOf(FixtureWeb.StateMarker, StringComparison.Ordinal);
        if (marker < 0)
        {
            return Make(markedHtml, contentType, lastModified);
        }
        var before = Encoding.UTF8.GetBytes(markedHtml[..marker]);
        var after = Encoding.UTF8.GetBytes(markedHtml[(marker + FixtureWeb.StateMarker.Length)..]);
        return new Document(before, contentType, Tag([.. before, .. after]), lastModified, after);
    }

    private static Document Make(string text, string contentType, DateTimeOffset lastModified)
    {
        var body = Encoding.UTF8.GetBytes(text);
        return new Document(body, contentType, Tag(body), lastModified);
    }

    /// <summary>The entity tag of a response: the hash of its bytes (the state script, the same on every page, left out).</summary>
    private static string Tag(byte[] body) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{System.IO.Hashing.XxHash64.HashToUInt64(body):x16}\"");

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
