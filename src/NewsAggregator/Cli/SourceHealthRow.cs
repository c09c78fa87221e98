using System.Text.Json.Serialization;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>
/// One line of <c>sources list</c>: a source of the file or of the database with its health.
/// The JSON property names are part of the command's documented output (README): never rename one.
/// </summary>
internal sealed record SourceHealthRow
{
    public const string Ok = "ok";
    public const string Failing = "failing";
    public const string NeverRun = "never-run";
    public const string NotInFile = "not-in-file";

    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    /// <summary><see cref="Ok"/>, <see cref="Failing"/>, <see cref="NeverRun"/> or <see cref="NotInFile"/>.</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("inSourcesFile")] public required bool InSourcesFile { get; init; }
    [JsonPropertyName("enabled")] public required bool Enabled { get; init; }
    [JsonPropertyName("lastRunAt")] public string? LastRunAt { get; init; }
    [JsonPropertyName("lastSuccessAt")] public string? LastSuccessAt { get; init; }
    [JsonPropertyName("consecutiveFailures")] public int ConsecutiveFailures { get; init; }
    [JsonPropertyName("lastError")] public string? LastError { get; init; }
    [JsonPropertyName("nextDueAt")] public string? NextDueAt { get; init; }
    [JsonPropertyName("articles")] public long Articles { get; init; }
    /// <summary>Entries given up after failing too often: not asked for again while the feed lists them.</summary>
    [JsonPropertyName("givenUpEntries")] public long GivenUpEntries { get; init; }

    /// <summary>
    /// The file's sources in the file's order, each with what the database knows of it; then the
    /// sources the database still has but the file no longer lists (their articles stay), by id.
    /// </summary>
    public static IReadOnlyList<SourceHealthRow> Of(IReadOnlyList<Source> file, IReadOnlyList<StoredSourceHealth> stored)
    {
        var byId = stored.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var listed = file.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return file
            .Select(source => From(source.Id, source.Name, source.Enabled, inFile: true, byId.GetValueOrDefault(source.Id)))
            .Concat(stored.Where(s => !listed.Contains(s.Id)).OrderBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => From(s.Id, s.Name, s.Enabled, inFile: false, s)))
            .ToList();
    }

    private static SourceHealthRow From(string id, string name, bool enabled, bool inFile, StoredSourceHealth? stored)
    {
        var state = stored?.State;
        return new SourceHealthRow
        {
            Id = id,
            // The file's name and enabled flag win: they are what the next run uses.
            Name = name,
            Status = !inFile ? NotInFile : state is null ? NeverRun : state.ConsecutiveFailures > 0 ? Failing : Ok,
            InSourcesFile = inFile,
            Enabled = enabled,
            LastRunAt = Time(state?.LastRunAt),
            LastSuccessAt = Time(state?.LastSuccessAt),
            ConsecutiveFailures = state?.ConsecutiveFailures ?? 0,
            LastError = state?.LastError,
            NextDueAt = Time(state?.NextDueAt),
            Articles = stored?.Articles ?? 0,
            GivenUpEntries = stored?.GivenUpEntries ?? 0,
        };
    }

    private static string? Time(DateTimeOffset? time) => time is { } value ? NewsDatabase.Format(value) : null;
}
