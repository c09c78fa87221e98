using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Resilience;

/// <summary>
/// The setting of the worker-process tests: a workspace whose sources.json lists the two slow
/// feeds of a <see cref="FaultWeb"/> (slow enough to catch the worker mid-run).
/// </summary>
public sealed class SlowSites : IAsyncLifetime
{
    public TempWorkspace Workspace { get; } = new();

    public FaultWeb Web { get; private set; } = null!;

    public string SourcesPath => Workspace.SourcesPath;

    public string DatabasePath => Workspace.DatabasePath;

    public async Task InitializeAsync()
    {
        Web = await FaultWeb.StartAsync(Workspace.WriteFile("secret.txt", FaultWeb.Secret));
        SourcesJson.Write(Workspace,
        [
            new SourceEntry("slow-a", "Slow A", "rss", Web.SlowFeed("a").ToString()),
            new SourceEntry("slow-b", "Slow B", "rss", Web.SlowFeed("b").ToString()),
        ]);
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        Workspace.Dispose();
    }
}
