using System.Runtime.InteropServices;
using NewsAggregator.Hosting;

namespace NewsAggregator.Tests.Hosting;

public class NativeHeapTests
{
    // glibc is the C library of every Linux runtime identifier but the musl ones.
    private static bool OnGlibc => OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);

    [Fact]
    public void Glibc_takes_the_arena_limit()
    {
        if (!OnGlibc || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }
        Assert.True(NativeHeap.LimitArenas());
    }

    [Fact]
    public void An_operators_own_setting_is_left_alone()
    {
        var before = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX");
        Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", "4");
        try
        {
            Assert.False(NativeHeap.LimitArenas());
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", before);
        }
    }
}
