namespace NewsAggregator.Tests.Extraction;

/// <summary>Files under Fixtures/Extraction, copied beside the test assembly.</summary>
internal static class ExtractionFixtures
{
    public static string PathOf(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", "Extraction", .. parts]);

    public static string Text(params string[] parts) => File.ReadAllText(PathOf(parts));

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(PathOf(parts));

    /// <summary>An expected-output file with its line ends as the extractor writes them and no final newline.</summary>
    public static string Expected(params string[] parts) => Text(parts).ReplaceLineEndings("\n").TrimEnd('\n');
}
