using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsAggregator.Configuration;
using NewsAggregator.Hosting;
using NewsAggregator.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Hosting;

/// <summary>
/// How long a stop waits for the passes under way: longer than the host's default 30 s, and within
/// what the sample unit and the README's <c>docker run</c> give the worker before they kill it.
/// </summary>
public sealed partial class ShutdownTimeoutTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _workspace.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_service_host_waits_its_shutdown_timeout_and_once_keeps_the_default(bool service)
    {
        var configuration = WorkerConfiguration.Build(_workspace.WriteFile("appsettings.json", "{}"), []);
        var database = NewsDatabase.Open(_workspace.DatabasePath);
        try
        {
            var setup = new WorkerSetup(configuration, WorkerSettingsRegistration.Check(configuration), _workspace.SourcesPath, [], database, TextWriter.Null);
            using var host = NewsAggregatorHost.Build(setup, service);

            var timeout = host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

            // --once never starts the host, so nothing there waits on it.
            Assert.Equal(service ? NewsAggregatorHost.ShutdownTimeout : new HostOptions().ShutdownTimeout, timeout);
        }
        finally
        {
            database.Close();
        }
    }

    [Fact]
    public void The_unit_and_the_docker_run_of_the_README_give_the_worker_longer_than_its_shutdown_timeout()
    {
        var unit = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "newsaggregator.service"));
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

        var timeoutStop = TimeSpan.FromSeconds(Seconds(TimeoutStopSec().Match(unit)));
        var stopTimeouts = StopTimeout().Matches(readme).Select(Seconds).ToList();

        Assert.True(NewsAggregatorHost.ShutdownTimeout > new HostOptions().ShutdownTimeout);
        Assert.True(NewsAggregatorHost.ShutdownTimeout < timeoutStop, $"TimeoutStopSec={timeoutStop.TotalSeconds}");
        Assert.NotEmpty(stopTimeouts);
        Assert.All(stopTimeouts, seconds => Assert.True(NewsAggregatorHost.ShutdownTimeout < TimeSpan.FromSeconds(seconds), $"{seconds} s"));
    }

    private static int Seconds(Match match)
    {
        Assert.True(match.Success);
        return int.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^TimeoutStopSec=(?<seconds>\d+)$", RegexOptions.Multiline)]
    private static partial Regex TimeoutStopSec();

    // docker run --stop-timeout N, docker stop -t N
    [GeneratedRegex(@"docker (?:run .*--stop-timeout|stop -t) (?<seconds>\d+)")]
    private static partial Regex StopTimeout();
}
