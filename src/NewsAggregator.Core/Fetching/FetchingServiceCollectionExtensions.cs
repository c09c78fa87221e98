using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsAggregator.Fetching;

public static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IResourceFetcher"/> and its two HttpClients: one that connects anywhere
    /// (for URLs the user wrote) and one that refuses local addresses (for links found inside
    /// sources). Separate clients keep separate connection pools, so a connection opened to a
    /// trusted local address is never reused for an untrusted request. Both use the same proxy,
    /// by the same rule (<see cref="FetchOptions.Proxy"/>).
    /// </summary>
    public static IServiceCollection AddResourceFetching(this IServiceCollection services, FetchOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHostResolver, SystemHostResolver>();
        services.AddSingleton<HostGate>();
        // Read once: HttpClient.DefaultProxy reads the environment when first asked, and both clients must agree.
        var route = new ProxyRoute(options.Proxy ?? HttpClient.DefaultProxy);
        AddClient(services, FetchOptions.HttpClientName, options, route, publicOnly: false);
        AddClient(services, FetchOptions.PublicOnlyHttpClientName, options, route, publicOnly: true)
            .AddHttpMessageHandler(provider => new ProxiedLinkCheck(new LinkAddressCheck(provider.GetRequiredService<IHostResolver>()), route));
        services.TryAddSingleton<IRobotsStore>(NoRobotsStore.Instance);
        services.AddSingleton<IResourceFetcher, ResourceFetcher>();
        return services;
    }

    /// <summary>
    /// The Accept header of every request (a source's own <c>Accept</c> replaces it). The three feed
    /// formats first; plain <c>application/json</c> is left out, as it would rank a site's API
    /// above its HTML page wherever the same URL serves both.
    /// </summary>
    internal const string Accept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

    private static IHttpClientBuilder AddClient(IServiceCollection services, string name, FetchOptions options, ProxyRoute route, bool publicOnly)
    {
        return services.AddHttpClient(name, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd(Accept);
                // Our own deadline covers the whole response; HttpClient's would only duplicate it.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // ResourceFetcher logs what a person needs of each request; the factory's two logging
            // handlers (a scope and two lines per request, even when filtered out) cost CPU at
            // thousands of pages a pass and say nothing more.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                // Redirects are followed by ResourceFetcher, which detects loops and checks each hop.
                AllowAutoRedirect = false,
                ConnectTimeout = options.ConnectTimeout,
                ConnectCallback = new GuardedConnector(
                    new LinkAddressCheck(provider.GetRequiredService<IHostResolver>()), route, publicOnly).ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                // A host's requests come a second or two apart while its source is worked on and not
                // again until its next pass: a connection idle for longer is not reused, and a minute
                // (the default) of idle connections to thousands of finished hosts is memory held for nothing.
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(15),
                UseCookies = false,
                Proxy = route.Proxy,
                UseProxy = route.Proxy is not null,
            });
    }
}
