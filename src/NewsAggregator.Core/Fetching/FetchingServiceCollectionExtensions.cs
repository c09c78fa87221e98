using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace NewsAggregator.Fetching;

public static class FetchingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IResourceFetcher"/> and the HttpClient it uses.</summary>
    public static IServiceCollection AddResourceFetching(this IServiceCollection services, FetchOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient(FetchOptions.HttpClientName, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd(
                    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
                // Our own deadline covers the whole response; HttpClient's would only duplicate it.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = options.MaxRedirects,
                ConnectTimeout = options.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseCookies = false,
            });
        services.AddSingleton<IResourceFetcher, ResourceFetcher>();
        return services;
    }
}
