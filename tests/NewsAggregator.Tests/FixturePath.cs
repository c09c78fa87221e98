namespace NewsAggregator.Tests;

/// <summary>Paths of fixture files copied beside the test assembly.</summary>
internal static class FixturePath
{
    public static string Of(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(Of(parts));
}
