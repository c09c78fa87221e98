using NewsAggregator.Dedup;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>The candidates' shingle cache: bounded, letting the oldest half go, keeping what was kept again.</summary>
public sealed class ShingleCacheTests
{
    private static readonly StoryShingles Shingles = StoryShingles.Of("the council met on tuesday and agreed the budget for the coming year after a long debate");

    [Fact]
    public void Past_its_capacity_it_lets_the_oldest_half_go()
    {
        var cache = new ShingleCache();
        for (var i = 0; i <= ShingleCache.Capacity; i++)
        {
            cache.Keep($"hash-{i}", Shingles);
        }

        Assert.InRange(cache.Count, ShingleCache.Capacity / 2, ShingleCache.Capacity / 2 + 1);
        Assert.Null(cache.Find("hash-0"));
        Assert.Null(cache.Find($"hash-{ShingleCache.Capacity / 2 - 1}"));
        Assert.Same(Shingles, cache.Find($"hash-{ShingleCache.Capacity}"));
        Assert.Same(Shingles, cache.Find($"hash-{ShingleCache.Capacity / 2 + 1}"));
    }

    [Fact]
    public void A_text_kept_again_counts_once_and_is_as_new()
    {
        var cache = new ShingleCache();
        cache.Keep("first", Shingles);
        for (var i = 0; i < ShingleCache.Capacity - 1; i++)
        {
            cache.Keep($"hash-{i}", Shingles);
            cache.Keep("first", Shingles);
        }
        Assert.Equal(ShingleCache.Capacity, cache.Count);

        cache.Keep("one-more", Shingles);

        Assert.Same(Shingles, cache.Find("first"));
        Assert.Same(Shingles, cache.Find("one-more"));
        Assert.Null(cache.Find("hash-0"));
        Assert.InRange(cache.Count, ShingleCache.Capacity / 2, ShingleCache.Capacity / 2 + 1);
    }

    [Fact]
    public async Task Kept_from_many_threads_it_stays_bounded()
    {
        var cache = new ShingleCache();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 3 * ShingleCache.Capacity; i++)
            {
                cache.Keep($"{thread}-{i}", Shingles);
            }
        })));

        Assert.InRange(cache.Count, 1, ShingleCache.Capacity);
    }
}
