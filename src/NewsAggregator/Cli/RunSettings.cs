namespace NewsAggregator.Cli;

/// <summary>What the command line asked of a run.</summary>
public sealed record RunSettings
{
    public bool Once { get; init; }
    public required string SourcesPath { get; init; }
    public required string DatabasePath { get; init; }
    public IReadOnlyList<string> OnlySourceIds { get; init; } = [];
}
