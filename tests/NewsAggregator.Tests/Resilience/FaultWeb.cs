using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using NewsAggregator.Fetching;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Resilience;

/// <summary>
/// A hostile web on 127.0.0.1: one endpoint per fault (<c>/fault/...</c>), a well-behaved news site
/// beside them (<c>/good/...</c>), and a "public" site (<c>/public/...</c>). Tests may reach it under
/// names that <see cref="Resolver"/> maps to the loopback address: <see cref="PublicHost"/>,
/// <see cref="RebindingHost"/> and any <c>*.test</c> name, so that each fault can have a host of
/// its own (politeness and Retry-After are per host). Every request is counted by path, and the bytes each endless or
/// huge endpoint managed to send are kept, so tests can prove what the worker did not read.
/// </summary>
public sealed class FaultWeb : IAsyncDisposable
{
    public const string PublicHost = "news.example";
    public const string RebindingHost = "rebind.example";
    public const long HugeBodyBytes = 100L * 1024 * 1024;
    public const long BombInflatedBytes = 64L * 1024 * 1024 * 1024;

    /// <summary>What the whole bomb weighs on the wire: 4096 members of about 16 KB.</summary>
    public static long BombWireBytes => BombMember.Length * (BombInflatedBytes / (16 * 1024 * 1024));

    private static readonly byte[] BombMember = GzipOfZeros(16 * 1024 * 1024);

    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _bytesSent = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackServer _server = null!;

    private FaultWeb(string secretFile) => SecretFile = secretFile;

    /// <summary>A local file the XXE feed points an external entity at.</summary>
    public string SecretFile { get; }

    public const string Secret = "TOP-SECRET-7d1c0e";

    public Uri BaseUrl => _server.BaseUrl;

    public int Port => _server.BaseUrl.Port;

    public Uri Url(string path) => _server.Url(path);

    /// <summary>The URL of <paramref name="path"/> under <paramref name="host"/> (a name the resolver knows).</summary>
    public Uri Url(string host, string path) => new($"http://{host}:{Port}/{path.TrimStart('/')}");

    /// <summary>Resolves <see cref="PublicHost"/> and <see cref="RebindingHost"/> to 127.0.0.1 and nothing else.</summary>
    public IHostResolver Resolver { get; } = new LoopbackNames(PublicHost, RebindingHost);

    /// <summary><paramref name="path"/> on a host of its own, <c>NAME.test</c>.</summary>
    public Uri OwnHostUrl(string name, string path) => Url($"{name}.test", path);

    public int RequestsTo(string path) => _requests.GetValueOrDefault(path);

