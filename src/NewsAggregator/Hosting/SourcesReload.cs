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

    /// <summary>Asks the running service to reload; false when no service is listening.</summary>
    public bool Request()
    {
        if (Volatile.Read(ref _listener) is not { } listener)
        {
            return false;
        }
        // Off the signal handler's thread: reloading reads a file and writes the database.
        _ = Task.Run(listener);
        return true;
    }
}
