using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsAggregator.Fetching;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Fetching;

public class ResourceFetcherTests
{
    private const string Page = "<!DOCTYPE html><html><body><p>Hello from the loopback web.</p></body></html>";

    private static IResourceFetcher Fetcher(Action<FetchOptions>? configure = null) => TestFetcher.Create(configure);

    private static async Task WritePage(HttpContext context, string contentType = "text/html; charset=utf-8")
    {
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(Page);
    }

    [Fact]
    public async Task Request_names_the_product_and_accepts_gzip_deflate_and_brotli()
    {
        string? userAgent = null, acceptEncoding = null;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            acceptEncoding = context.Request.Headers.AcceptEncoding;
            return WritePage(context);
        });

        await Fetcher().FetchAsync(server.Url("/story"), CancellationToken.None);

        Assert.StartsWith("NewsAggregator/", userAgent);
        Assert.Contains("gzip", acceptEncoding);
        Assert.Contains("deflate", acceptEncoding);
        Assert.Contains("br", acceptEncoding);
    }

    [Fact]
    public async Task Request_accepts_rss_atom_and_json_feeds_before_html()
    {
        string? accept = null;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            accept = context.Request.Headers.Accept;
            return WritePage(context);
        });

        await Fetcher().FetchAsync(server.Url("/feed"), CancellationToken.None);

        Assert.StartsWith("application/rss+xml, application/atom+xml, application/feed+json, ", accept, StringComparison.Ordinal);
        // HTML still comes before "anything": pages are fetched with the same header.
        Assert.Contains("text/html; q=0.8, */*; q=0.5", accept, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task Compressed_body_arrives_decompressed(string encoding)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = encoding;
            await context.Response.Body.WriteAsync(Compress(Encoding.UTF8.GetBytes(Page), encoding));
        });

        var fetched = await Fetcher().FetchAsync(server.Url("/story"), CancellationToken.None);

        Assert.Equal(Page, Encoding.UTF8.GetString(fetched.Body));
        Assert.Equal("text/html", fetched.MediaType);
        Assert.Equal("utf-8", fetched.Charset);
    }

    [Fact]
    public async Task Redirect_is_followed_and_the_final_url_reported()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.Redirect("/new");
                return Task.CompletedTask;
            }
            return WritePage(context);
        });

        var fetched = await Fetcher().FetchAsync(server.Url("/old"), CancellationToken.None);

        Assert.Equal(server.Url("/new"), fetched.FinalUrl);
        Assert.Equal(server.Url("/old"), fetched.RequestedUrl);
    }

    [Theory]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(500, "HTTP 500 Internal Server Error")]
    [InlineData(410, "HTTP 410 Gone")]
    public async Task Error_status_is_a_fetch_error_naming_the_status(int status, string expected)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync("nope");
        });

        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchAsync(server.Url("/feed.xml"), CancellationToken.None));

        Assert.Equal(expected, error.Reason);
        Assert.Contains(server.Url("/feed.xml").ToString(), error.Message);
    }

    [Fact]
    public async Task Body_larger_than_the_limit_is_refused()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html";
            // No Content-Length: the limit must hold while reading, not only from the header.
            for (var i = 0; i < 64; i++)
            {
                await context.Response.Body.WriteAsync(new byte[4096]);
            }
        });

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher(o => o.MaxBodyBytes = 100_000).FetchAsync(server.Url("/huge"), CancellationToken.None));

        Assert.Contains("larger than the 100000 byte limit", error.Reason);
    }

    [Fact]
    public async Task A_file_that_reports_no_size_is_still_read_only_up_to_the_limit()
    {
        // A device reports a length of 0 and never ends (Linux): the limit must hold while reading.
        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher(o => o.MaxBodyBytes = 100_000).FetchAsync(new Uri("file:///dev/zero"), CancellationToken.None));

        Assert.Contains("larger than the 100000 byte limit", error.Reason);
    }

    [Fact]
    public async Task Compression_bomb_is_stopped_at_the_limit_after_decompression()
    {
        var bomb = Compress(new byte[20_000_000], "gzip"); // about 20 KB on the wire
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bomb.Length;
            await context.Response.Body.WriteAsync(bomb);
        });

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher(o => o.MaxBodyBytes = 1_000_000).FetchAsync(server.Url("/bomb"), CancellationToken.None));

        Assert.Contains("after decompression", error.Reason);
    }

    [Fact]
    public async Task Server_that_never_answers_times_out_with_a_clear_reason()
    {
        using var release = new CancellationTokenSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { });
        });

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher(o => o.Timeout = TimeSpan.FromSeconds(1)).FetchAsync(server.Url("/slow"), CancellationToken.None));
        release.Cancel();

        Assert.Equal("timed out after 1 s", error.Reason);
    }

    [Fact]
    public async Task Closed_port_is_reported_as_connection_refused()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedLoopbackPort.Take()}/feed.xml");

        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchAsync(url, CancellationToken.None));

        Assert.Equal("connection refused", error.Reason);
    }

    [Fact]
    public async Task Untrusted_certificate_is_reported_with_what_is_wrong_with_it()
    {
        // A certificate nobody vouches for, made for this test: the handshake itself works, the trust does not.
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await using var server = await LoopbackServer.StartAsync(context => WritePage(context), certificate: certificate);

        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchAsync(server.Url("/feed.xml"), CancellationToken.None));

        Assert.StartsWith("https://", server.BaseUrl.AbsoluteUri, StringComparison.Ordinal);
        // What an operator can act on (not the handler's "see inner exception"): the chain ends at a root nobody trusts.
        Assert.Equal("TLS handshake failed: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot", error.Reason);
        Assert.Equal(FetchFailure.Permanent, error.Failure);
    }

    [Fact]
    public async Task File_url_is_read_from_disk_with_a_media_type_from_its_extension()
    {
        var path = FixturePath.Of("ExtractCommand", "saved", "harbour-market.html");

        var fetched = await Fetcher().FetchAsync(new Uri(path), CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(path), fetched.Body);
        Assert.Equal("text/html", fetched.MediaType);
    }

    [Fact]
    public async Task Missing_file_is_a_fetch_error()
    {
        var url = new Uri(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.xml"));

        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchAsync(url, CancellationToken.None));

        Assert.Equal("file not found", error.Reason);
    }

    // A feed's link file:///…/a%00b.html: the file system refused the path with ArgumentException,
    // which escaped as a stack trace for the entry instead of a reason.
    [Theory]
    [InlineData("file:///tmp/a%00b.html")]
    [InlineData("file:///tmp/a%00/b.xml")]
    public async Task File_url_whose_path_holds_an_escaped_NUL_is_a_fetch_error(string url)
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchAsync(new Uri(url), CancellationToken.None));

        Assert.Equal("file not found: a file name cannot hold a NUL character (%00)", error.Reason);
    }

    [Fact]
    public async Task Other_schemes_are_refused()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher().FetchAsync(new Uri("ftp://example.org/feed.xml"), CancellationToken.None));

        Assert.Contains("unsupported URL scheme \"ftp\"", error.Reason);
    }

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var buffer = new MemoryStream();
        using (Stream compressor = encoding switch
               {
                   "gzip" => new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true),
                   "br" => new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true),
                   "deflate" => new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true),
                   _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
               })
        {
            compressor.Write(data);
        }
        return buffer.ToArray();
    }
}
