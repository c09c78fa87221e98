using System.CommandLine;
using NewsAggregator.Configuration;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>--config FILE</c>, the same on every command that reads the worker's settings: the file, or
/// ./appsettings.json when there is one, then <c>NEWSAGGREGATOR_*</c> environment variables
/// (<see cref="WorkerConfiguration"/>).
/// </summary>
internal static class ConfigOption
{
    public static Option<string?> Create(string description) => new("--config")
    {
        Description = description,
        HelpName = "FILE",
    };

    /// <summary><c>--config</c> on the commands that open the worker's database, for its busy timeout (<see cref="StorageAsync"/>).</summary>
    public static Option<string?> ForDatabase() => Create(
        "The worker's settings file, for Storage:BusyTimeoutSeconds (how long to wait for the worker's write lock); " +
        "default ./appsettings.json when it exists, NEWSAGGREGATOR_* environment variables override it.");

    /// <summary>
    /// How a command other than the worker opens the database: it waits for the worker's write lock
    /// as long as the worker's settings say (a prune from cron beside a busy service), and leaves
    /// the full-text index as the database has it, since keeping or dropping it is the worker's
    /// setting to apply. Null, after an <c>error:</c> line, when the settings cannot be read.
    /// </summary>
    public static async Task<StorageOptions?> StorageAsync(string? configPath, TextWriter error)
    {
        try
        {
            var storage = WorkerSettingsRegistration.Check(WorkerConfiguration.Build(configPath, [])).Storage;
            return StorageOptions.Default with { BusyTimeout = storage.BusyTimeout };
        }
        catch (SettingsException e)
        {
            await SourcesOption.UsageErrorAsync(error, e.Message);
            return null;
        }
    }
}
