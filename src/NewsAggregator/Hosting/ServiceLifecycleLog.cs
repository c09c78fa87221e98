using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsAggregator.Storage;

namespace NewsAggregator.Hosting;

/// <summary>
/// The service's start and stop lines: what is running (version, sources, database), written as
/// the host starts, before the scheduler (registered after this) can run a pass, and that it is
/// gone, once every hosted service, the passes under way included, has stopped.
/// </summary>
internal sealed class ServiceLifecycleLog(
    IHostApplicationLifetime lifetime, SourceCatalog catalog, ServiceSources file, NewsDatabase database, ILogger<ServiceLifecycleLog> logger)
    : IHostedService
{
    /// <summary>The informational version the build stamps (with its commit when built from git).</summary>
    public static string Version { get; } =
        typeof(ServiceLifecycleLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ServiceLifecycleLog).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ServiceLog.Started(logger, Version, catalog.All.Count(s => s.Enabled), catalog.All.Count, Path.GetFullPath(file.Path), database.Path);
        lifetime.ApplicationStopped.Register(() => ServiceLog.Stopped(logger, Version));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
