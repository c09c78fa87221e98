namespace NewsAggregator.Tests.Hosting;

/// <summary>
/// The worker as users run it: the executable project's own build output (the copy beside the
/// tests lacks the host's dependencies, which the test project gets from ASP.NET Core instead).
/// </summary>
internal static class WorkerExecutable
{
    public static string DllPath { get; } = Find(Path.Combine("src", "NewsAggregator"), "newsaggregator.dll");

    /// <summary>The pipeline-like reader the concurrent-reader test runs beside the worker.</summary>
    public static string DatabaseReaderDllPath { get; } =
        Find(Path.Combine("tests", "NewsAggregator.DatabaseReader"), "NewsAggregator.DatabaseReader.dll");

    private static string Find(string project, string dllName)
    {
        // tests/NewsAggregator.Tests/bin/<configuration>/<framework>/ -> <project>/bin/<configuration>/<framework>/
        var testProject = Path.Combine(RepositoryRoot.Path, "tests", "NewsAggregator.Tests");
        var buildFolder = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
        var dll = Path.Combine(RepositoryRoot.Path, project, buildFolder, dllName);
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dllName} is not built at {dll}");
    }
}
