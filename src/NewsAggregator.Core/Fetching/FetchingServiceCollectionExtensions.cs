using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsAggregator.Fetching;

public static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IResourceFetcher"/> and its two HttpClients: one that connects anywhere
    /// (for URLs the user wrote) and one that refuses local addresses after DNS resolution (for links
    /// found inside sources). Separate clients keep separate connection pools, so a connection
    /// opened to a trusted local address is never reused for an untrusted request.
    /// </summary>
    public static IServiceCollection AddResourceFetching(this IServiceCollection services, FetchOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHostResolver, SystemHostResolver>();
        services.AddSingleton<HostGate>();
        AddClient(services, FetchOptions.HttpClientName, options, publicOnly: false);
        AddClient(services, FetchOptions.PublicOnlyHttpClientName, options, publicOnly: true);
        services.AddSingleton<IResourceFetcher, ResourceFetcher>();
        return services;
    }

    private static void AddClient(IServiceCollection services, string name, FetchOptions options, bool publicOnly)
    {
        services.AddHttpClient(name, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd(
                    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
                // Our own deadline covers the whole response; HttpClient's would only duplicate it.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                // Redirects are followed by ResourceFetcher, which detects loops and checks each hop.
                AllowAutoRedirect = false,
                ConnectTimeout = options.ConnectTimeout,
                ConnectCallback = new GuardedConnector(provider.GetRequiredService<IHostResolver>(), publicOnly).ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseCookies = false,
                // Through a proxy we would check the proxy's address, not the link's: links go direct.
                UseProxy = !publicOnly,
            });
    }
}
