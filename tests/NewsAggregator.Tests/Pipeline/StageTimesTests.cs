using Microsoft.Extensions.DependencyInjection;
using NewsAggregator.Fetching;
using NewsAggregator.Pipeline;
using NewsAggregator.Tests.Storage;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>The stages' figures are taken only for a run that reports them.</summary>
public sealed class StageTimesTests : IDisposable
{
    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_pipeline_measures_its_stages_only_when_the_run_reports_them(bool report)
    {
        using var provider = new ServiceCollection()
            .AddNewsPipeline(_files.Open(), new FetchOptions(), new AggregationOptions { ReportStageTimes = report })
            .BuildServiceProvider();
        var times = provider.GetRequiredService<StageTimes>();

        using (times.Measure(Stage.Extract))
        {
            GC.KeepAlive(new byte[100_000]);
        }

        if (report)
        {
            Assert.InRange(times.AllocatedBytes(Stage.Extract), 100_000, 200_000);
        }
        else
        {
            Assert.Equal(0, times.AllocatedBytes(Stage.Extract));
        }
    }

    [Fact]
    public void Times_not_measuring_count_nothing_but_what_is_added()
    {
        var times = new StageTimes(measuring: false);
        using (times.Measure(Stage.Store))
        {
            GC.KeepAlive(new byte[100_000]);
        }
        times.Add(Stage.Extract, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.Zero, times.Store);
        Assert.Equal(0, times.AllocatedBytes(Stage.Store));
        Assert.Equal(TimeSpan.FromSeconds(1), times.Extract);
    }
}
