using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsAggregator.Fetching;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using StorageDatabase = NewsAggregator.Storage.NewsDatabase;

namespace NewsAggregator.Tests.Resilience;

/// <summary>One <c>--once</c>-style pass over sources, in this process, with fetch options and a resolver of the test's choosing.</summary>
internal static class InProcessRun
{
    // Guards the suite against a hang; not a timing assertion.
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    public static async Task<IReadOnlyList<SourcePassResult>> RunAsync(
        string databasePath, IReadOnlyList<Source> sources, FetchOptions options, IHostResolver? resolver = null, int maxParallelSources = 8,
        TimeProvider? clock = null)
    {
        var database = StorageDatabase.Open(databasePath);
        try
        {
            database.SyncSources(sources, (clock ?? TimeProvider.System).GetUtcNow());
            var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            if (resolver is not null)
            {
                services.AddSingleton(resolver);
            }
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
            await using var provider = services
                .AddNewsPipeline(database, options, new AggregationOptions { MaxParallelSources = maxParallelSources })
                .BuildServiceProvider();
            using var guard = new CancellationTokenSource(HangGuard);
            return await provider.GetRequiredService<AggregationRun>().RunOnceAsync(sources, guard.Token).WaitAsync(HangGuard);
        }
        finally
        {
            database.Close();
        }
    }

    /// <summary>Fetch options for loopback servers: no politeness delay, quick retries.</summary>
    public static FetchOptions QuickOptions(Action<FetchOptions>? configure = null)
    {
        var options = new FetchOptions
        {
            MinDelayPerHost = TimeSpan.Zero,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryAfterWait = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(options);
        return options;
    }
}
