using System.CommandLine;
using System.Globalization;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>prune --older-than DURATION [--dry-run] [--vacuum] [--db FILE]</c>: deletes the articles first
/// seen longer ago than DURATION, with everything keyed by them, then gives the space back
/// (<see cref="NewsDatabase.Prune"/>). Safe beside a running worker: it deletes a batch per transaction.
/// </summary>
internal static class PruneCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        // Text, checked in RunAsync: the reason for a bad duration is ours to give, on one line.
        var olderThan = new Option<string>("--older-than")
        {
            Description = "Delete the articles first seen longer ago than this: a whole number and h (hours), d (days), w (weeks) or y (years), e.g. 90d, 12w, 2y.",
            HelpName = "DURATION",
            Required = true,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be deleted; change nothing." };
        var vacuum = new Option<bool>("--vacuum")
        {
            Description = "On a database made before incremental vacuum, rewrite the file (VACUUM) to give the freed space back to the disk: " +
                          "needs free disk as large as the database, and the worker's writes wait while it runs.",
        };
        var database = DatabaseOption.Create("The worker's SQLite database (never created by prune).");
        var config = ConfigOption.ForDatabase();
        var command = new Command("prune",
            "Delete the articles first seen longer ago than --older-than, with their sightings and index rows, " +
            "in short transactions (safe beside a running worker), then give the space back to the disk.")
        {
            olderThan, dryRun, vacuum, database, config,
        };
        command.SetAction((parse, token) => RunAsync(
            parse.GetValue(olderThan)!, parse.GetValue(dryRun), parse.GetValue(vacuum), parse.GetValue(database)!, parse.GetValue(config), output, error, token));
        return command;
    }

    private static async Task<int> RunAsync(
        string olderThan, bool dryRun, bool vacuum, string databasePath, string? configPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!RetentionPeriod.TryParse(olderThan, out var period, out var problem))
        {
            await error.WriteLineAsync($"error: --older-than {olderThan}: {problem}");
            return NewsAggregatorCommandLine.UsageError;
        }
        if (await ConfigOption.StorageAsync(configPath, error) is not { } storage)
        {
            return NewsAggregatorCommandLine.UsageError;
        }
        if (dryRun)
        {
            return await PreviewAsync(databasePath, period, storage, output, error);
        }
        NewsDatabase database;
        try
        {
            database = NewsDatabase.OpenExisting(databasePath, storage);
        }
        catch (StorageException e)
        {
            return await ReportOutput.StorageErrorAsync(error, e);
        }
        var done = new PruneProgress(0, 0);
        try
        {
            var now = DateTimeOffset.UtcNow;
            var cutoff = period.CutoffBefore(now);
            var report = await Task.Run(() => database.Prune(cutoff, now, new PruneOptions { Vacuum = vacuum }, step => done = step, cancellationToken),
                CancellationToken.None);
            await WriteAsync(output, report, period);
            return NewsAggregatorCommandLine.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"stopped: {done.Articles} articles were pruned before the stop (they stay deleted); run prune again to finish"));
            return NewsAggregatorCommandLine.SourceFailed;
        }
        catch (StorageException e)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"error: {e.Message}; {done.Articles} articles were pruned before it (they stay deleted)"));
            return e.Failure == StorageFailure.Unusable ? NewsAggregatorCommandLine.UsageError : NewsAggregatorCommandLine.SourceFailed;
        }
        finally
        {
            database.Close();
        }
    }

    /// <summary>
    /// <c>--dry-run</c>: only reads, as the reports do, so that it never creates, fills or migrates
    /// the file (an empty file given as --db used to come out of a dry run with the whole schema).
    /// </summary>
    private static async Task<int> PreviewAsync(string databasePath, RetentionPeriod period, StorageOptions storage, TextWriter output, TextWriter error)
    {
        PruneReport report;
        try
        {
            report = NewsDatabase.PreviewPrune(databasePath, period.CutoffBefore(DateTimeOffset.UtcNow), storage);
        }
        catch (StorageException e)
        {
            return await ReportOutput.StorageErrorAsync(error, e);
        }
        await WriteAsync(output, report, period);
        return NewsAggregatorCommandLine.Success;
    }

    private static async Task WriteAsync(TextWriter output, PruneReport report, RetentionPeriod period)
    {
        foreach (var line in PruneSummary.Lines(report, period))
        {
            await output.WriteLineAsync(line);
        }
    }
}

/// <summary>What a prune did, as lines for a person: <c>prune</c>'s output and <c>--once</c>'s retention line.</summary>
internal static class PruneSummary
{
    public static IEnumerable<string> Lines(PruneReport report, RetentionPeriod period)
    {
        var verb = report.DryRun ? "would prune" : "pruned";
        yield return Invariant($"{verb} {report.Articles} articles first seen before {NewsDatabase.Format(report.Cutoff)} (older than {period})") +
                     (report.DryRun ? "; nothing was deleted (--dry-run)" : "");
        yield return "rows with them: " + string.Join(", ", report.DependentRows.Select(rows => Invariant($"{rows.Table} {rows.Rows}")));
        yield return Invariant($"URLs remembered so that feeds still listing them do not bring them back: {report.UrlsRemembered}; ") +
                     Invariant($"forgotten (no source listed them since the cutoff): {report.UrlsForgotten}");
        yield return Space(report);
    }

    private static string Space(PruneReport report)
    {
        var sizes = $"database {Megabytes(report.BytesBefore)}";
        return report.Reclaim switch
        {
            _ when report.DryRun => sizes,
            SpaceReclaim.NothingFreed => sizes + ", nothing to give back",
            SpaceReclaim.KeptForReuse =>
                $"{sizes}, of which {Megabytes(report.FreeBytesAfter)} free for new articles: the file was made before incremental vacuum; " +
                "prune --vacuum gives the space back to the disk (it rewrites the file)",
            var how => $"{sizes} -> {Megabytes(report.BytesAfter)} ({Megabytes(report.BytesBefore - report.BytesAfter)} given back to the disk by " +
                       (how == SpaceReclaim.Vacuum ? "VACUUM" : how == SpaceReclaim.AutoVacuum ? "auto-vacuum" : "incremental vacuum") + ")",
        };
    }

    private static string Megabytes(long bytes) => Invariant($"{bytes / 1_000_000.0:0.0} MB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
