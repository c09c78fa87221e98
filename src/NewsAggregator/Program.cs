using System.Runtime.InteropServices;
using NewsAggregator.Cli;
using NewsAggregator.Hosting;

// Before any work starts: arenas the C heap makes before this stay.
NativeHeap.LimitArenas();

// SIGINT (Ctrl+C) and SIGTERM finish the current work cleanly instead of killing the process.
using var stop = new CancellationTokenSource();
void RequestStop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);

// SIGHUP, which would end the process, makes the service read sources.json again, as daemons do.
var reload = new SourcesReload();
using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
{
    context.Cancel = true;
    if (reload.Request() is null)
    {
        Console.Error.WriteLine("SIGHUP ignored: only the service reloads sources.json");
    }
});

return await NewsAggregatorCommandLine.RunAsync(args, Console.Out, Console.Error, stop.Token, reload);
