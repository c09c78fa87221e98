using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsAggregator.Hosting;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>The main job: <c>--once</c> over the sources, or the scheduled service.</summary>
internal sealed class RunCommand(TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<Source> sources;
        try
        {
            sources = SelectSources(SourcesFile.Load(settings.SourcesPath), settings);
        }
        catch (SourcesFileException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return NewsAggregatorCommandLine.UsageError;
        }

        NewsDatabase database;
        try
        {
            database = NewsDatabase.Open(settings.DatabasePath);
        }
        catch (StorageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            // A file that cannot be our database is the user's to fix; a lock or a full disk may pass.
            return e.Failure == StorageFailure.Unusable ? NewsAggregatorCommandLine.UsageError : NewsAggregatorCommandLine.SourceFailed;
        }

        try
        {
            database.SyncSources(sources, DateTimeOffset.UtcNow);
            var exitCode = settings.Once
                ? await RunOnceAsync(sources, database, cancellationToken)
                : await RunServiceAsync(sources, database, cancellationToken);
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

    private IReadOnlyList<Source> SelectSources(IReadOnlyList<Source> all, RunSettings settings)
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

    private async Task<int> RunOnceAsync(IReadOnlyList<Source> sources, NewsDatabase database, CancellationToken cancellationToken)
    {
        using var host = NewsAggregatorHost.Build(sources, database, error, service: false);
        var run = host.Services.GetRequiredService<AggregationRun>();
        var enabled = sources.Where(s => s.Enabled).ToList();
        if (enabled.Count == 0)
        {
            await output.WriteLineAsync("no enabled sources");
            return NewsAggregatorCommandLine.Success;
        }

        IReadOnlyList<SourcePassResult> results;
        try
        {
            results = await run.RunOnceAsync(enabled, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("stopped before every source had run");
            return NewsAggregatorCommandLine.SourceFailed;
        }

        foreach (var result in results)
        {
            await output.WriteLineAsync(result.SummaryLine());
        }
        var failed = results.Count(r => !r.Succeeded);
        await output.WriteLineAsync(
            $"{results.Count} sources: {results.Count - failed} ok, {failed} failed; " +
            $"{results.Sum(r => r.NewArticles)} new articles, {results.Sum(r => r.Duplicates)} duplicates, " +
            $"{results.Sum(r => r.Failed)} articles failed");
        return failed == 0 ? NewsAggregatorCommandLine.Success : NewsAggregatorCommandLine.SourceFailed;
    }

    private async Task<int> RunServiceAsync(IReadOnlyList<Source> sources, NewsDatabase database, CancellationToken cancellationToken)
    {
        using var host = NewsAggregatorHost.Build(sources, database, error, service: true);
        await host.RunAsync(cancellationToken);
        return NewsAggregatorCommandLine.Success;
    }
}
