using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsAggregator.Configuration;

/// <summary>
/// Binds the worker's settings sections and checks them before anything else starts: a value out
/// of range, one that is not a number, and a key the worker does not know each stop the start
/// with a message naming the setting, where it came from and what is accepted. Nothing wrong is
/// silently replaced by a default.
/// </summary>
/// <remarks>
/// Binding and the range checks are source-generated (the configuration binding generator, and
/// <see cref="OptionsValidatorAttribute"/> over the <c>[Range]</c> attributes): the reflection
/// binder and <see cref="Validator.TryValidateObject(object, ValidationContext, ICollection{ValidationResult}, bool)"/>
/// walked every property and attribute through reflection and emitted accessors at each start,
/// a tenth of a one-off run's CPU before its first page. The pipeline is built from the
/// <see cref="CheckedSettings"/> this returns, so the host registers no options of its own.
/// </remarks>
public static partial class WorkerSettingsRegistration
{
    /// <summary>
    /// Binds and checks every setting (before the worker opens the database or reads a source), and
    /// returns what the pipeline is built from.
    /// </summary>
    /// <exception cref="SettingsException">Each wrong setting, one per line.</exception>
    public static CheckedSettings Check(IConfigurationRoot configuration)
    {
        var worker = new WorkerSettings();
        var fetch = new FetchSettings();
        var storage = new StorageSettings();
        try
        {
            configuration.Bind(worker);
            configuration.GetSection(FetchSettings.Section).Bind(fetch);
            configuration.GetSection(StorageSettings.Section).Bind(storage);
        }
        catch (InvalidOperationException e) when (UnconvertibleValue().Match(e.Message) is { Success: true } match)
        {
            // The binder's own words name the key but not what would be right.
            var key = match.Groups["key"].Value;
            throw new SettingsException(
                $"setting {key} = \"{configuration[key]}\" ({WorkerConfiguration.Origin(configuration, key)}): not a valid value; {Accepted(key)}", e);
        }

        var failures = new List<string>();
        var check = new SectionCheck(configuration, failures);
        check.Section("", WorkerSettings.KnownKeys, worker, new WorkerSettingsRanges().Validate(null, worker));
        check.LogLevels();
        check.LogFormatter();
        check.Section(FetchSettings.Section, KnownKeys<FetchSettings>(), fetch, new FetchSettingsRanges().Validate(null, fetch));
        check.Section(StorageSettings.Section, KnownKeys<StorageSettings>(), storage, new StorageSettingsRanges().Validate(null, storage));
        if (failures.Count > 0)
        {
            throw new SettingsException(string.Join(Environment.NewLine, failures.Distinct(StringComparer.Ordinal)));
        }
        return new CheckedSettings(fetch.ToFetchOptions(), worker.ToAggregationOptions(), storage.ToStorageOptions());
    }

    private static string[] KnownKeys<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>() => [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)];

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
        return (type is null ? null : Setting(type, name))?.GetCustomAttribute<RangeAttribute>()?.ErrorMessage ?? "see the README's settings table";
    }

    /// <summary>The settings property behind a key's last part (reflection: only once a setting is wrong).</summary>
    private static PropertyInfo? Setting([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type, string name) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    // "Failed to convert configuration value 'abc' at 'Fetch:TimeoutSeconds' to type 'System.Double'."
    [GeneratedRegex("at '(?<key>[^']+)' to type '[^']+'")]
    private static partial Regex UnconvertibleValue();

    private sealed class SectionCheck(IConfigurationRoot configuration, List<string> failures)
    {
        /// <summary>Keys the section does not know, then the failures of its generated range checks.</summary>
        public void Section<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
            string section, string[] knownKeys, T settings, ValidateOptionsResult ranges)
        {
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

            // The generated validator words each failure "Property: message" (ValidateOptionsResultBuilder).
            foreach (var failure in ranges.Failures ?? [])
            {
                var colon = failure.IndexOf(": ", StringComparison.Ordinal);
                var (member, message) = colon < 0 ? ("", failure) : (failure[..colon], failure[(colon + 2)..]);
                var key = section.Length == 0 ? member : $"{section}:{member}";
                failures.Add($"setting {key} = \"{configuration[key]}\" ({WorkerConfiguration.Origin(configuration, key)}): {FailedRule(typeof(T), settings, member) ?? message}");
            }
        }

        /// <summary>
        /// The <c>ErrorMessage</c> of the attribute the value fails: the generated copy of <c>[Range]</c>
        /// words a message of its own and drops it. Reflection, but only once a setting is wrong.
        /// </summary>
        private static string? FailedRule(
            [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type, object? settings, string member)
        {
            var property = Setting(type, member);
            var value = property?.GetValue(settings);
            return property?.GetCustomAttributes<ValidationAttribute>().FirstOrDefault(attribute => !attribute.IsValid(value))?.ErrorMessage;
        }

        // The console logger would fall back to its default format without a word.
        public void LogFormatter()
        {
            const string key = "Logging:Console:FormatterName";
            if (configuration[key] is { } name && !Hosting.LogWriterProvider.FormatterNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"setting {key} = \"{name}\" ({WorkerConfiguration.Origin(configuration, key)}): " +
                             $"accepted {string.Join(", ", Hosting.LogWriterProvider.FormatterNames[..^1])} or {Hosting.LogWriterProvider.FormatterNames[^1]}");
            }
        }

        // A misspelt level would otherwise fail deep inside the logging set-up, or not at all.
        public void LogLevels()
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

[OptionsValidator]
internal sealed partial class WorkerSettingsRanges : IValidateOptions<WorkerSettings>;

[OptionsValidator]
internal sealed partial class FetchSettingsRanges : IValidateOptions<FetchSettings>;

[OptionsValidator]
internal sealed partial class StorageSettingsRanges : IValidateOptions<StorageSettings>;
