using System.Diagnostics.Tracing;
using System.Globalization;

namespace NewsAggregator.Cli;

/// <summary>
/// The garbage collector's work during a <c>--once</c> run, by generation, for the last line of
/// <c>ReportStageTimes</c>: how long each generation's collections paused the process and how many
/// bytes they promoted (kept alive into the next generation). The runtime's own counters give
/// collections and the total pause; promoted bytes are what makes a collection costly, and they do
/// not move with the machine's load as pause times do. Listens to the runtime's GC events only
/// while it exists, and only when the report is asked for.
/// </summary>
internal sealed class GcActivity : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    // The runtime's GC event ids (ClrEtwAll.man).
    private const int GcStart = 1;
    private const int GcRestartEeEnd = 3;
    private const int GcHeapStats = 4;
    private const int GcSuspendEeBegin = 9;

    private readonly Lock _gate = new();
    private readonly double[] _pauseMs = new double[3];
    private readonly long[] _promoted = new long[2];
    private DateTime? _suspendedAt;
    private int _depth;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Also called from the base constructor for the sources that exist already (the runtime's does).
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        lock (_gate)
        {
            switch (eventData.EventId)
            {
                case GcSuspendEeBegin:
                    _suspendedAt = eventData.TimeStamp;
                    break;
                case GcStart:
                    _depth = Math.Clamp(Convert.ToInt32(Payload(eventData, "Depth"), CultureInfo.InvariantCulture), 0, 2);
                    break;
                case GcRestartEeEnd when _suspendedAt is { } suspended:
                    _pauseMs[_depth] += (eventData.TimeStamp - suspended).TotalMilliseconds;
                    _suspendedAt = null;
                    break;
                case GcHeapStats:
                    _promoted[0] += Convert.ToInt64(Payload(eventData, "TotalPromotedSize0"), CultureInfo.InvariantCulture);
                    _promoted[1] += Convert.ToInt64(Payload(eventData, "TotalPromotedSize1"), CultureInfo.InvariantCulture);
                    break;
            }
        }
    }

    private static object? Payload(EventWrittenEventArgs eventData, string name)
    {
        var index = eventData.PayloadNames?.IndexOf(name) ?? -1;
        return index >= 0 && eventData.Payload is { } payload ? payload[index] : 0;
    }

    /// <summary>
    /// The figures to add to the <c>gc</c> line: <c>pause-ms-gen0=… pause-ms-gen1=… pause-ms-gen2=…
    /// promoted-mb-gen0=… promoted-mb-gen1=…</c>. The runtime hands its events to listeners a little
    /// after the fact, so a collection in the last moments of the run may be missing.
    /// </summary>
    public string Figures()
    {
        lock (_gate)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $" pause-ms-gen0={_pauseMs[0]:0} pause-ms-gen1={_pauseMs[1]:0} pause-ms-gen2={_pauseMs[2]:0} " +
                $"promoted-mb-gen0={_promoted[0] / (1024.0 * 1024):0} promoted-mb-gen1={_promoted[1] / (1024.0 * 1024):0}");
        }
    }
}
