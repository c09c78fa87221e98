using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>sources list [--json] [--sources FILE] [--db FILE]</c>: every source with its health from
/// the database, for an operator (a table) or a script (JSON). Only reads: a missing database is
/// refused, not created, and nothing is migrated (<see cref="SourceHealthQuery"/>).
/// </summary>
internal static partial class SourcesListCommand
{
    private static readonly string[] Headings = ["ID", "STATUS", "ENABLED", "LAST SUCCESS", "FAILURES", "NEXT DUE", "ARTICLES", "GIVEN UP", "LAST ERROR"];

    public static Command Build(TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array (one object per source) instead of the table." };
        var sources = SourcesOption.Create();
        var database = ReportOutput.DatabaseOption();
        var config = ConfigOption.ForDatabase();
        var command = new Command("list",
            "List every source with its health from the database: enabled, last success, failures in a row, next due, articles stored, entries given up, last error.")
        {
            json, sources, database, config,
        };
        command.SetAction((parse, token) =>
            RunAsync(parse.GetValue(sources)!, parse.GetValue(database)!, parse.GetValue(config), parse.GetValue(json), output, error, token));
        return command;
    }

    private static async Task<int> RunAsync(
        string sourcesPath, string databasePath, string? configPath, bool asJson, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<Source> file;
        try
        {
            file = SourcesFile.Load(sourcesPath);
        }
        catch (SourcesFileException e)
        {
            return await SourcesOption.UsageErrorAsync(error, e.Message);
        }

        if (await ConfigOption.StorageAsync(configPath, error) is not { } storage)
        {
            return NewsAggregatorCommandLine.UsageError;
        }
        IReadOnlyList<StoredSourceHealth> stored;
        try
        {
            stored = SourceHealthQuery.Read(databasePath, storage);
        }
        catch (StorageException e)
        {
            return await ReportOutput.StorageErrorAsync(error, e);
        }

        var rows = SourceHealthRow.Of(file, stored);
        await output.WriteAsync(asJson ? JsonSerializer.Serialize(rows, Json.IReadOnlyListSourceHealthRow) + Environment.NewLine : ReportOutput.Table(Headings, rows.Select(Cells)));
        await output.FlushAsync(cancellationToken);
        return NewsAggregatorCommandLine.Success;
    }

    private static string[] Cells(SourceHealthRow row) =>
    [
        row.Id,
        row.Status,
        row.Enabled ? "yes" : "no",
        row.LastSuccessAt ?? "-",
        row.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture),
        row.NextDueAt ?? "-",
        row.Articles.ToString(CultureInfo.InvariantCulture),
        row.GivenUpEntries.ToString(CultureInfo.InvariantCulture),
        // One line per source: an error with line breaks (entry lists) is folded onto one.
        row.LastError ?? "-",
    ];

    /// <summary>Serialisation code generated at build time: the worker is compiled ahead of time, without reflection.</summary>
    [JsonSerializable(typeof(IReadOnlyList<SourceHealthRow>))]
    private sealed partial class SourceHealthJson : JsonSerializerContext;

    private static readonly SourceHealthJson Json = new(ReportOutput.JsonOptions());
}
