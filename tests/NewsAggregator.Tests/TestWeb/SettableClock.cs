namespace NewsAggregator.Tests.TestWeb;

/// <summary>
/// A clock whose time the test sets, so that passes hours or days apart run back to back. Only
/// the time of day is set: timers and delays stay real (a test never waits on them).
/// </summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
