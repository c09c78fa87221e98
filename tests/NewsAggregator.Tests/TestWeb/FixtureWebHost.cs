namespace NewsAggregator.Tests.TestWeb;

/// <summary>One fixture web shared by a test class (xunit class fixture); tests in a class run one at a time.</summary>
public sealed class FixtureWebHost : IAsyncLifetime
{
    public FixtureWeb Web { get; private set; } = null!;

    public async Task InitializeAsync() => Web = await FixtureWeb.StartAsync();

    public async Task DisposeAsync() => await Web.DisposeAsync();
}
