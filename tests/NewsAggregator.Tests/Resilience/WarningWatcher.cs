using Microsoft.Extensions.Logging;

namespace NewsAggregator.Tests.Resilience;

/// <summary>
/// A logger that hands each warning (and worse) of an in-process run to the test as it is written,
/// on the worker's own thread: the test can act at the moment the worker reports a failure, before
/// the worker goes on, which is an event rather than a guess about timing.
/// </summary>
internal sealed class WarningWatcher(Action<string> onWarning) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Watcher(onWarning);

    public void Dispose()
    {
    }

    private sealed class Watcher(Action<string> onWarning) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                onWarning(formatter(state, exception));
            }
        }
    }
}
