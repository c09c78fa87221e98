using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>
/// A forward HTTP proxy on loopback, for plain http:// URLs (absolute-form GET, RFC 9112 3.2.2):
/// it records what it was asked for and fetches it from <c>upstream</c>, whatever the name in
/// the URL, as a proxy whose DNS knows one machine would. Tests hand it to the fetcher through
/// <see cref="Settings"/>, never through the process's environment, which other tests share.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly HttpClient _upstream;
    private LoopbackServer _server = null!;

    private LoopbackProxy(IPAddress upstream)
    {
        _upstream = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(upstream, context.DnsEndPoint.Port), token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });
    }

    /// <summary>The request targets the proxy was sent, in order (absolute URLs when the client used it as a proxy).</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public Uri Url => _server.BaseUrl;

    public static async Task<LoopbackProxy> StartAsync(IPAddress upstream)
    {
        var proxy = new LoopbackProxy(upstream);
        proxy._server = await LoopbackServer.StartAsync(proxy.ForwardAsync);
        return proxy;
    }

    /// <summary>Proxy settings naming this proxy, bypassed for <paramref name="noProxy"/> (exact host names, as NO_PROXY lists them).</summary>
    public IWebProxy Settings(params string[] noProxy) => new ProxySettings(Url, noProxy);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        _requests.Enqueue(target);
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url))
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await _upstream.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType.ToString();
        }
        if (response.Headers.Location is { } location)
        {
            context.Response.Headers.Location = location.ToString();
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private sealed class ProxySettings(Uri proxy, string[] noProxy) : IWebProxy
    {
        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => proxy;

        public bool IsBypassed(Uri host) => noProxy.Contains(host.IdnHost, StringComparer.OrdinalIgnoreCase);
    }
}
