using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>One entry of sources.json as the tests write it (the DESIGN.md contract).</summary>
public sealed record SourceEntry(string Id, string Name, string Type, string Url)
{
    public string? LinkSelector { get; init; }

    public bool? Enabled { get; init; }

    public string? ContentSelector { get; init; }

    public string[]? RemoveSelectors { get; init; }
}

/// <summary>Writes sources.json at test time, when the fixture server's port is known.</summary>
public static class SourcesJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Serialize(IEnumerable<SourceEntry> sources) =>
        JsonSerializer.Serialize(new { sources }, Options);

    public static string Write(TempWorkspace workspace, IEnumerable<SourceEntry> sources) =>
        workspace.WriteFile("sources.json", Serialize(sources));
}
