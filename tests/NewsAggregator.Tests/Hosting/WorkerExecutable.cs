namespace NewsAggregator.Tests.Hosting;

/// <summary>
/// The worker as users run it: the executable project's own build output (the copy beside the
/// tests lacks the host's dependencies, which the test project gets from ASP.NET Core instead).
/// </summary>
internal static class WorkerExecutable
{
    public static string DllPath { get; } = Find();

    private static string Find()
    {
        // tests/NewsAggregator.Tests/bin/<configuration>/<framework>/ -> src/NewsAggregator/bin/<configuration>/<framework>/
        var testProject = Path.Combine(RepositoryRoot.Path, "tests", "NewsAggregator.Tests");
        var buildFolder = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
        var dll = Path.Combine(RepositoryRoot.Path, "src", "NewsAggregator", buildFolder, "newsaggregator.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The worker is not built at {dll}");
    }
}
