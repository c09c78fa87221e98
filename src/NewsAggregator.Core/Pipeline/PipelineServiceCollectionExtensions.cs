using Microsoft.Extensions.DependencyInjection;
using NewsAggregator.Extraction;
using NewsAggregator.Fetching;
using NewsAggregator.Storage;

namespace NewsAggregator.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>Everything one pass needs: fetching, extraction and the open <paramref name="database"/>.</summary>
    public static IServiceCollection AddNewsPipeline(
        this IServiceCollection services, NewsDatabase database, FetchOptions fetchOptions, AggregationOptions aggregationOptions)
    {
        services.AddResourceFetching(fetchOptions);
        services.AddSingleton(aggregationOptions);
        services.AddSingleton<IArticleExtractor, ArticleExtractor>();
        // Measured only for a run that reports them (its options are read when the pipeline is built).
        services.AddSingleton(provider => new StageTimes(provider.GetRequiredService<AggregationOptions>().ReportStageTimes));
        services.AddSingleton<ExtractionStage>();
        services.AddSingleton<StorageWriter>();
        services.AddSingleton<PageSlots>();
        services.AddSingleton(database);
        // robots.txt answers outlive the process, so a run from cron asks each host once a day.
        services.AddSingleton<IRobotsStore>(new DatabaseRobotsStore(database));
        services.AddSingleton<SourcePass>();
        services.AddSingleton<AggregationRun>();
        return services;
    }
}
