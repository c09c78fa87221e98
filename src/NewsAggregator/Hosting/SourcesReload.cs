namespace NewsAggregator.Hosting;

/// <summary>
/// Requests to read sources.json again (SIGHUP, as daemons use it). Program.cs raises it from the
/// signal; the running service listens; tests raise it directly.
/// </summary>
public sealed class SourcesReload
{
    private Func<Task>? _listener;

    /// <summary>The service's reload; null when nothing listens (<c>--once</c>, or before the service starts).</summary>
    internal void Listen(Func<Task>? listener) => Volatile.Write(ref _listener, listener);

    /// <summary>Asks the running service to reload: the reload under way, or null when no service is listening.</summary>
    public Task? Request() =>
        Volatile.Read(ref _listener) is { } listener
            // Off the signal handler's thread: reloading reads a file and writes the database.
            ? Task.Run(listener)
            : null;
}
