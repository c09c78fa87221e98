using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NewsAggregator.Pipeline;

namespace NewsAggregator.Hosting;

/// <summary>
/// The built-in console formatters (<c>simple</c>, <c>json</c>, <c>systemd</c>, chosen and set up
/// by the usual <c>Logging:Console</c> settings) writing to the run's log writer.
/// </summary>
/// <remarks>
/// Why not the built-in console logger itself: it writes to <see cref="Console"/> only, while the
/// command line is handed its standard error as a writer, which tests that run it in-process
/// (many at once) replace with their own; redirecting the process-wide console would mix their
/// logs. Only the sink is ours: formatting, its options and the formatter choice (including the
/// switch to <c>systemd</c> that AddSystemd makes under systemd) are the framework's. Two more
/// things the built-in logger cannot do: long URLs are shortened in messages as in the summaries,
/// and lines are formatted in the invariant culture, so a timestamp reads the same on a machine
/// whose calendar is not the Gregorian one.
/// </remarks>
[ProviderAlias("Console")]
internal sealed class LogWriterProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly TextWriter _writer;
    private readonly Dictionary<string, ConsoleFormatter> _formatters;
    private readonly IOptionsMonitor<ConsoleLoggerOptions> _options;
    private readonly Lock _gate = new();
    private IExternalScopeProvider? _scopes;

    public LogWriterProvider(TextWriter writer, IEnumerable<ConsoleFormatter> formatters, IOptionsMonitor<ConsoleLoggerOptions> options)
    {
        _writer = writer;
        _formatters = formatters.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _options = options;
    }

    /// <summary>The formatter names a setting may choose.</summary>
    public static readonly string[] FormatterNames = [ConsoleFormatterNames.Simple, ConsoleFormatterNames.Json, ConsoleFormatterNames.Systemd];

    public ILogger CreateLogger(string categoryName) => new WriterLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    // Read on each event, as the built-in logger does, so the options' own reload rules hold.
    private ConsoleFormatter Formatter =>
        _formatters.TryGetValue(_options.CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple, out var chosen)
            ? chosen
            : _formatters[ConsoleFormatterNames.Simple];

    private void Write<TState>(in LogEntry<TState> entry)
    {
        // One event is formatted whole before it is written, so lines from parallel passes never interleave.
        using var line = new StringWriter(CultureInfo.InvariantCulture);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            Formatter.Write(entry, _scopes, line);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        var text = line.ToString();
        lock (_gate)
        {
            _writer.Write(text);
            _writer.Flush();
        }
    }

    private sealed class WriterLogger(LogWriterProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            provider._scopes?.Push(state) ?? NullScope.Instance;

        // Levels are the logging filters' business (Logging:LogLevel), as for any provider.
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception,
                    (s, e) => LongUrls.Shorten(formatter(s, e))));
            }
        }
    }

    private sealed class NullScope : IDisposable
    {
        public static NullScope Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
