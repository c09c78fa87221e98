namespace NewsAggregator.Tests;

/// <summary>The checkout the tests were built from.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

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
