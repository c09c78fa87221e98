using System.Globalization;
using Microsoft.Extensions.Logging;
using NewsAggregator.Pipeline;

namespace NewsAggregator.Hosting;

/// <summary>
/// One line per event on the given writer (standard error for the executable): grep-friendly
/// for operators and journald, and capturable by tests that run the command line in-process.
/// </summary>
internal sealed class LineLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new LineLogger(this, ShortCategory(categoryName));

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private static string ShortCategory(string category) =>
        category.LastIndexOf('.') is var dot and >= 0 ? category[(dot + 1)..] : category;

    private sealed class LineLogger(LineLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var level = logLevel switch
            {
                LogLevel.Trace => "trce",
                LogLevel.Debug => "dbug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "fail",
                _ => "crit",
            };
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'} {level} {category}: {LongUrls.Shorten(formatter(state, exception))}");
            // Unexpected errors keep their stack trace: they are bugs to report, not user mistakes.
            provider.Write(exception is null ? line : $"{line}{Environment.NewLine}{exception}");
        }
    }
}
