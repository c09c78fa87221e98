namespace NewsAggregator.Tests.TestWeb;

/// <summary>Where the fixtures are once copied next to the test assembly.</summary>
public static class FixturePaths
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The fixture web: one folder per news site.</summary>
    public static string Web => Path.Combine(Root, "Web");
}
