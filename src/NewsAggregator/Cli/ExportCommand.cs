using System.CommandLine;
using System.Globalization;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>export [--since N] [--format jsonl|csv] [--deletions] [--limit K] [--output FILE] [--db FILE]</c>: the
/// change feed for pipelines. Every article inserted or changed after change value N, in
/// sequence order, with its sightings; the cursor for next time on standard error. Only reads,
/// like <c>sources list</c> (<see cref="ChangeExportQuery"/>).
/// </summary>
internal static class ExportCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        // Text, checked in RunAsync: a parser's error for "abc" would come with a second usage line.
        var since = new Option<string>("--since")
        {
            Description = "Export the articles whose change_seq is above N: the cursor the previous export printed (0: every article).",
            DefaultValueFactory = _ => "0",
            HelpName = "N",
        };
        var format = new Option<string>("--format")
        {
            Description = "jsonl (one JSON object per line) or csv (RFC 4180, with a header; sightings as a JSON array in one field).",
            DefaultValueFactory = _ => "jsonl",
            HelpName = "jsonl|csv",
        };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var limit = new Option<string?>("--limit")
        {
            Description = "Stop after K articles; the cursor printed is then the K-th article's change_seq.",
            HelpName = "K",
        };
        var deletions = new Option<bool>("--deletions")
        {
            Description = "Also write the articles deleted after --since N (pruned, or merged into another by reextract), in change order, " +
                "as {\"change_seq\", \"id\", \"deleted\": true, \"deleted_at\", \"reason\", \"merged_into\"} lines (jsonl only).",
        };
        var outputFile = OutputFile.Create("Write to this file (replaced once the export is complete; a symbolic link's target) instead of standard output.");
        var database = ReportOutput.DatabaseOption();
        var config = ConfigOption.ForDatabase();
        var command = new Command("export",
            "Write every article inserted or changed after --since N (new story, longer text, new sighting), in change order, with its sightings; " +
            "prints 'next: --since M' to standard error.")
        {
            since, format, deletions, limit, outputFile, database, config,
        };
        command.SetAction((parse, token) => RunAsync(
            new ExportRequest(parse.GetValue(since)!, parse.GetValue(format)!, parse.GetValue(deletions), parse.GetValue(limit),
                parse.GetValue(outputFile), parse.GetValue(database)!, parse.GetValue(config)),
            output, error, token));
        return command;
    }

    private sealed record ExportRequest(string Since, string Format, bool Deletions, string? Limit, string? OutputPath, string DatabasePath, string? ConfigPath);

    private static async Task<int> RunAsync(ExportRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!long.TryParse(request.Since, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var since) || since < 0)
        {
            await error.WriteLineAsync($"error: --since must be a whole number, 0 or more (the cursor a previous export printed), not {request.Since}");
            return NewsAggregatorCommandLine.UsageError;
        }
        if (request.Deletions && request.Format != "jsonl")
        {
            await error.WriteLineAsync("error: --deletions needs --format jsonl: a deletion is not an article, and a CSV row has room only for articles");
            return NewsAggregatorCommandLine.UsageError;
        }
        long? limit = null;
        if (request.Limit is { } limitText)
        {
            if (!long.TryParse(limitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                await error.WriteLineAsync($"error: --limit must be a whole number, 1 or more, not {limitText}");
                return NewsAggregatorCommandLine.UsageError;
            }
            limit = count;
        }
        string? outputTarget = null;
        if (request.OutputPath is { } path)
        {
            try
            {
                outputTarget = OutputFile.Check(path, $"the {request.Format} export", OutputFile.Database(request.DatabasePath));
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"error: --output {path}: {e.Message}");
                return NewsAggregatorCommandLine.UsageError;
            }
        }
        if (await ConfigOption.StorageAsync(request.ConfigPath, error) is not { } storage)
        {
            return NewsAggregatorCommandLine.UsageError;
        }

        // Into a file beside --output, renamed over it when complete: a pipeline never reads half an export.
        // Beside the file a symbolic link leads to, and renamed over that, so that the link stays.
        // A named pipe or a device (/dev/stdout, /dev/null) is written as it is, as a shell's > does:
        // a file renamed over it would replace it, and its reader would get nothing.
        var inPlace = request.OutputPath is { } named && FileKind.Special(named) is not null;
        var partial = outputTarget is null || inPlace ? null : $"{outputTarget}.partial-{Environment.ProcessId}";
        try
        {
            ChangeExportResult result;
            using (var target = inPlace ? InPlace(request.OutputPath!) : partial is null ? null : new StreamWriter(partial, append: false))
            {
                var writer = ChangeFeedWriter.For(request.Format, target ?? output);
                void Written(Action write)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        write();
                    }
                    catch (IOException e)
                    {
                        throw new ExportOutputException(e);
                    }
                }
                result = ChangeExportQuery.Read(request.DatabasePath, since, limit, article => Written(() => writer.Write(article)),
                    writeDeletion: request.Deletions ? deletion => Written(() => writer.Write(deletion)) : null, options: storage);
                writer.Flush();
            }
            if (since > result.LastChange)
            {
                // The counter only grows, so a cursor this database gave out is never above it: this
                // one came from another database, or this one was put back from an older copy. Saying
                // "nothing new" would leave the pipeline waiting forever.
                await error.WriteLineAsync(
                    FormattableString.Invariant($"error: --since {since} is past the last change of {request.DatabasePath} ({result.LastChange}): ") +
                    "the cursor comes from another database, or this one was restored from an older copy; export again from --since 0");
                return NewsAggregatorCommandLine.UsageError;
            }
            if (partial is not null)
            {
                File.Move(partial, outputTarget!, overwrite: true);
            }
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"next: --since {result.NextSince}"));
            return NewsAggregatorCommandLine.Success;
        }
        catch (StorageException e)
        {
            return await ReportOutput.StorageErrorAsync(error, e);
        }
        catch (Exception e) when (e is ExportOutputException or IOException or UnauthorizedAccessException)
        {
            // The system names the file it failed on, ours beside --output; the user knows only --output.
            var reason = partial is null ? e.Message : e.Message.Replace(partial, request.OutputPath, StringComparison.Ordinal);
            await error.WriteLineAsync($"error: {(request.OutputPath is null ? "standard output" : "--output " + request.OutputPath)}: {reason}; nothing was exported");
            return NewsAggregatorCommandLine.SourceFailed;
        }
        finally
        {
            if (partial is not null)
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>
    /// The pipe or device itself, by the name given: a link such as /dev/stdout leads, through
    /// /proc, to a pipe that has no path of its own to write to.
    /// </summary>
    private static StreamWriter InPlace(string path) =>
        new(new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Write, Share = FileShare.ReadWrite }));

    /// <summary>Writing the export failed (a full disk): kept apart from the database's own I/O errors, which ReadOnlyDatabase reports.</summary>
    private sealed class ExportOutputException(IOException inner) : Exception(inner.Message, inner);
}