    public int RequestsUnder(string prefix) => _requests.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => r.Value);

    public long BytesSentBy(string path) => _bytesSent.GetValueOrDefault(path);

    public static async Task<FaultWeb> StartAsync(string secretFile)
    {
        var web = new FaultWeb(secretFile);
        web._server = await LoopbackServer.StartAsync(web.HandleAsync);
        return web;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        await _server.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var token = aborted.Token;
        try
        {
            await (path switch
            {
                "/robots.txt" => Text(context, "text/plain", "User-agent: *\nDisallow: /good/private/\n\nUser-agent: SomeOtherBot\nDisallow: /\n"),
                "/good/feed.xml" => Text(context, "application/rss+xml", GoodFeed()),
                "/good/private/members-only.html" => Text(context, "text/html", Article("Members only", 9)),
                "/public/feed.xml" => Text(context, "application/rss+xml", PublicFeed()),
                "/fault/500" => Status(context, 500),
                "/fault/503" => Status(context, 503, retryAfter: "7200"),
                "/fault/429" => Status(context, 429, retryAfter: DateTimeOffset.UtcNow.AddHours(3).ToString("r")),
                "/fault/hang" => Task.Delay(Timeout.Infinite, token),
                "/fault/trickle" => TrickleAsync(context, token),
                "/fault/reset" => ResetAsync(context),
                "/fault/truncated.xml" => TruncatedAsync(context),
                "/fault/huge" => HugeAsync(context, path, token),
                "/fault/bomb" => BombAsync(context, path, token),
                "/fault/loop-a" => Redirect(context, "/fault/loop-b"),
                "/fault/loop-b" => Redirect(context, "/fault/loop-c"),
                "/fault/loop-c" => Redirect(context, "/fault/loop-a"),
                "/fault/report.pdf" => Bytes(context, "application/pdf", Pdf),
                "/fault/report.html" => Bytes(context, "text/html; charset=utf-8", Pdf),
                "/fault/photo.html" => Bytes(context, "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F']),
                "/fault/xxe.xml" => Text(context, "application/rss+xml", XxeFeed()),
                "/fault/malformed.xml" => Text(context, "application/rss+xml", "<rss version=\"2.0\"><channel><title>Broken</title><item><title>A</title></chan"),
                "/fault/deep.xml" => Text(context, "application/rss+xml", DeepFeed()),
                "/fault/wrong-charset.html" => WrongCharsetAsync(context),
                "/fault/lying-charset.xml" => LyingCharsetFeedAsync(context),
                "/fault/bogus-charset.html" => Bytes(context, "text/html; charset=x-no-such-charset", Encoding.UTF8.GetBytes(Article("Bogus charset harbour report", 13))),
                _ when path.StartsWith("/slow/", StringComparison.Ordinal) => SlowSiteAsync(context, path, token),
                _ when path.StartsWith("/good/", StringComparison.Ordinal) || path.StartsWith("/public/", StringComparison.Ordinal) =>
                    Text(context, "text/html", Article(Path.GetFileNameWithoutExtension(path).Replace('-', ' '), path.Length)),
                _ => Status(context, 404),
            });
        }
        catch (OperationCanceledException)
        {
            // The worker gave up on this response, or the server is stopping.
        }
    }

    private string GoodFeed() => Feed("Good news",
        ("Harbour ferry timetable changes", Url("/good/ferry-timetable.html"), null),
        ("Library opens on Sundays", Url("/good/library-sundays.html"), null),
        ("Members-only story", Url("/good/private/members-only.html"),
            "<p>This story lives behind a path robots.txt disallows, so the feed's own text is all the worker may keep. "
            + "It is long enough to be worth storing: the harbour committee met on Tuesday evening to discuss the new moorings.</p>"));

    // A feed on a public-looking host whose entries point at the loopback address, directly and
    // through a name that resolves there, next to one entry on the feed's own host.
    private string PublicFeed() => Feed("Public news",
        ("Same-host story", Url(PublicHost, "/public/same-host-story.html"), null),
        ("Loopback link", Url("/public/loopback-secret.html"), null),
        ("Rebinding link", Url(RebindingHost, "/public/rebound-secret.html"), null));

    private string XxeFeed() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE rss [
          <!ENTITY secret SYSTEM "{new Uri(SecretFile).AbsoluteUri}">
          <!ENTITY probe SYSTEM "{Url("/fault/xxe-probe")}">
          <!ENTITY % remote SYSTEM "{Url("/fault/xxe-probe.dtd")}">
          %remote;
        ]>
        <rss version="2.0"><channel><title>XXE</title><link>{Url("/good/")}</link>
          <item><title>Entity story</title><link>{Url("/good/entity-story.html")}</link>
            <description>Before &secret; between &probe; after</description></item>
        </channel></rss>
        """;

    // Elements nested 100 000 deep in one description: 700 KB, under the run's 1 MB body cap.
    private static string DeepFeed() =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item><title>Deep story</title><description>"
        + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000))
        + "</description></item></channel></rss>";

    private static string Feed(string title, params (string Title, Uri Link, string? Content)[] items)
    {
        var entries = string.Concat(items.Select(item => $"""
            <item><title>{item.Title}</title><link>{WebUtility.HtmlEncode(item.Link.ToString())}</link><guid>{WebUtility.HtmlEncode(item.Link.ToString())}</guid>
            {(item.Content is null ? "" : $"<description>{WebUtility.HtmlEncode(item.Content)}</description>")}</item>
            """));
        return $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title><link>http://example.org/</link>{entries}</channel></rss>""";
    }

    /// <summary>An article page with enough prose for the extractor, distinct per <paramref name="seed"/>.</summary>
    public static string Article(string headline, int seed)
    {
        var paragraphs = Enumerable.Range(0, 6).Select(i =>
            $"<p>{headline} — paragraph {i + 1} of the report (story {seed}). The council said the work would continue through the autumn, "
            + $"with residents invited to comment at the town hall on Thursday evenings; officials expect the figures for item {seed * 7 + i} "
            + "to be published next month after the auditors have reviewed them.</p>");
        return $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{headline}</title></head>
            <body><nav><a href="/">Home</a></nav><article><h1>{headline}</h1>{string.Concat(paragraphs)}</article>
            <footer>Copyright the Fault Web</footer></body></html>
            """;
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>Stories per feed of the slow sites.</summary>
    public const int SlowStories = 12;

    /// <summary>The feed of the slow site <paramref name="site"/>: <see cref="SlowStories"/> stories, each page served after a pause.</summary>
    public Uri SlowFeed(string site) => Url($"/slow/{site}/feed.xml");

    // A site slow enough that a worker can be caught in the middle of a run. Its feed has an ETag
    // and honours If-None-Match, so a worker that kept validators too early would miss stories.
    private async Task SlowSiteAsync(HttpContext context, string path, CancellationToken token)
    {
        var site = path.Split('/')[2];
        if (path.EndsWith("/feed.xml", StringComparison.Ordinal))
        {
            const string etag = "\"slow-feed-1\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Contains(etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            await Text(context, "application/rss+xml", Feed($"Slow {site}", Enumerable.Range(1, SlowStories)
                .Select(i => ($"Slow {site} story {i}", Url($"/slow/{site}/story-{i}.html"), (string?)null)).ToArray()));
            return;
        }
        await Task.Delay(100, token);
        await Text(context, "text/html", Article($"Slow {site} {Path.GetFileNameWithoutExtension(path)}", path.Length * 31 + site[0]));
    }

    private static Task Text(HttpContext context, string contentType, string text) =>
        Bytes(context, contentType + "; charset=utf-8", Encoding.UTF8.GetBytes(text));

    private static async Task Bytes(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private static Task Status(HttpContext context, int status, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        return context.Response.WriteAsync($"status {status}");
    }

    private static Task Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static async Task TrickleAsync(HttpContext context, CancellationToken token)
    {
        context.Response.ContentType = "text/html";
        await context.Response.StartAsync(token);
        while (true)
        {
            await context.Response.Body.WriteAsync("<"u8.ToArray(), token);
            await context.Response.Body.FlushAsync(token);
            await Task.Delay(50, token);
        }
    }

    private static async Task ResetAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html";
        context.Response.ContentLength = 100_000;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>The first part of the story"));
        await context.Response.Body.FlushAsync();
        // Let the headers and the first bytes reach the worker, then reset the connection mid-body.
        await Task.Delay(200);
        context.Features.Get<IConnectionLifetimeFeature>()!.Abort();
    }

    private static async Task TruncatedAsync(HttpContext context)
    {
        // Promises 20 000 bytes, sends a few hundred, ends the connection cleanly.
        context.Response.ContentType = "application/rss+xml";
        context.Response.ContentLength = 20_000;
        var start = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut short</title><item><title>Half");
        await context.Response.Body.WriteAsync(start);
        await context.Response.Body.FlushAsync();
        await Task.Delay(200);
        context.Abort();
    }

    private async Task HugeAsync(HttpContext context, string path, CancellationToken token)
    {
        // No Content-Length: the cap must hold while reading, not only from the header.
        context.Response.ContentType = "text/html";
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>filler text</p>", 4096)));
        for (long sent = 0; sent < HugeBodyBytes; sent += chunk.Length)
        {
            if (!await SendAsync(context, path, chunk, token))
            {
                return;
            }
        }
    }

    private async Task BombAsync(HttpContext context, string path, CancellationToken token)
    {
        // Concatenated gzip members, each 16 MiB of zeros in about 16 KB: gigabytes once inflated.
        context.Response.ContentType = "text/html";
        context.Response.Headers.ContentEncoding = "gzip";
        for (long inflated = 0; inflated < BombInflatedBytes; inflated += 16 * 1024 * 1024)
        {
            if (!await SendAsync(context, path, BombMember, token))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Writes and waits for the bytes to leave for the socket, counting them; false once the worker
    /// has hung up. Kestrel quietly drops writes to a closed connection and tells of the hang-up a
    /// moment later, so each chunk is followed by a pause in which that news can arrive; otherwise
    /// the loop would count bytes nobody received.
    /// </summary>
    private async Task<bool> SendAsync(HttpContext context, string path, byte[] chunk, CancellationToken token)
    {
        var result = await context.Response.BodyWriter.WriteAsync(chunk, token);
        await Task.Delay(1, token);
        if (result.IsCompleted || result.IsCanceled || token.IsCancellationRequested)
        {
            return false;
        }
        _bytesSent.AddOrUpdate(path, chunk.Length, (_, n) => n + chunk.Length);
        return true;
    }

    private static async Task WrongCharsetAsync(HttpContext context)
    {
        // Says UTF-8, is windows-1252: "café" arrives as the byte 0xE9, which is not UTF-8.
        var html = Article("Café owners on the quay", 21).Replace("<meta charset=\"utf-8\">", "")
            .Replace("The council said", "The café owner, Zoë Brontë, said");
        context.Response.ContentType = "text/html; charset=utf-8";
        var body = CodePages.Windows1252.GetBytes(html);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private async Task LyingCharsetFeedAsync(HttpContext context)
    {
        // Header and XML declaration both say UTF-8; the bytes are windows-1252.
        // Its one entry's page is gone, so what is stored comes from the feed's own (mis-labelled) text.
        var xml = Feed("Café news", ("Crème brûlée wins the fair", Url("/fault/gone.html"),
            "<p>The crème brûlée of the Café du Port won the county fair on Saturday; the judges praised its "
            + "caramel, and the café's owner, Zoë Brontë, said the recipe had not changed in forty years.</p>"));
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        var body = CodePages.Windows1252.GetBytes(xml);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private static byte[] GzipOfZeros(int length)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[length]);
        }
        return buffer.ToArray();
    }

    private static class CodePages
    {
        public static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    }

    private sealed class LoopbackNames(params string[] names) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            names.Contains(host, StringComparer.OrdinalIgnoreCase) || host.EndsWith(".test", StringComparison.OrdinalIgnoreCase)
                ? Task.FromResult(new[] { IPAddress.Loopback })
                // Nothing else may leave the machine: unknown names do not resolve.
                : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
    }
}
