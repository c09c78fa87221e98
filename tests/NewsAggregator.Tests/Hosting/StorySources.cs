using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Hosting;

/// <summary>
/// sources.json for the service's tests: a saved article page reached as a file:// URL, so the
/// service is tested without a network.
/// </summary>
internal static class StorySources
{
    public static string Story { get; } = new Uri(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html")).AbsoluteUri;

    /// <summary>The workspace's sources.json, listing <paramref name="sources"/> (JSON objects, comma-separated).</summary>
    public static void WriteSources(this TempWorkspace workspace, string sources) =>
        workspace.WriteFile("sources.json", $$"""{ "sources": [ {{sources}} ] }""");

    /// <summary>One source, <c>story</c>, the saved page.</summary>
    public static void WriteOneStory(this TempWorkspace workspace) =>
        workspace.WriteSources($$"""{ "id": "story", "name": "One story", "type": "page", "url": "{{Story}}" }""");
}
