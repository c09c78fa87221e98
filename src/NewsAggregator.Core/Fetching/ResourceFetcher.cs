using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using Polly;
using Polly.Retry;

namespace NewsAggregator.Fetching;

/// <summary>
/// Fetches with our own HttpClients (see <see cref="FetchOptions"/>) and reads <c>file://</c> URLs
/// from disk, so every source type works offline too. Over HTTP it is polite (robots.txt, a turn
/// per host from <see cref="HostGate"/>), conditional (validators in, 304 out), persistent
/// (transient failures retried with exponential backoff and jitter, Retry-After honoured) and
/// bounded (deadline per attempt, body cap after decompression, redirect limit and loop detection,
/// content type checked, local addresses refused where <see cref="NetworkTrust"/> says so).
/// </summary>
public sealed class ResourceFetcher : IResourceFetcher
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly FetchOptions _options;
    private readonly TimeProvider _clock;
    private readonly HostGate _gate;
    private readonly RobotsCache _robots;
    private readonly ResiliencePipeline<FetchedResource> _retry;

    public ResourceFetcher(
        IHttpClientFactory httpClientFactory, FetchOptions options, TimeProvider clock, HostGate gate, IRobotsStore? robotsStore = null)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _clock = clock;
        _gate = gate;
        _robots = new RobotsCache(options, clock, (request, token) => ExchangeAsync(request, checkHop: null, RobotsTxt.ParsedBytes, token),
            robotsStore ?? NoRobotsStore.Instance);
        _retry = BuildRetry(options, clock);
    }

    public Task<FetchedResource> FetchAsync(Uri url, CancellationToken cancellationToken) =>
        FetchAsync(new FetchRequest(url), cancellationToken);

    public async Task<FetchedResource> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        return url.Scheme switch
        {
            "http" or "https" => await FetchHttpAsync(request, cancellationToken),
            "file" => await ReadFileAsync(request, cancellationToken),
            _ => throw new FetchException(url, $"unsupported URL scheme \"{url.Scheme}\" (expected http, https or file)"),
        };
    }

    private async Task<FetchedResource> FetchHttpAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        Func<Uri, CancellationToken, Task>? checkRobots = request.ObeyRobots
            ? (url, token) => CheckRobotsAsync(url, request.Trust, token)
            : null;
        // robots.txt is asked within each attempt: cached, it costs nothing, and a host that
        // could not be reached for it gets the same retries as the request itself.
        return await _retry.ExecuteAsync(
            static async (state, token) =>
            {
                if (state.CheckRobots is { } check)
                {
                    await check(state.Request.Url, token);
                }
                return await state.Fetcher.ExchangeAsync(state.Request, state.CheckRobots, state.Fetcher._options.MaxBodyBytes, token);
            },
            (Fetcher: this, Request: request, CheckRobots: checkRobots),
            cancellationToken);
    }

    private async Task CheckRobotsAsync(Uri url, NetworkTrust trust, CancellationToken cancellationToken)
    {
        var decision = await _robots.DecideAsync(url, trust, cancellationToken);
        if (!decision.Allowed)
        {
            throw new FetchException(url, decision.Reason, failure: FetchFailure.Refused);
        }
    }

    private static ResiliencePipeline<FetchedResource> BuildRetry(FetchOptions options, TimeProvider clock)
    {
        if (options.MaxRetries <= 0)
        {
            return ResiliencePipeline<FetchedResource>.Empty;
        }
        return new ResiliencePipelineBuilder<FetchedResource> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<FetchedResource>
            {
                // A Retry-After longer than we wait within a pass goes to the source's schedule instead.
                ShouldHandle = new PredicateBuilder<FetchedResource>().Handle<FetchException>(e =>
                    e.IsTransient && (e.RetryAfter is not { } wait || wait <= options.MaxRetryAfterWait)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                DelayGenerator = static args => ValueTask.FromResult(
                    args.Outcome.Exception is FetchException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
            })
            .Build();
    }

    /// <summary>One attempt: a GET and the redirects it leads to, under one deadline.</summary>
    private async Task<FetchedResource> ExchangeAsync(
        FetchRequest request, Func<Uri, CancellationToken, Task>? checkHop, long maxBodyBytes, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var url = request.Url;
        var chain = new List<Uri> { url };
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var turn = await _gate.EnterAsync(url, deadline.Token);
                if (hop == 0 && request.Admit is { } admit)
                {
                    await admit(cancellationToken);
                }
                if (hop == 0)
                {
                    // The deadline is the server's: time spent waiting for our own turn at the host does not count.
                    deadline.CancelAfter(_options.Timeout);
                }
                var client = _httpClientFactory.CreateClient(
                    request.Trust.Trusts(url) ? FetchOptions.HttpClientName : FetchOptions.PublicOnlyHttpClientName);
                using var message = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.ApplyTo(message);
                AddValidators(message, request.Validators);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);

                if (RedirectTarget(response, url) is { } target)
                {
                    url = NextHop(request.Url, target, chain, hop);
                    if (checkHop is not null)
                    {
                        await checkHop(url, deadline.Token);
                    }
                    continue;
                }
                return await ReadResponseAsync(request, url, response, maxBodyBytes, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(request.Url, string.Create(CultureInfo.InvariantCulture, $"timed out after {_options.Timeout.TotalSeconds:0.#} s"), failure: FetchFailure.Transient);
        }
        catch (HttpRequestException e)
        {
            throw DescribeNetworkError(url, request.Trust, e);
        }
        catch (IOException e)
        {
            throw new FetchException(url, $"connection broken while reading the response: {e.Message}", e, FetchFailure.Transient);
        }
    }

    private Uri NextHop(Uri requested, Uri target, List<Uri> chain, int hop)
    {
        if (target.Scheme is not ("http" or "https"))
        {
            throw new FetchException(requested, $"redirected to a {target.Scheme}: URL, which is not followed ({target})");
        }
        if (chain.Contains(target))
        {
            chain.Add(target);
            throw new FetchException(requested, $"redirect loop: {string.Join(" -> ", chain.Skip(chain.IndexOf(target)))}");
        }
        if (hop >= _options.MaxRedirects)
        {
            throw new FetchException(requested, $"more than {_options.MaxRedirects} redirects (last to {target})");
        }
        chain.Add(target);
        return target;
    }

    private static Uri? RedirectTarget(HttpResponseMessage response, Uri url)
    {
        if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308))
        {
            return null;
        }
        var location = response.Headers.Location
            ?? throw new FetchException(url, $"HTTP {(int)response.StatusCode} redirect without a Location header");
        return location.IsAbsoluteUri ? location : new Uri(url, location);
    }

    private async Task<FetchedResource> ReadResponseAsync(
        FetchRequest request, Uri finalUrl, HttpResponseMessage response, long maxBodyBytes, CancellationToken cancellationToken)
    {
        var url = request.Url;
        var now = _clock.GetUtcNow();
        var validators = CacheValidators.OrNull(response.Headers.ETag?.ToString(), LastModified(response));

        if (response.StatusCode == HttpStatusCode.NotModified && request.Validators is not null)
        {
            return new FetchedResource
            {
                RequestedUrl = url,
                FinalUrl = finalUrl,
                Body = [],
                FetchedAt = now,
                NotModified = true,
                Validators = validators ?? request.Validators,
                FreshFor = ServerHints.FreshFor(response, now),
            };
        }
        if (!response.IsSuccessStatusCode)
        {
            throw StatusError(url, finalUrl, response, now);
        }

        var contentType = response.Content.Headers.ContentType;
        var mediaType = contentType?.MediaType?.ToLowerInvariant();
        ContentCheck.EnsureMediaType(request, mediaType);
        var contentLength = response.Content.Headers.ContentLength;
        if (contentLength > maxBodyBytes && maxBodyBytes == _options.MaxBodyBytes)
        {
            throw new FetchException(url, $"response of {contentLength} bytes is larger than the {maxBodyBytes} byte limit");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        // robots.txt is read up to what RFC 9309 asks us to parse; anything else over the cap is refused.
        var body = await ReadCappedAsync(stream, url, maxBodyBytes, contentLength, truncate: maxBodyBytes != _options.MaxBodyBytes, cancellationToken);
        ContentCheck.EnsureBody(request, body, mediaType);
        return new FetchedResource
        {
            RequestedUrl = url,
            FinalUrl = finalUrl,
            Body = body,
            MediaType = mediaType,
            Charset = CleanCharset(contentType),
            FetchedAt = now,
            Validators = validators,
            FreshFor = ServerHints.FreshFor(response, now),
        };
    }

    private FetchException StatusError(Uri url, Uri finalUrl, HttpResponseMessage response, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        var reason = $"HTTP {status} {ReasonPhrase(response)}";
        TimeSpan? retryAfter = null;
        if (status is 429 or 503 && ServerHints.RetryAfter(response.Headers, now) is { } wait)
        {
            retryAfter = wait;
            // The whole host asked for the pause, not only this URL.
            _gate.Defer(finalUrl, now + wait);
            reason += $", retry after {Durations.Describe(wait)}";
        }
        var transient = status is 408 or 425 or 429 or 500 or 502 or 503 or 504;
        return new FetchException(url, reason, failure: transient ? FetchFailure.Transient : FetchFailure.Permanent,
            retryAfter: retryAfter, statusCode: status);
    }

    private static void AddValidators(HttpRequestMessage message, CacheValidators? validators)
    {
        if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            message.Headers.IfNoneMatch.Add(tag);
        }
        if (validators?.LastModified is { } lastModified)
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }
    }

    private static string? LastModified(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null;

    /// <summary>
    /// The body, read into a pooled buffer sized from the announced length (when there is one) and
    /// copied out once at its exact size: a thousand sources read side by side, and a fresh 80 KB
    /// chunk plus a doubling MemoryStream per response was most of the worker's heap while they waited.
    /// </summary>
    private static async Task<byte[]> ReadCappedAsync(
        Stream stream, Uri url, long maxBodyBytes, long? announcedLength, bool truncate, CancellationToken cancellationToken)
    {
        const int FirstRead = 16 * 1024;
        // One byte past the announced length (never past the cap), so that the end of the body is
        // seen without growing the buffer.
        var initial = announcedLength is > 0 ? (int)Math.Min(Math.Min(announcedLength.Value, maxBodyBytes) + 1, Array.MaxLength) : FirstRead;
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }
                if (length + read > maxBodyBytes)
                {
                    if (truncate)
                    {
                        length = (int)maxBodyBytes;
                        break;
                    }
                    throw new FetchException(url, $"response is larger than the {maxBodyBytes} byte limit (after decompression)");
                }
                length += read;
            }
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<FetchedResource> ReadFileAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var url = request.Url;
        var path = url.LocalPath;
        var mediaType = MediaTypeOfFile(path);
        ContentCheck.EnsureMediaType(request, mediaType);
        // %00 in a link decodes to a NUL, which no file name on any system holds; the file system's
        // ArgumentException would escape as a stack trace for the entry instead of a reason.
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new FetchException(url, "file not found: a file name cannot hold a NUL character (%00)");
        }
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new FetchException(url, "file not found");
            }
            if (info.Length > _options.MaxBodyBytes)
            {
                throw new FetchException(url, $"file of {info.Length} bytes is larger than the {_options.MaxBodyBytes} byte limit");
            }
            var body = await ReadAtMostAsync(path, _options.MaxBodyBytes, cancellationToken)
                ?? throw new FetchException(url, $"file is larger than the {_options.MaxBodyBytes} byte limit");
            ContentCheck.EnsureBody(request, body, mediaType);
            return new FetchedResource
            {
                RequestedUrl = url,
                FinalUrl = url,
                Body = body,
                MediaType = mediaType,
                FetchedAt = _clock.GetUtcNow(),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FetchException(url, $"cannot read file: {e.Message}", e);
        }
    }

    /// <summary>
    /// The file's bytes, or null past <paramref name="limit"/>. Read up to the limit rather than
    /// trusting the size the file system reports: a device or a file of /proc reports 0 and goes on
    /// (file:///dev/zero took 4 GB before failing).
    /// </summary>
    private static async Task<byte[]?> ReadAtMostAsync(string path, long limit, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, useAsync: true);
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > limit)
            {
                return null;
            }
            body.Write(buffer, 0, read);
        }
        return body.ToArray();
    }

    private static string? MediaTypeOfFile(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html",
        ".xml" or ".rss" or ".rdf" => "application/xml",
        ".atom" => "application/atom+xml",
        _ => null,
    };

    private static string? CleanCharset(MediaTypeHeaderValue? contentType) =>
        contentType?.CharSet?.Trim('"', '\'', ' ') is { Length: > 0 } charset ? charset : null;

    private static string ReasonPhrase(HttpResponseMessage response) =>
        string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;

    private static FetchException DescribeNetworkError(Uri url, NetworkTrust trust, HttpRequestException e)
    {
        if (e.InnerException is NetworkPolicyException refused)
        {
            return new FetchException(url, refused.Message + trust.RefusalNote(url), e, FetchFailure.Refused);
        }
        var (reason, failure) = e.InnerException switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => ("connection refused", FetchFailure.Transient),
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } =>
                ("host name could not be resolved", FetchFailure.Permanent),
            SocketException { SocketErrorCode: SocketError.TryAgain } => ("host name could not be resolved", FetchFailure.Transient),
            SocketException socket => ($"network error: {socket.Message}", FetchFailure.Transient),
            _ when e.HttpRequestError == HttpRequestError.NameResolutionError => ("host name could not be resolved", FetchFailure.Permanent),
            _ when e.HttpRequestError == HttpRequestError.ConnectionError => ($"cannot connect: {e.Message}", FetchFailure.Transient),
            // The handler's own words end "see inner exception"; the inner one says what is wrong
            // (an untrusted chain, a name that does not match, an expired certificate).
            AuthenticationException tls => ($"TLS handshake failed: {tls.Message}", FetchFailure.Permanent),
            _ when e.HttpRequestError == HttpRequestError.SecureConnectionError => ($"TLS handshake failed: {e.Message}", FetchFailure.Permanent),
            _ when e.HttpRequestError == HttpRequestError.ResponseEnded =>
                ("connection broken while reading the response: the server closed it before the response was complete", FetchFailure.Transient),
            IOException io => ($"connection broken while reading the response: {io.Message}", FetchFailure.Transient),
            _ => ($"request failed: {e.Message}", FetchFailure.Transient),
        };
        return new FetchException(url, reason, e, failure);
    }
}
