using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>
/// Kestrel on 127.0.0.1 (or another loopback address) at a port the OS picks, answering every
/// request with one handler: real HTTP for tests of how the worker behaves on the wire.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _requests;

    private LoopbackServer(WebApplication app, Uri baseUrl, ConcurrentDictionary<string, int> requests)
    {
        _app = app;
        BaseUrl = baseUrl;
        _requests = requests;
    }

    /// <summary>How many requests for <paramref name="path"/> (query left out) the server has had.</summary>
    public int RequestsTo(string path) => _requests.GetValueOrDefault(path);

    /// <summary>The server's root, ending with a slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    /// <param name="listenOn">127.0.0.1 unless given: 127.0.0.2, 127.0.0.3 ... give a test hosts of their own.</param>
    /// <param name="certificate">Serve HTTPS with this certificate instead of plain HTTP.</param>
    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler, IPAddress? listenOn = null, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(listenOn ?? IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var requests = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.Run(context =>
        {
            requests.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            return handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"), requests);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
