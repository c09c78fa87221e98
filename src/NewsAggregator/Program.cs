using System.Runtime.InteropServices;
using NewsAggregator.Cli;

// SIGINT (Ctrl+C) and SIGTERM finish the current work cleanly instead of killing the process.
using var stop = new CancellationTokenSource();
void RequestStop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);

return await NewsAggregatorCommandLine.RunAsync(args, Console.Out, Console.Error, stop.Token);
