using Microsoft.Extensions.Logging;
using NewsAggregator.Pipeline;
using NewsAggregator.Storage;

namespace NewsAggregator.Hosting;

/// <summary>
/// The service's own log events, as message templates: each placeholder is a structured field
/// (<c>State</c> in the json format) besides its place in the line.
/// </summary>
internal static partial class ServiceLog
{
    private static readonly Func<ILogger, string, string, IDisposable?> PassScope =
        LoggerMessage.DefineScope<string, string>("source {SourceId} at {SourceUrl}");

    /// <summary>
    /// Every event of one pass, the pipeline's included, carries the source's id and URL as a scope
    /// (shown with <c>Logging:Console:FormatterOptions:IncludeScopes=true</c>).
    /// </summary>
    public static IDisposable? BeginPass(ILogger logger, Sources.Source source) => PassScope(logger, source.Id, source.Url.AbsoluteUri);

    /// <summary>One line per pass: Information when it worked, Warning with the reason when it failed.</summary>
    public static void Pass(ILogger logger, SourcePassResult result)
    {
        var elapsed = Math.Round(result.Elapsed.TotalSeconds, 1);
        // Times as the database writes them, in the json format too (a DateTimeOffset field would be culture-shaped text).
        var nextDue = result.NextDueAt is { } due ? NewsDatabase.Format(due) : "unknown";
        if (result.Succeeded)
        {
            if (result.NotModified)
            {
                PassNotModified(logger, result.SourceId, elapsed, nextDue);
            }
            else
            {
                PassSucceeded(logger, result.SourceId, result.NewArticles, result.Upgraded, result.Duplicates, result.Failed, result.Known, elapsed, nextDue);
            }
            return;
        }
        var reason = (result.Error, result.RecordError) switch
        {
            (null, var record) => $"the run could not be recorded: {record}",
            (var error, null) => error,
            var (error, record) => $"{error}; the run could not be recorded: {record}",
        };
        PassFailed(logger, result.SourceId, result.ConsecutiveFailures, reason, result.NewArticles, result.Upgraded, result.Duplicates, result.Failed, result.Known,
            elapsed, nextDue);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "NewsAggregator {Version} started: {EnabledSources} of {Sources} sources enabled in {SourcesPath}, database {DatabasePath}")]
    public static partial void Started(ILogger logger, string version, int enabledSources, int sources, string sourcesPath, string databasePath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "NewsAggregator {Version} stopped")]
    public static partial void Stopped(ILogger logger, string version);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information,
        Message = "{SourceId}: {NewArticles} new, {Upgraded} upgraded, {Duplicates} duplicate, {Failed} failed, {Known} known ({ElapsedSeconds} s); next pass at {NextDueAt}")]
    public static partial void PassSucceeded(ILogger logger, string sourceId, int newArticles, int upgraded, int duplicates, int failed, int known,
        double elapsedSeconds, string nextDueAt);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information,
        Message = "{SourceId}: not modified since the last pass ({ElapsedSeconds} s); next pass at {NextDueAt}")]
    public static partial void PassNotModified(ILogger logger, string sourceId, double elapsedSeconds, string nextDueAt);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning,
        Message = "{SourceId} failed ({ConsecutiveFailures} in a row): {Reason}; {NewArticles} new, {Upgraded} upgraded, {Duplicates} duplicate, " +
                  "{Failed} failed, {Known} known ({ElapsedSeconds} s); next pass at {NextDueAt}")]
    public static partial void PassFailed(ILogger logger, string sourceId, int consecutiveFailures, string reason, int newArticles, int upgraded, int duplicates,
        int failed, int known, double elapsedSeconds, string nextDueAt);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "{SourceId}: trigger moved, next pass at {NextPass}")]
    public static partial void Rescheduled(ILogger logger, string sourceId, string nextPass);

    [LoggerMessage(EventId = 14, Level = LogLevel.Debug, Message = "Scheduled job {Job} names no enabled source; skipped")]
    public static partial void NoSuchSource(ILogger logger, string job);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information,
        Message = "Retention ({Period}): pruned {Articles} articles first seen before {Cutoff}; {BytesGivenBack} bytes given back to the disk")]
    public static partial void Pruned(ILogger logger, long articles, string period, string cutoff, long bytesGivenBack);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Retention ({Period}): the prune failed: {Reason}; tried again tomorrow")]
    public static partial void PruneFailed(ILogger logger, string period, string reason);
}
