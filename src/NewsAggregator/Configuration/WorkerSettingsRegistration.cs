using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsAggregator.Configuration;

/// <summary>
/// Binds the worker's settings sections the .NET way (<c>AddOptions&lt;T&gt;().BindConfiguration</c>)
/// and checks them when the host starts: a value out of range, one that is not a number, and a
/// key the worker does not know each stop the start with a message naming the setting, where it
/// came from and what is accepted. Nothing wrong is silently replaced by a default.
/// </summary>
public static partial class WorkerSettingsRegistration
{
    public static IServiceCollection AddWorkerSettings(this IServiceCollection services, IConfigurationRoot configuration)
    {
        Add<WorkerSettings>(services, configuration, "", WorkerSettings.KnownKeys);
        Add<FetchSettings>(services, configuration, FetchSettings.Section, null);
        Add<StorageSettings>(services, configuration, StorageSettings.Section, null);
        return services;
    }

    /// <summary>
    /// Binds and checks every setting before anything else starts (the start-up validation the
    /// host would run, run early so that a wrong setting stops the worker before it opens the
    /// database or reads a source), and returns what the pipeline is built from.
    /// </summary>
    /// <exception cref="SettingsException">Each wrong setting, one per line.</exception>
    public static CheckedSettings Check(IConfigurationRoot configuration)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddWorkerSettings(configuration)
            .BuildServiceProvider();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            var worker = services.GetRequiredService<IOptions<WorkerSettings>>().Value;
            return new CheckedSettings(
                services.GetRequiredService<IOptions<FetchSettings>>().Value.ToFetchOptions(),
                worker.ToAggregationOptions(),
                services.GetRequiredService<IOptions<StorageSettings>>().Value.ToStorageOptions());
        }
        catch (OptionsValidationException e)
        {
            throw new SettingsException(string.Join(Environment.NewLine, e.Failures.Distinct(StringComparer.Ordinal)), e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            var failures = e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures);
            throw new SettingsException(string.Join(Environment.NewLine, failures.Distinct(StringComparer.Ordinal)), e);
        }
        catch (InvalidOperationException e) when (UnconvertibleValue().Match(e.Message) is { Success: true } match)
        {
            // The binder's own words name the key but not what would be right.
            var key = match.Groups["key"].Value;
            throw new SettingsException(
                $"setting {key} = \"{configuration[key]}\" ({WorkerConfiguration.Origin(configuration, key)}): not a valid value; {Accepted(key)}", e);
        }
    }

    private static void Add<T>(IServiceCollection services, IConfigurationRoot configuration, string section, string[]? knownKeys)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SectionCheck<T>(configuration, section,
            knownKeys ?? typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray()));
    }

    /// <summary>What the attribute on the setting at <paramref name="key"/> accepts.</summary>
    private static string Accepted(string key)
    {
        var colon = key.LastIndexOf(':');
        var (section, name) = colon < 0 ? ("", key) : (key[..colon], key[(colon + 1)..]);
        var type = section switch
        {
            "" => typeof(WorkerSettings),
            _ when section.Equals(FetchSettings.Section, StringComparison.OrdinalIgnoreCase) => typeof(FetchSettings),
            _ when section.Equals(StorageSettings.Section, StringComparison.OrdinalIgnoreCase) => typeof(StorageSettings),
            _ => null,
        };
        var property = type?.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property?.GetCustomAttribute<RangeAttribute>()?.ErrorMessage ?? "see the README's settings table";
    }

    // "Failed to convert configuration value 'abc' at 'Fetch:TimeoutSeconds' to type 'System.Double'."
    [GeneratedRegex("at '(?<key>[^']+)' to type '[^']+'")]
    private static partial Regex UnconvertibleValue();

    private sealed class SectionCheck<T>(IConfigurationRoot configuration, string section, string[] knownKeys) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = new List<string>();
            var scope = section.Length == 0 ? (IConfiguration)configuration : configuration.GetSection(section);
            foreach (var child in scope.GetChildren())
            {
                if (!knownKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    var leaf = child.AsEnumerable().FirstOrDefault(pair => pair.Value is not null).Key ?? child.Path;
                    failures.Add($"setting {child.Path} ({WorkerConfiguration.Origin(configuration, leaf)}): unknown setting; " +
                                 $"known{(section.Length == 0 ? "" : " in " + section)}: {string.Join(", ", knownKeys)}");
                }
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            foreach (var result in results)
            {
                foreach (var member in result.MemberNames)
                {
                    var key = section.Length == 0 ? member : $"{section}:{member}";
                    failures.Add($"setting {key} = \"{configuration[key]}\" ({WorkerConfiguration.Origin(configuration, key)}): {result.ErrorMessage}");
                }
            }

            if (section.Length == 0)
            {
                CheckLogLevels(failures);
                CheckLogFormatter(failures);
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        // The console logger would fall back to its default format without a word.
        private void CheckLogFormatter(List<string> failures)
        {
            const string key = "Logging:Console:FormatterName";
            if (configuration[key] is { } name && !Hosting.LogWriterProvider.FormatterNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"setting {key} = \"{name}\" ({WorkerConfiguration.Origin(configuration, key)}): " +
                             $"accepted {string.Join(", ", Hosting.LogWriterProvider.FormatterNames[..^1])} or {Hosting.LogWriterProvider.FormatterNames[^1]}");
            }
        }

        // A misspelt level would otherwise fail deep inside the logging set-up, or not at all.
        private void CheckLogLevels(List<string> failures)
        {
            foreach (var level in configuration.GetSection("Logging:LogLevel").AsEnumerable().Where(pair => pair.Value is not null))
            {
                if (!Enum.TryParse<LogLevel>(level.Value, ignoreCase: true, out var parsed)
                    || !Enum.IsDefined(parsed) || int.TryParse(level.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    failures.Add($"setting {level.Key} = \"{level.Value}\" ({WorkerConfiguration.Origin(configuration, level.Key)}): " +
                                 "accepted Trace, Debug, Information, Warning, Error, Critical or None");
                }
            }
        }
    }
}

/// <summary>The settings of a run, bound and checked.</summary>
public sealed record CheckedSettings(
    NewsAggregator.Fetching.FetchOptions Fetch, NewsAggregator.Pipeline.AggregationOptions Aggregation, NewsAggregator.Storage.StorageOptions Storage);
