namespace NewsAggregator.Benchmarks;

/// <summary>The <c>--name value</c> options the benchmarks take.</summary>
internal static class BenchmarkArgs
{
    public static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
