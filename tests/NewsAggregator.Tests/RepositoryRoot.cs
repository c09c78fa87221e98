namespace NewsAggregator.Tests;

/// <summary>The checkout the tests were built from, and the shared material beside it.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The <c>shared</c> folder that sits beside the checkout (benchmark data sets, samples).</summary>
    public static string Shared => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared"));

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "NewsAggregator.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No NewsAggregator.sln above {AppContext.BaseDirectory}");
    }
}
