using NewsAggregator.Pipeline;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// The page slots' bound on bytes: a slot is admitted with room for a page of the size recently
/// fetched, then holds its page's real size, and admission waits while the budget is spent.
/// </summary>
public sealed class PageSlotsByteBudgetTests
{
    private const long Mebibyte = 1024 * 1024;

    [Fact]
    public async Task A_slot_waits_while_the_pages_fetched_fill_the_budget_and_goes_once_one_is_done()
    {
        using var slots = new PageSlots(new AggregationOptions { PagesInFlight = 100, PageBytesInFlight = Mebibyte });
        using var first = slots.ForEntry();
        await first.TakeAsync(CancellationToken.None);
        first.Holds(Mebibyte);
        var second = slots.ForEntry();

        var waiting = second.TakeAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);

        Assert.False(waiting.IsCompleted);
        Assert.Equal(2, slots.InUse);
        first.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, slots.InUse);
        second.Dispose();
        Assert.Equal(0, slots.BytesHeld);
        Assert.Equal(0, slots.InUse);
    }

    [Fact]
    public async Task Room_is_kept_for_a_page_of_the_size_recently_fetched()
    {
        using var slots = new PageSlots(new AggregationOptions { PagesInFlight = 100, PageBytesInFlight = 7 * Mebibyte / 2 });
        // Pages of a mebibyte teach the slots what a page weighs.
        for (var i = 0; i < 60; i++)
        {
            using var fetched = slots.ForEntry();
            await fetched.TakeAsync(CancellationToken.None);
            fetched.Holds(Mebibyte);
        }
        // Three slots whose pages are on their way keep about three mebibytes: a fourth does not fit.
        var onTheirWay = new List<PageSlots.Slot>();
        for (var i = 0; i < 3; i++)
        {
            var entry = slots.ForEntry();
            await entry.TakeAsync(CancellationToken.None);
            onTheirWay.Add(entry);
        }
        using var fourth = slots.ForEntry();
        var waiting = fourth.TakeAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);

        Assert.False(waiting.IsCompleted);
        // A page that came small gives back the room kept for it, and the fourth goes.
        onTheirWay[0].Holds(10 * 1024);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        fourth.Dispose();
        onTheirWay.ForEach(entry => entry.Dispose());
        Assert.Equal(0, slots.BytesHeld);
    }

    [Fact]
    public async Task A_page_larger_than_the_whole_budget_still_goes_through_alone()
    {
        using var slots = new PageSlots(new AggregationOptions { PagesInFlight = 100, PageBytesInFlight = Mebibyte });
        using var large = slots.ForEntry();
        await large.TakeAsync(CancellationToken.None);
        large.Holds(8 * Mebibyte);
        using var next = slots.ForEntry();

        var waiting = next.TakeAsync(CancellationToken.None).AsTask();
        await Task.Delay(50);

        Assert.False(waiting.IsCompleted);
        large.Dispose();
        // The next page is expected to be large too; with nothing held it is let through all the same.
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, slots.InUse);
    }

    [Fact]
    public async Task An_unchanged_page_holds_no_bytes()
    {
        using var slots = new PageSlots(new AggregationOptions { PagesInFlight = 100, PageBytesInFlight = Mebibyte });
        using var unchanged = slots.ForEntry();
        await unchanged.TakeAsync(CancellationToken.None);

        unchanged.Holds(0);

        Assert.Equal(0, slots.BytesHeld);
        Assert.Equal(1, slots.InUse);
    }

    [Fact]
    public async Task A_slot_given_up_while_waiting_for_room_gives_back_its_place()
    {
        using var slots = new PageSlots(new AggregationOptions { PagesInFlight = 100, PageBytesInFlight = Mebibyte });
        using var full = slots.ForEntry();
        await full.TakeAsync(CancellationToken.None);
        full.Holds(Mebibyte);
        using var cancel = new CancellationTokenSource();
        using var waiting = slots.ForEntry();

        var take = waiting.TakeAsync(cancel.Token).AsTask();
        await Task.Delay(50);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => take);
        Assert.Equal(1, slots.InUse);
        Assert.Equal(Mebibyte, slots.BytesHeld);
    }
}
