using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsAggregator.Configuration;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Storage;
using Quartz;

namespace NewsAggregator.Hosting;

/// <summary>What a run is given: its settings, its sources and where they and the database are.</summary>
internal sealed record WorkerSetup(
    IConfigurationRoot Configuration, CheckedSettings Settings, string SourcesPath, IReadOnlyList<Source> Sources,
    NewsDatabase Database, TextWriter Log);

/// <summary>
/// All wiring in one place: settings, the pipeline's services, logging, systemd integration (readiness
/// and stopping notified, journal-friendly lines, only when systemd runs the worker), and in service mode the
/// Quartz scheduler with one job per enabled source, and the daily prune when <c>Storage:RetentionDays</c> is set. <c>--once</c> uses the same container without
/// the scheduler.
/// </summary>
internal static class NewsAggregatorHost
{
    /// <summary>
    /// How long a stop (SIGTERM, Ctrl+C) waits for the passes under way before the worker exits
    /// without them. The host's default, 30 s, would cut short passes that deploy/newsaggregator.service
    /// gives 120 s (<c>TimeoutStopSec=120</c>, after which systemd kills the process); 100 s leaves
    /// the worker the last 20 to record its stop and exit by itself. <c>docker stop</c> waits only
    /// 10 s before it kills, so the README runs the container with <c>--stop-timeout 120</c>.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(100);

    public static IHost Build(WorkerSetup setup, bool service, SourcesReload? reload = null)
    {
        // Only the worker's own configuration (appsettings.json, NEWSAGGREGATOR_*, command line):
        // the defaults would add every environment variable and a settings file beside the binary.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(setup.Configuration);

        // Before the logging set-up, so that a formatter chosen in the settings wins over the
        // systemd one AddSystemd picks when systemd runs the worker.
        builder.Services.AddSystemd();
        builder.Logging.AddWorkerLogging(setup.Configuration, setup.Log, service);

        builder.Services.AddNewsPipeline(setup.Database, setup.Settings.Fetch, setup.Settings.Aggregation);
        builder.Services.AddSingleton(new SourceCatalog(setup.Sources));

        if (service)
        {
            AddSchedule(builder.Services, setup, reload);
        }
        return builder.Build();
    }

    // A method of its own: the JIT and ReadyToRun code load the types a method names before it
    // first runs, so a --once run of those builds does not load Quartz (the native build has no
    // types to load).
    private static void AddSchedule(IServiceCollection services, WorkerSetup setup, SourcesReload? reload)
    {
        services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        services.AddSingleton(reload ?? new SourcesReload());
        services.AddSingleton(new ServiceSources(setup.SourcesPath));
        // Before the scheduler: hosted services start in order, so the start line comes before any pass.
        services.AddHostedService<ServiceLifecycleLog>();
        services.AddQuartz(quartz => quartz.UseDefaultThreadPool(setup.Settings.Aggregation.MaxParallelSources));
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<SourceSchedule>();
        if (setup.Settings.Storage.Retention is { } retention)
        {
            services.AddHostedService(provider => new RetentionSchedule(
                setup.Database, retention, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<RetentionSchedule>>()));
        }
    }
}
