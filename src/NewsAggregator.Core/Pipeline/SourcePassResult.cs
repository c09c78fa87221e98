using System.Globalization;

namespace NewsAggregator.Pipeline;

/// <summary>What one pass over one source did.</summary>
public sealed record SourcePassResult
{
    public required string SourceId { get; init; }
    /// <summary>New stories stored.</summary>
    public int NewArticles { get; init; }
    /// <summary>Stories found to be already stored under another URL or source: recorded as sightings.</summary>
    public int Duplicates { get; init; }
    /// <summary>Entries whose article could not be had, neither from its page nor from the feed.</summary>
    public int Failed { get; init; }
    /// <summary>Entries whose URL this source had already stored: skipped without fetching (or their owed page failed again).</summary>
    public int Known { get; init; }
    /// <summary>Articles stored from the feed's text whose page came in this pass and replaced it: no new article, a changed one.</summary>
    public int Upgraded { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>Why the source as a whole failed (its feed or page could not be had, the database failed); null on success.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Why the pass's end and the source's state could not be written (the database failed); null
    /// when they were. Its <c>runs</c> row, if begun, then stays marked unfinished, its counts true.
    /// </summary>
    public string? RecordError { get; init; }

    public bool Succeeded => Error is null && RecordError is null;

    /// <summary>The source's document answered 304: nothing new since the last pass.</summary>
    public bool NotModified { get; init; }

    /// <summary>Failed passes in a row, this one included; 0 after a success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>When the service runs the source again (recorded by <c>--once</c> too).</summary>
    public DateTimeOffset? NextDueAt { get; init; }

    /// <summary><see cref="NextDueAt"/> as a span from the end of this pass.</summary>
    public TimeSpan? NextTryIn { get; init; }

    /// <summary>
    /// One line for people: <c>ok     id: 3 new, 1 duplicate, 0 failed, 2 known (0.4 s)</c>, with
    /// <c>, 1 upgraded</c> after <c>known</c> when a page replaced the feed's text stored earlier; a failed
    /// source adds its error and its backoff (<c>: HTTP 503 (url); 3 failures in a row, next try in 2 h</c>),
    /// and a run that could not be written says so (<c>; the run could not be recorded: database or disk is full…</c>).
    /// </summary>
    public string SummaryLine()
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{(Succeeded ? "ok    " : "FAILED")} {SourceId}: {NewArticles} new, {Duplicates} duplicate, {Failed} failed, {Known} known{(Upgraded > 0 ? $", {Upgraded} upgraded" : "")} ({Elapsed.TotalSeconds:0.0} s)");
        if (Succeeded)
        {
            return NotModified ? $"{line}, not modified" : line;
        }
        return $"{line}: {Problem()}";
    }

    /// <summary>
    /// Why the pass failed, for people: the error with long URLs shortened and the backoff
    /// (<c>HTTP 503 (url); 3 failures in a row, next try in 2 h</c>), or that the run could not be
    /// written; null on success. The tail of <see cref="SummaryLine"/>.
    /// </summary>
    public string? Problem()
    {
        if (Succeeded)
        {
            return null;
        }
        var unrecorded = RecordError is null ? "" : $"the run could not be recorded: {LongUrls.Shorten(RecordError)}";
        if (Error is null)
        {
            return unrecorded;
        }
        var backoff = NextTryIn is { } wait
            ? string.Create(CultureInfo.InvariantCulture,
                $"; {(ConsecutiveFailures > 1 ? $"{ConsecutiveFailures} failures in a row" : "first failure")}, next try in {Fetching.Durations.Describe(wait)}")
            : "";
        var error = LongUrls.Shorten(Error);
        return RecordError is null ? $"{error}{backoff}" : $"{error}; {unrecorded}";
    }
}
