using Microsoft.Extensions.DependencyInjection;
using NewsAggregator.Fetching;

namespace NewsAggregator.Tests.Fetching;

/// <summary>A fetcher as the worker wires it, without the politeness delay and with quick retries, for loopback tests.</summary>
internal static class TestFetcher
{
    public static IResourceFetcher Create(Action<FetchOptions>? configure = null, IHostResolver? resolver = null)
    {
        var options = new FetchOptions { MinDelayPerHost = TimeSpan.Zero, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);
        var services = new ServiceCollection();
        if (resolver is not null)
        {
            services.AddSingleton(resolver);
        }
        return services.AddResourceFetching(options).BuildServiceProvider().GetRequiredService<IResourceFetcher>();
    }
}
