using Microsoft.Extensions.Logging;

namespace NewsAggregator.Tests.Resilience;

/// <summary>
/// A logger that hands each warning (and worse, or from <paramref name="minimum"/> on) of an
/// in-process run to the test as it is written, on the worker's own thread: the test can act at
/// the moment the worker reports a failure, before the worker goes on, which is an event rather
/// than a guess about timing.
/// </summary>
internal sealed class WarningWatcher(Action<string> onWarning, LogLevel minimum = LogLevel.Warning) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Watcher(onWarning, minimum);

    public void Dispose()
    {
    }

    private sealed class Watcher(Action<string> onWarning, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                onWarning(formatter(state, exception));
            }
        }
    }
}
