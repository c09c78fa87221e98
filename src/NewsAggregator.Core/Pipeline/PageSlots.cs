namespace NewsAggregator.Pipeline;

/// <summary>
/// The bound on pages between fetching and storage, across every pass of a run: a page takes a
/// slot once its host has given it a turn (so politeness waits hold none) and gives it back when
/// its entry is done, stored or not. However many sources run at once, no more than this many
/// pages and their articles are held in memory; fetching waits for extraction and storage
/// instead of running ahead of them.
/// </summary>
public sealed class PageSlots(AggregationOptions options) : IDisposable
{
    private readonly int _capacity = Math.Max(1, options.PagesInFlight);
    private readonly SemaphoreSlim _free = new(Math.Max(1, options.PagesInFlight), Math.Max(1, options.PagesInFlight));

    /// <summary>Entries holding a slot now: pages being fetched, extracted or stored.</summary>
    public int InUse => _capacity - _free.CurrentCount;

    /// <summary>A slot for one entry: taken when the fetcher admits its page, given back on dispose.</summary>
    public Slot ForEntry() => new(_free);

    public void Dispose() => _free.Dispose();

    public sealed class Slot(SemaphoreSlim free) : IDisposable
    {
        private int _held;

        /// <summary>Takes the slot (once: a retried attempt keeps it).</summary>
        public async ValueTask TakeAsync(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _held) == 0)
            {
                await free.WaitAsync(cancellationToken);
                Volatile.Write(ref _held, 1);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _held, 0) == 1)
            {
                free.Release();
            }
        }
    }
}
