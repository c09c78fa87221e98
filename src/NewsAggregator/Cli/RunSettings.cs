namespace NewsAggregator.Cli;

/// <summary>What the command line asked of a run.</summary>
public sealed record RunSettings
{
    public bool Once { get; init; }
    public required string SourcesPath { get; init; }
    public required string DatabasePath { get; init; }
    public IReadOnlyList<string> OnlySourceIds { get; init; } = [];

    /// <summary>With <c>--once</c>: a live progress line or plain lines (<c>--progress</c>).</summary>
    public ProgressRequest Progress { get; init; } = ProgressRequest.Auto;

    /// <summary>The settings file <c>--config</c> named; null for ./appsettings.json when there is one.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Settings given on the command line, each <c>--Section:Key=value</c>.</summary>
    public IReadOnlyList<string> SettingOverrides { get; init; } = [];
}
