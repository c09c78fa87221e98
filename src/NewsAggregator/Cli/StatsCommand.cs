using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>stats [--days N] [--json] [--sources FILE] [--db FILE]</c>: what the passes of the last N
/// UTC days did, per source and day, with totals per day and overall, from the <c>runs</c> table.
/// Only reads, like <c>sources list</c> (<see cref="RunStatsQuery"/>).
/// </summary>
internal static partial class StatsCommand
{
    public const int MaxDays = 3650;
    private const string AllSources = "(all)";
    private const string DayFormat = "yyyy-MM-dd";

    private static readonly string[] Headings = ["DAY", "SOURCE", "RUNS", "STORED", "DUPLICATES", "FAILED ENTRIES", "FAILED RUNS"];

    public static Command Build(TextWriter output, TextWriter error)
    {
        // Text, checked in RunAsync: a parser's error for "abc" would come with a second usage line.
        var days = new Option<string>("--days")
        {
            Description = $"How many UTC days back, today included (1 to {MaxDays}).",
            DefaultValueFactory = _ => "7",
            HelpName = "N",
        };
        var until = new Option<string?>("--until")
        {
            Description = "The window's last UTC day, yyyy-MM-dd (default: today).",
            HelpName = "DAY",
        };
        var json = new Option<bool>("--json") { Description = "Print a JSON object instead of the table." };
        var sources = SourcesOption.Create();
        var database = ReportOutput.DatabaseOption();
        var config = ConfigOption.ForDatabase();
        var command = new Command("stats",
            "Per source and UTC day over the last N days: passes, articles stored, duplicates removed, failed entries and failed passes; totals per day and overall.")
        {
            days, until, json, sources, database, config,
        };
        command.SetAction((parse, token) => RunAsync(
            parse.GetValue(days)!, parse.GetValue(until), parse.GetValue(sources)!, parse.GetValue(database)!, parse.GetValue(config), parse.GetValue(json), output, error, token));
        return command;
    }

    private static async Task<int> RunAsync(
        string daysText, string? untilText, string sourcesPath, string databasePath, string? configPath, bool asJson, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!int.TryParse(daysText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days) || days is < 1 or > MaxDays)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"error: --days must be a whole number from 1 to {MaxDays}, not {daysText}"));
            return NewsAggregatorCommandLine.UsageError;
        }

        IReadOnlyList<Source> file;
        try
        {
            file = SourcesFile.Load(sourcesPath);
        }
        catch (SourcesFileException e)
        {
            return await SourcesOption.UsageErrorAsync(error, e.Message);
        }

        var lastDay = DateOnly.FromDateTime(DateTimeOffset.UtcNow.UtcDateTime);
        if (untilText is not null && !DateOnly.TryParseExact(untilText, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out lastDay))
        {
            await error.WriteLineAsync($"error: --until must be a day as yyyy-MM-dd, not {untilText}");
            return NewsAggregatorCommandLine.UsageError;
        }
        // DateOnly ends at 0001-01-01; a window reaching before it has no first day to count from.
        if (lastDay.DayNumber - (days - 1) < DateOnly.MinValue.DayNumber)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"error: --days {days} ending {lastDay:yyyy-MM-dd} falls outside the calendar, which starts on {DateOnly.MinValue:yyyy-MM-dd}; give a later --until or fewer --days"));
            return NewsAggregatorCommandLine.UsageError;
        }
        var firstDay = lastDay.AddDays(1 - days);
        if (await ConfigOption.StorageAsync(configPath, error) is not { } storage)
        {
            return NewsAggregatorCommandLine.UsageError;
        }
        IReadOnlyList<RunStats> stats;
        try
        {
            stats = RunStatsQuery.Read(databasePath, firstDay, lastDay, storage);
        }
        catch (StorageException e)
        {
            return await ReportOutput.StorageErrorAsync(error, e);
        }

        // Within a day, sources in the file's order, as sources list shows them; then those only
        // the database knows, by id.
        var order = file.Select((source, index) => (source.Id, index)).ToDictionary(s => s.Id, s => s.index, StringComparer.Ordinal);
        var rows = stats
            .OrderBy(row => row.Day)
            .ThenBy(row => order.GetValueOrDefault(row.SourceId, int.MaxValue))
            .ThenBy(row => row.SourceId, StringComparer.Ordinal)
            .Select(row => new StatsRow(row.Day.ToString(DayFormat, CultureInfo.InvariantCulture), row.SourceId, Counts.Of([row])))
            .ToList();
        var perDay = stats.GroupBy(row => row.Day).OrderBy(day => day.Key)
            .Select(day => new StatsRow(day.Key.ToString(DayFormat, CultureInfo.InvariantCulture), null, Counts.Of([.. day])))
            .ToList();
        var report = new StatsReport(days, firstDay.ToString(DayFormat, CultureInfo.InvariantCulture),
            lastDay.ToString(DayFormat, CultureInfo.InvariantCulture), rows, perDay, Counts.Of(stats));

        await output.WriteAsync(asJson ? JsonSerializer.Serialize(report, Json.StatsReport) + Environment.NewLine : Table(report));
        await output.FlushAsync(cancellationToken);
        return NewsAggregatorCommandLine.Success;
    }

    /// <summary>Each day's sources, then that day's total; the window's total last.</summary>
    private static string Table(StatsReport report)
    {
        var lines = new List<string[]>();
        foreach (var day in report.PerDay)
        {
            lines.AddRange(report.Rows.Where(row => row.Day == day.Day).Select(row => Cells(row.Day, row.Source!, row.Counts)));
            lines.Add(Cells(day.Day, AllSources, day.Counts));
        }
        lines.Add(Cells("total", AllSources, report.Total));
        return ReportOutput.Table(Headings, lines);
    }

    private static string[] Cells(string day, string source, Counts counts) =>
    [
        day,
        source,
        .. new[] { counts.Runs, counts.Stored, counts.Duplicates, counts.FailedEntries, counts.FailedRuns }
            .Select(count => count.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>The JSON of <c>stats --json</c>; its property names are documented in the README: never rename one.</summary>
    private sealed record StatsReport(
        [property: JsonPropertyName("days")] int Days,
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("rows")] IReadOnlyList<StatsRow> Rows,
        [property: JsonPropertyName("perDay")] IReadOnlyList<StatsRow> PerDay,
        [property: JsonPropertyName("total")] Counts Total);

    /// <summary>A source's day (<see cref="Source"/> set) or a whole day (<see cref="Source"/> null, left out of the JSON).</summary>
    private sealed record StatsRow(
        [property: JsonPropertyName("day")] string Day,
        [property: JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source,
        [property: JsonPropertyName("counts")] Counts Counts);

    private sealed record Counts(
        [property: JsonPropertyName("runs")] long Runs,
        [property: JsonPropertyName("stored")] long Stored,
        [property: JsonPropertyName("duplicates")] long Duplicates,
        [property: JsonPropertyName("failedEntries")] long FailedEntries,
        [property: JsonPropertyName("failedRuns")] long FailedRuns)
    {
        public static Counts Of(IReadOnlyCollection<RunStats> rows) => new(
            rows.Sum(r => r.Runs), rows.Sum(r => r.Stored), rows.Sum(r => r.Duplicates),
            rows.Sum(r => r.FailedEntries), rows.Sum(r => r.FailedRuns));
    }

    /// <summary>Serialisation code generated at build time: the worker is compiled ahead of time, without reflection.</summary>
    [JsonSerializable(typeof(StatsReport))]
    private sealed partial class StatsReportJson : JsonSerializerContext;

    private static readonly StatsReportJson Json = new(ReportOutput.JsonOptions());
}
