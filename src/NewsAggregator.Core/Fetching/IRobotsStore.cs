namespace NewsAggregator.Fetching;

/// <summary>
/// What a host's robots.txt said, as kept between processes: the file's bytes (null when it had no
/// rules to give: a 4xx), or why it could not be had (a 5xx or 429, which disallows everything),
/// and until when the answer holds.
/// </summary>
public sealed record StoredRobots(byte[]? Body, string? Unreachable, DateTimeOffset ExpiresAt);

/// <summary>
/// Keeps robots.txt answers beyond one process, so that a <c>--once</c> from cron does not ask
/// every host for its robots.txt again each time. Implemented by Storage; the fetcher only asks
/// and tells.
/// </summary>
public interface IRobotsStore
{
    /// <summary>The answer kept for <paramref name="hostKey"/> (scheme, host and port), or null.</summary>
    StoredRobots? Find(string hostKey);

    void Save(string hostKey, StoredRobots robots);

    /// <summary>
    /// Whether answers saved here can be found again later in this process, so that the fetcher
    /// may let go of the ones it holds in memory.
    /// </summary>
    bool KeepsAnswers => true;
}

/// <summary>Keeps nothing: robots.txt answers live as long as the process.</summary>
public sealed class NoRobotsStore : IRobotsStore
{
    public static NoRobotsStore Instance { get; } = new();

    public StoredRobots? Find(string hostKey) => null;

    public bool KeepsAnswers => false;

    public void Save(string hostKey, StoredRobots robots)
    {
    }
}
