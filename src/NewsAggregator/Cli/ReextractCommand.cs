using System.CommandLine;
using System.Globalization;
using NewsAggregator.Extraction;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>reextract [--source ID]… [--since DATE] [--sources FILE] [--db FILE]</c>: today's extractor and
/// the sources' current selectors over the stored pages (<see cref="PageReextraction"/>), without the
/// network; prints what changed.
/// </summary>
internal static class ReextractCommand
{
    /// <summary>Problems printed one by one; past this many, only their number.</summary>
    private const int ProblemsShown = 20;

    public static Command Build(TextWriter output, TextWriter error)
    {
        var only = new Option<string[]>("--source")
        {
            Description = "Only the pages this source fetched (repeatable); a source gone from sources.json is allowed.",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = false,
        };
        // Text, checked in RunAsync, for a reason the user can act on.
        var since = new Option<string?>("--since")
        {
            Description = "Only pages fetched at or after this time: a date (2026-03-04, midnight UTC) or an ISO 8601 time (2026-03-04T12:00:00Z).",
            HelpName = "DATE",
        };
        var sources = SourcesOption.Create();
        var database = DatabaseOption.Create("The worker's SQLite database (must exist).");
        var config = ConfigOption.ForDatabase();
        var command = new Command("reextract",
            "Extract every stored page again with today's extractor and each source's current selectors; update the articles " +
            "that come out differently (new change_seq), merging those that are now copies of another story. Reads no network.")
        {
            only, since, sources, database, config,
        };
        command.SetAction((parse, token) => RunAsync(
            new ReextractRequest(parse.GetValue(only) ?? [], parse.GetValue(since), parse.GetValue(sources)!, parse.GetValue(database)!, parse.GetValue(config)),
            output, error, token));
        return command;
    }

    private sealed record ReextractRequest(IReadOnlyList<string> SourceIds, string? Since, string SourcesPath, string DatabasePath, string? ConfigPath);

    private static async Task<int> RunAsync(ReextractRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        DateTimeOffset? since = null;
        if (request.Since is { } sinceText)
        {
            if (!TryParseSince(sinceText, out var time))
            {
                await error.WriteLineAsync($"error: --since must be a date (2026-03-04) or an ISO 8601 time (2026-03-04T12:00:00Z), not {sinceText}");
                return NewsAggregatorCommandLine.UsageError;
            }
            since = time;
        }
        IReadOnlyList<Source> file;
        try
        {
            file = SourcesFile.Load(request.SourcesPath);
        }
        catch (SourcesFileException e)
        {
            return await SourcesOption.UsageErrorAsync(error, e.Message);
        }
        if (!File.Exists(request.DatabasePath))
        {
            await error.WriteLineAsync($"error: {request.DatabasePath}: no such database (--db); reextract works on the pages a run stored");
            return NewsAggregatorCommandLine.UsageError;
        }

        if (await ConfigOption.StorageAsync(request.ConfigPath, error) is not { } storage)
        {
            return NewsAggregatorCommandLine.UsageError;
        }
        NewsDatabase database;
        try
        {
            // Existing: an empty file is refused, not given the schema.
            database = NewsDatabase.OpenExisting(request.DatabasePath, storage);
        }
        catch (StorageException e)
        {
            return await ReportOutput.StorageErrorAsync(error, e);
        }
        try
        {
            var rules = file.ToDictionary(source => source.Id, source => source.ExtractionRules, StringComparer.Ordinal);
            var known = database.ReadSourceIds();
            var unknown = request.SourceIds.Where(id => !rules.ContainsKey(id) && !known.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                await error.WriteLineAsync(
                    $"error: no source with id {string.Join(", ", unknown.Select(id => $"\"{id}\""))} in {request.SourcesPath} or {request.DatabasePath} (--source)");
                return NewsAggregatorCommandLine.UsageError;
            }

            var problems = 0;
            var reextraction = new PageReextraction(database, new ArticleExtractor(), rules, TimeProvider.System);
            var selection = new PageSelection(request.SourceIds.Distinct(StringComparer.Ordinal).ToList(), since);
            ReextractionSummary summary;
            try
            {
                summary = reextraction.Run(selection, problem =>
                {
                    if (++problems <= ProblemsShown)
                    {
                        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{(problem.Failed ? "failed" : "skipped")}: article {problem.ArticleId} ({problem.Url}): {problem.Reason}"));
                    }
                }, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("stopped: the batches written so far are kept; run reextract again for the rest");
                return NewsAggregatorCommandLine.SourceFailed;
            }
            if (problems > ProblemsShown)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"... and {problems - ProblemsShown} more"));
            }
            foreach (var (sourceId, pages) in summary.WithoutSelectors.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"note: source \"{sourceId}\" is not in {request.SourcesPath}: its {pages} page(s) were extracted without selectors"));
            }
            await output.WriteLineAsync(Describe(summary));
            return summary.Failed > 0 ? NewsAggregatorCommandLine.SourceFailed : NewsAggregatorCommandLine.Success;
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

    /// <summary>The summary line: every count named, skipped only when there were some.</summary>
    internal static string Describe(ReextractionSummary summary) =>
        FormattableString.Invariant(
            $"re-extracted {summary.Reextracted}, changed {summary.Changed}, unchanged {summary.Unchanged}, merged {summary.Merged}, failed {summary.Failed}")
        + (summary.Skipped > 0 ? FormattableString.Invariant($", skipped {summary.Skipped} (see standard error)") : "");

    /// <summary>A date alone is midnight UTC; a time without an offset is UTC.</summary>
    private static bool TryParseSince(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out time)
            && text.Contains('T', StringComparison.Ordinal);
}
