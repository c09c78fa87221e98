using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace NewsAggregator.Fetching;

/// <summary>
/// Fetches with our own HttpClient (named <see cref="FetchOptions.HttpClientName"/>) and reads
/// <c>file://</c> URLs from disk, so every source type works offline too.
/// </summary>
public sealed class ResourceFetcher(IHttpClientFactory httpClientFactory, FetchOptions options, TimeProvider clock)
    : IResourceFetcher
{
    public async Task<FetchedResource> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        return url.Scheme switch
        {
            "http" or "https" => await FetchHttpAsync(url, cancellationToken),
            "file" => await ReadFileAsync(url, cancellationToken),
            _ => throw new FetchException(url, $"unsupported URL scheme \"{url.Scheme}\" (expected http, https or file)"),
        };
    }

    private async Task<FetchedResource> FetchHttpAsync(Uri url, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(FetchOptions.HttpClientName);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new FetchException(url, $"HTTP {(int)response.StatusCode} {ReasonPhrase(response)}");
            }

            var finalUrl = response.RequestMessage?.RequestUri ?? url;
            var contentLength = response.Content.Headers.ContentLength;
            if (contentLength > options.MaxBodyBytes)
            {
                throw new FetchException(url, $"response of {contentLength} bytes is larger than the {options.MaxBodyBytes} byte limit");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
            var body = await ReadCappedAsync(stream, url, deadline.Token);
            var contentType = response.Content.Headers.ContentType;
            return new FetchedResource
            {
                RequestedUrl = url,
                FinalUrl = finalUrl,
                Body = body,
                MediaType = contentType?.MediaType?.ToLowerInvariant(),
                Charset = CleanCharset(contentType),
                FetchedAt = clock.GetUtcNow(),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(url, $"timed out after {options.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(url, DescribeNetworkError(e), e);
        }
        catch (IOException e)
        {
            throw new FetchException(url, $"connection broken while reading the response: {e.Message}", e);
        }
    }

    private async Task<byte[]> ReadCappedAsync(Stream stream, Uri url, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxBodyBytes)
            {
                throw new FetchException(url, $"response is larger than the {options.MaxBodyBytes} byte limit (after decompression)");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private async Task<FetchedResource> ReadFileAsync(Uri url, CancellationToken cancellationToken)
    {
        var path = url.LocalPath;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new FetchException(url, "file not found");
            }
            if (info.Length > options.MaxBodyBytes)
            {
                throw new FetchException(url, $"file of {info.Length} bytes is larger than the {options.MaxBodyBytes} byte limit");
            }
            var body = await File.ReadAllBytesAsync(path, cancellationToken);
            return new FetchedResource
            {
                RequestedUrl = url,
                FinalUrl = url,
                Body = body,
                MediaType = MediaTypeOfFile(path),
                FetchedAt = clock.GetUtcNow(),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FetchException(url, $"cannot read file: {e.Message}", e);
        }
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

    private static string DescribeNetworkError(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } =>
            "host name could not be resolved",
        SocketException socket => $"network error: {socket.Message}",
        _ when e.HttpRequestError == HttpRequestError.NameResolutionError => "host name could not be resolved",
        _ when e.HttpRequestError == HttpRequestError.ConnectionError => $"cannot connect: {e.Message}",
        _ when e.HttpRequestError == HttpRequestError.SecureConnectionError => $"TLS handshake failed: {e.Message}",
        _ => $"request failed: {e.Message}",
    };
}
