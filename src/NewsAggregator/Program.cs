using NewsAggregator.Cli;

using var stop = new CancellationTokenSource();
return await NewsAggregatorCommandLine.RunAsync(args, Console.Out, Console.Error, stop.Token);
