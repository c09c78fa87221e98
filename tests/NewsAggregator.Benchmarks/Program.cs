using NewsAggregator.Benchmarks.Dedup;
using NewsAggregator.Benchmarks.Hostile;
using NewsAggregator.Benchmarks.Load;
using NewsAggregator.Benchmarks.Pages;
using NewsAggregator.Benchmarks.Pipeline;
using NewsAggregator.Benchmarks.Quality;
using NewsAggregator.Benchmarks.Search;

// One entry per benchmark; each lives in its own file and takes the remaining arguments.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["extraction"] = ExtractionBenchmark.Run,
    ["near-duplicate-index"] = NearDuplicateIndexBenchmark.Run,
    ["storage-writer"] = StorageWriterBenchmark.Run,
    ["prune"] = PruneBenchmark.Run,
    ["load"] = LoadBenchmark.Run,
    ["hostile"] = HostileInputBenchmark.Run,
    ["search"] = SearchBenchmark.Run,
    ["pages"] = StoredPagesBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/NewsAggregator.Benchmarks -- <benchmark> [options]");
    Console.Error.WriteLine("benchmarks: " + string.Join(", ", benchmarks.Keys));
    return 2;
}
return run(args[1..]);
