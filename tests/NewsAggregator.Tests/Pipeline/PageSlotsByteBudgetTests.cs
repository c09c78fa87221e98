using NewsAggregator.Pipeline;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// The page slots' bound on bytes: a slot is admitted with room for a page of the size recently
/// fetched, then holds its page's real size, and admission waits, first come first served, while
/// the budget is spent.
/// </summary>
public sealed class PageSlotsByteBudgetTests
{
    private const long Kibibyte = 1024;
    private const long Mebibyte = 1024 * Kibibyte;

    [Fact]
    public async Task A_slot_waits_while_the_pages_fetched_fill_the_budget_and_goes_once_one_is_done()
    {
        using var slots = Budget(Mebibyte);
        var first = await FetchedAsync(slots, Mebibyte);
        using var second = slots.ForEntry();

        var waiting = await StillWaitingAsync(second);

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
        using var slots = Budget(7 * Mebibyte / 2);
        // Pages of a mebibyte teach the slots what a page weighs.
        for (var i = 0; i < 60; i++)
        {
            (await FetchedAsync(slots, Mebibyte)).Dispose();
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

        var waiting = await StillWaitingAsync(fourth);

        // A page that came small gives back the room kept for it, and the fourth goes.
        onTheirWay[0].Holds(10 * Kibibyte);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        fourth.Dispose();
        onTheirWay.ForEach(entry => entry.Dispose());
        Assert.Equal(0, slots.BytesHeld);
    }

    [Fact]
    public async Task Room_goes_to_the_slot_that_waited_not_to_one_that_comes_as_it_frees()
    {
        using var slots = Budget(Mebibyte);
        using var held = await FetchedAsync(slots, 700 * Kibibyte);
        var goingSoon = await FetchedAsync(slots, 300 * Kibibyte);
        using var waited = slots.ForEntry();
        using var newcomer = slots.ForEntry();
        var waitedTake = await StillWaitingAsync(waited);

        // Room for one more page of the size recently fetched (about 260 KiB), not for two; the
        // newcomer asks before the waiting slot has had a chance to run.
        goingSoon.Dispose();
        // The room went to the waiting slot as it was freed, before that slot has run.
        Assert.True(slots.BytesHeld > 700 * Kibibyte, $"{slots.BytesHeld} bytes held");
        var newcomerTake = newcomer.TakeAsync(CancellationToken.None).AsTask();

        await waitedTake.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        Assert.False(newcomerTake.IsCompleted);
        held.Dispose();
        await newcomerTake.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_page_larger_than_the_whole_budget_still_goes_through_alone()
    {
        using var slots = Budget(Mebibyte);
        var large = await FetchedAsync(slots, 8 * Mebibyte);
        using var next = slots.ForEntry();

        var waiting = await StillWaitingAsync(next);

        large.Dispose();
        // The next page is expected to be large too; with nothing held it is let through all the same.
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, slots.InUse);
    }

    [Fact]
    public async Task An_unchanged_page_holds_no_bytes()
    {
        using var slots = Budget(Mebibyte);

        using var unchanged = await FetchedAsync(slots, 0);

        Assert.Equal(0, slots.BytesHeld);
        Assert.Equal(1, slots.InUse);
    }

    [Fact]
    public async Task A_slot_given_up_while_waiting_for_room_gives_back_its_place()
    {
        using var slots = Budget(Mebibyte);
        using var full = await FetchedAsync(slots, Mebibyte);
        using var cancel = new CancellationTokenSource();
        using var waiting = slots.ForEntry();

        var take = await StillWaitingAsync(waiting, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => take);
        Assert.Equal(1, slots.InUse);
        Assert.Equal(Mebibyte, slots.BytesHeld);
    }

    private static PageSlots Budget(long bytes) => new(new AggregationOptions { PagesInFlight = 100, PageBytesInFlight = bytes });

    /// <summary>A slot taken whose page of <paramref name="pageBytes"/> has come.</summary>
    private static async Task<PageSlots.Slot> FetchedAsync(PageSlots slots, long pageBytes)
    {
        var slot = slots.ForEntry();
        await slot.TakeAsync(CancellationToken.None);
        slot.Holds(pageBytes);
        return slot;
    }

    /// <summary>Asks for <paramref name="slot"/> and checks that it is kept waiting.</summary>
    private static async Task<Task> StillWaitingAsync(PageSlots.Slot slot, CancellationToken cancellationToken = default)
    {
        var take = slot.TakeAsync(cancellationToken).AsTask();
        await Task.Delay(50, CancellationToken.None);
        Assert.False(take.IsCompleted);
        return take;
    }
}
