using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace NewsAggregator.Configuration;

/// <summary>
/// The worker's configuration in the usual .NET order, later sources winning: <c>appsettings.json</c>
/// (in the working directory, or the file <c>--config</c> names), then <c>NEWSAGGREGATOR_*</c>
/// environment variables (<c>__</c> for <c>:</c>), then <c>--Section:Key=value</c> on the command line.
/// </summary>
public static class WorkerConfiguration
{
    public const string EnvironmentPrefix = "NEWSAGGREGATOR_";
    public const string DefaultFileName = "appsettings.json";

    /// <param name="configFile">The file <c>--config</c> named (it must exist), or null for ./appsettings.json if there is one.</param>
    /// <param name="overrides">Command-line settings, each <c>--Section:Key=value</c>.</param>
    /// <exception cref="SettingsException">The file is missing, a folder, unreadable or not JSON.</exception>
    public static IConfigurationRoot Build(string? configFile, IReadOnlyList<string> overrides)
    {
        var file = configFile ?? (File.Exists(DefaultFileName) ? DefaultFileName : null);
        if (configFile is not null)
        {
            if (Directory.Exists(configFile))
            {
                throw new SettingsException($"{configFile}: is a folder, not a settings file (--config)");
            }
            if (!File.Exists(configFile))
            {
                throw new SettingsException($"{configFile}: no such settings file (--config)");
            }
        }

        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddCommandLine(overrides.ToArray());
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            var reason = e.InnerException is JsonException json
                ? $"invalid JSON{(json.LineNumber is { } line ? $" at line {line + 1}" : "")}: {FirstSentence(json.Message)}"
                : FirstSentence((e.InnerException ?? e).Message);
            throw new SettingsException($"{file}: cannot read the settings file: {reason}", e);
        }
    }

    /// <summary>Where the value of <paramref name="key"/> came from, in the words a user would write it.</summary>
    public static string Origin(IConfigurationRoot configuration, string key)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _))
            {
                continue;
            }
            return provider switch
            {
                EnvironmentVariablesConfigurationProvider => "environment variable " + EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal),
                CommandLineConfigurationProvider => "command line --" + key,
                JsonConfigurationProvider json => json.Source.FileProvider is Microsoft.Extensions.FileProviders.PhysicalFileProvider folder
                    ? Path.Combine(folder.Root, json.Source.Path ?? DefaultFileName)
                    : json.Source.Path ?? DefaultFileName,
                _ => provider.ToString() ?? "configuration",
            };
        }
        return "default";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message.TrimEnd('.') : message[..cut];
    }
}
