using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsAggregator.Configuration;
using NewsAggregator.Hosting;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>The main job: <c>--once</c> over the sources, or the scheduled service.</summary>
/// <param name="terminal">What the standard output is; by default found out from <paramref name="output"/> and the process.</param>
internal sealed class RunCommand(TextWriter output, TextWriter error, SourcesReload? reload = null, OutputTerminal? terminal = null)
{
    private readonly OutputTerminal _terminal = terminal ?? OutputTerminal.Of(output);

    public async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        // Settings, then sources, then the database: each stops the start with exit 2 before the
        // next is touched, so a mistake in one never creates or changes the others.
        IReadOnlyList<Source> sources;
        IReadOnlyList<Source> toRun;
        Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
        CheckedSettings checkedSettings;
        try
        {
            configuration = WorkerConfiguration.Build(settings.ConfigPath, settings.SettingOverrides);
            checkedSettings = WorkerSettingsRegistration.Check(configuration);
            sources = SourcesFile.Load(settings.SourcesPath);
            toRun = SelectSources(sources, settings);
        }
        catch (Exception e) when (e is SettingsException or SourcesFileException)
        {
            return await SourcesOption.UsageErrorAsync(error, e.Message);
        }

        NewsDatabase database;
        try
        {
            database = NewsDatabase.Open(settings.DatabasePath, checkedSettings.Storage);
        }
        catch (StorageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            // A file that cannot be our database is the user's to fix; a lock or a full disk may pass.
            return e.Failure == StorageFailure.Unusable ? NewsAggregatorCommandLine.UsageError : NewsAggregatorCommandLine.SourceFailed;
        }

        try
        {
            // The file's own flags: naming a disabled source with --source runs it without enabling it.
            database.SyncSources(sources, DateTimeOffset.UtcNow);
            var setup = new WorkerSetup(configuration, checkedSettings, settings.SourcesPath, toRun, database, error);
            var exitCode = settings.Once
                ? await RunOnceAsync(setup, settings.Progress, cancellationToken)
                : await RunServiceAsync(setup, cancellationToken);
            // Whatever the passes reported, nothing is kept if the file was taken away meanwhile.
            database.EnsureInPlace();
            return exitCode;
        }
        catch (StorageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return NewsAggregatorCommandLine.SourceFailed;
        }
        finally
        {
            database.Close();
        }
    }

    private static IReadOnlyList<Source> SelectSources(IReadOnlyList<Source> all, RunSettings settings)
    {
        if (settings.OnlySourceIds.Count == 0)
        {
            return all;
        }
        if (!settings.Once)
        {
            throw new SourcesFileException("--source is only for --once runs; the service runs every enabled source");
        }
        var byId = all.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var unknown = settings.OnlySourceIds.Where(id => !byId.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new SourcesFileException(
                $"{settings.SourcesPath}: no source with id {string.Join(", ", unknown.Select(id => $"\"{id}\""))} (--source)");
        }
        // Naming a source runs it even when it is disabled: the user asked for it explicitly.
        return settings.OnlySourceIds.Distinct(StringComparer.Ordinal).Select(id => byId[id] with { Enabled = true }).ToList();
    }

    private async Task<int> RunOnceAsync(WorkerSetup setup, ProgressRequest progressRequest, CancellationToken cancellationToken)
    {
        var enabled = setup.Sources.Where(s => s.Enabled).ToList();
        if (enabled.Count == 0)
        {
            await output.WriteLineAsync("no enabled sources");
            return NewsAggregatorCommandLine.Success;
        }

        var live = _terminal.ShowsLiveProgress(progressRequest);
        using var progress = new OnceProgress(output, live, enabled.Count, live ? _terminal.Width() : null, TimeProvider.System);
        using var gcActivity = setup.Settings.Aggregation.ReportStageTimes ? new GcActivity() : null;
        using var host = NewsAggregatorHost.Build(setup with { Log = progress.Beside(setup.Log) }, service: false);
        var run = host.Services.GetRequiredService<AggregationRun>();
        var passLog = new LoggedPasses(host.Services.GetRequiredService<ILogger<RunCommand>>(), progress);
        IReadOnlyList<SourcePassResult> results;
        try
        {
            results = await run.RunOnceAsync(enabled, cancellationToken, passLog);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The progress line goes first, or the message would be written after it.
            progress.End();
            await error.WriteLineAsync("stopped before every source had run");
            return NewsAggregatorCommandLine.SourceFailed;
        }
        var elapsed = progress.Elapsed;
        progress.End();

        // The lines above told each source as it finished; the table shows them all at once, in the file's order.
        await output.WriteLineAsync();
        await output.WriteAsync(OnceSummary.Table(results, elapsed));
        await output.WriteLineAsync(OnceSummary.TotalLine(results));
        if (setup.Settings.Storage.Retention is { } retention)
        {
            // After the passes, as a prune from cron would run; a failure is the database's, reported by the caller.
            var now = DateTimeOffset.UtcNow;
            try
            {
                var pruned = await Task.Run(() => setup.Database.Prune(retention.CutoffBefore(now), now, cancellationToken: cancellationToken), CancellationToken.None);
                var lines = PruneSummary.Lines(pruned, retention).ToList();
                await output.WriteLineAsync($"retention: {lines[0]}; {lines[^1]}");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("stopped while pruning (Storage:RetentionDays): the batches committed stay deleted, the next run prunes the rest");
                return NewsAggregatorCommandLine.SourceFailed;
            }
        }
        if (setup.Settings.Aggregation.ReportStageTimes)
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var stageTimes = host.Services.GetRequiredService<StageTimes>();
            await error.WriteLineAsync(stageTimes.Report(process.TotalProcessorTime));
            await error.WriteLineAsync(stageTimes.AllocationReport(GC.GetTotalAllocatedBytes()));
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"gc gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)} " +
                $"pause-ms={GC.GetTotalPauseDuration().TotalMilliseconds:0} allocated-mb={GC.GetTotalAllocatedBytes() / (1024.0 * 1024):0}") +
                gcActivity?.Figures());
            // The JIT's share: methods compiled (tier 0, tier 1 and on-stack replacement alike) and the
            // time spent compiling them on all threads, which in a pass of a minute is not small.
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"jit methods={System.Runtime.JitInfo.GetCompiledMethodCount()} ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0}"));
        }
        return results.All(r => r.Succeeded) ? NewsAggregatorCommandLine.Success : NewsAggregatorCommandLine.SourceFailed;
    }

    /// <summary>
    /// Each pass logged as the service logs it, then shown: at <c>--once</c>'s default level only a
    /// failed one is, as a warning with its reason, once (the pipeline's own line about it is Debug).
    /// </summary>
    private sealed class LoggedPasses(ILogger logger, IProgress<SourcePassResult> shown) : IProgress<SourcePassResult>
    {
        public void Report(SourcePassResult value)
        {
            ServiceLog.Pass(logger, value);
            shown.Report(value);
        }
    }

    private async Task<int> RunServiceAsync(WorkerSetup setup, CancellationToken cancellationToken)
    {
        using var host = NewsAggregatorHost.Build(setup, service: true, reload);
        await host.RunAsync(cancellationToken);
        return NewsAggregatorCommandLine.Success;
    }
}
