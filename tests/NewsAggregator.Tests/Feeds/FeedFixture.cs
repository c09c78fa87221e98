namespace NewsAggregator.Tests.Feeds;

/// <summary>Files under Fixtures/Feeds, copied beside the test assembly.</summary>
internal static class FeedFixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Feeds", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));
}
