namespace NewsAggregator.Pipeline;

/// <summary>How an entry's failure bears on its retry state (<see cref="EntryBackoff"/>).</summary>
public enum EntryFailureKind
{
    /// <summary>The page is not there or not an article: 404, 410, not HTML, no article text, robots.txt says no.</summary>
    Permanent,
    /// <summary>The server or the network was in trouble: a timeout, a refused connection, 5xx, 429.</summary>
    Transient,
    /// <summary>
    /// The entry was not really asked for: the pass ran out of time, its host was left alone for
    /// the rest of the pass after other entries' timeouts, or the host asked the whole site to
    /// wait. None of that is the entry's doing, so it is not counted against it.
    /// </summary>
    NotTried,
}

/// <summary>Why one entry of a pass has no article.</summary>
/// <param name="RetryAfter">How long the server asked us to stay away, if it said.</param>
public sealed record EntryFailure(string Reason, EntryFailureKind Kind, TimeSpan? RetryAfter = null);
