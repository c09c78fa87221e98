using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsAggregator.Fetching;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Storage;
using Quartz;

namespace NewsAggregator.Hosting;

/// <summary>
/// All wiring in one place: the pipeline's services, logging, and in service mode one
/// Quartz job per enabled source. <c>--once</c> uses the same container without the scheduler.
/// </summary>
internal static class NewsAggregatorHost
{
    public static IHost Build(IReadOnlyList<Source> sources, NewsDatabase database, TextWriter log, bool service)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = false,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Settings may come from NEWSAGGREGATOR_* environment variables, e.g.
        // NEWSAGGREGATOR_Fetch__TimeoutSeconds=60 or NEWSAGGREGATOR_Logging__LogLevel__Default=Debug.
        builder.Configuration.AddEnvironmentVariables("NEWSAGGREGATOR_");

        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new LineLoggerProvider(log));
        if (builder.Configuration["Logging:LogLevel:Default"] is null)
        {
            // --once prints its own summary; only problems need logging. The service logs each pass.
            builder.Logging.SetMinimumLevel(service ? LogLevel.Information : LogLevel.Warning);
        }
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);

        var fetch = ReadFetchOptions(builder.Configuration.GetSection("Fetch"));
        var aggregation = new AggregationOptions();
        if (builder.Configuration.GetValue<int?>("MaxParallelSources") is { } parallel and > 0)
        {
            aggregation.MaxParallelSources = parallel;
        }

        builder.Services.AddNewsPipeline(database, fetch, aggregation);
        builder.Services.AddSingleton(new SourceCatalog(sources));

        if (service)
        {
            AddSchedule(builder.Services, sources.Where(s => s.Enabled).ToList(), aggregation.MaxParallelSources, database.ReadSourceStates());
        }
        return builder.Build();
    }

    /// <summary>
    /// Fetch settings from NEWSAGGREGATOR_Fetch__* (e.g. NEWSAGGREGATOR_Fetch__MinDelayPerHostMilliseconds=500);
    /// values that are missing or out of range leave the default.
    /// </summary>
    internal static FetchOptions ReadFetchOptions(IConfiguration fetch)
    {
        var options = new FetchOptions();
        if (fetch.GetValue<double?>("TimeoutSeconds") is { } timeout and > 0)
        {
            options.Timeout = TimeSpan.FromSeconds(timeout);
        }
        if (fetch.GetValue<double?>("ConnectTimeoutSeconds") is { } connect and > 0)
        {
            options.ConnectTimeout = TimeSpan.FromSeconds(connect);
        }
        if (fetch["UserAgent"] is { Length: > 0 } userAgent)
        {
            options.UserAgent = userAgent;
        }
        if (fetch.GetValue<long?>("MaxBodyBytes") is { } maxBody and > 0)
        {
            options.MaxBodyBytes = maxBody;
        }
        if (fetch.GetValue<int?>("MaxRedirects") is { } redirects and >= 0)
        {
            options.MaxRedirects = redirects;
        }
        if (fetch.GetValue<int?>("MaxConcurrentPerHost") is { } perHost and > 0)
        {
            options.MaxConcurrentPerHost = perHost;
        }
        if (fetch.GetValue<int?>("MinDelayPerHostMilliseconds") is { } delay and >= 0)
        {
            options.MinDelayPerHost = TimeSpan.FromMilliseconds(delay);
        }
        if (fetch.GetValue<int?>("MaxRetries") is { } retries and >= 0)
        {
            options.MaxRetries = retries;
        }
        if (fetch.GetValue<int?>("RetryBaseDelayMilliseconds") is { } retryDelay and >= 0)
        {
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(retryDelay);
        }
        if (fetch.GetValue<int?>("MaxRetryAfterSeconds") is { } retryAfter and >= 0)
        {
            options.MaxRetryAfterWait = TimeSpan.FromSeconds(retryAfter);
        }
        return options;
    }

    private static void AddSchedule(
        IServiceCollection services, List<Source> sources, int maxParallel, IReadOnlyDictionary<string, SourceState> states)
    {
        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(maxParallel);
            var now = DateTimeOffset.UtcNow;
            for (var index = 0; index < sources.Count; index++)
            {
                var source = sources[index];
                var start = FirstRunAt(source, index, sources.Count, now, states.GetValueOrDefault(source.Id));
                quartz.ScheduleJob<SourceJob>(
                    trigger => trigger
                        .WithIdentity(source.Id, "sources")
                        .StartAt(start)
                        .WithSimpleSchedule(schedule => schedule
                            .WithInterval(source.Interval)
                            .RepeatForever()
                            .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                    job => job
                        .WithIdentity(source.Id, "sources")
                        .UsingJobData(SourceJob.SourceIdKey, source.Id));
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }

    /// <summary>
    /// When the service first runs a source: spread over the first minutes so a thousand sources
    /// do not all fire, and stay in step, at the same second; but a source backed off (or asked
    /// to wait) in an earlier run keeps its due time across restarts.
    /// </summary>
    internal static DateTimeOffset FirstRunAt(Source source, int index, int count, DateTimeOffset now, SourceState? state)
    {
        var start = now + FirstRunOffset(index, count, source.Interval);
        return state?.NextDueAt is { } due && due > start ? due : start;
    }

    internal static TimeSpan FirstRunOffset(int index, int count, TimeSpan interval)
    {
        var window = TimeSpan.FromTicks(Math.Min(interval.Ticks, TimeSpan.FromMinutes(5).Ticks));
        return count <= 1 ? TimeSpan.Zero : window * index / count;
    }
}

/// <summary>The sources of this run, by id, for jobs that know only the id.</summary>
internal sealed class SourceCatalog(IReadOnlyList<Source> sources)
{
    private readonly Dictionary<string, Source> _byId = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public Source? Find(string id) => _byId.GetValueOrDefault(id);
}
