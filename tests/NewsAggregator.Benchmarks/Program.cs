Console.Error.WriteLine("usage: dotnet run -c Release --project tests/NewsAggregator.Benchmarks -- <benchmark>");
return 2;
