namespace NewsAggregator.Storage;

/// <summary>
/// An entry of a source whose article could not be had, as kept in <c>entry_retries</c>: how often
/// it failed, when it may be asked for again, or that it was given up.
/// </summary>
public sealed record EntryRetryState
{
    public required string SourceId { get; init; }
    /// <summary>The entry's canonical URL.</summary>
    public required string Url { get; init; }
    /// <summary>Failures counted against the entry itself (a pass that ran out of time or a host left alone does not count).</summary>
    public required int Failures { get; init; }
    public required DateTimeOffset FirstFailedAt { get; init; }
    public required DateTimeOffset LastFailedAt { get; init; }
    /// <summary>The first pass from this time on asks for the entry again; null once given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
    public required string LastError { get; init; }
    /// <summary>When the entry was given up: it is not asked for again, even while its feed lists it.</summary>
    public DateTimeOffset? GaveUpAt { get; init; }

    public bool GivenUp => GaveUpAt is not null;
}
