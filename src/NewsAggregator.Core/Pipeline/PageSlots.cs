namespace NewsAggregator.Pipeline;

/// <summary>
/// The bound on pages between fetching and storage, across every pass of a run: a page takes a
/// slot once its host has given it a turn (so politeness waits hold none) and gives it back when
/// its entry is done, stored or not. However many sources run at once, no more than this many
/// pages and their articles are held in memory; fetching waits for extraction and storage
/// instead of running ahead of them.
/// </summary>
/// <remarks>
/// The slots are also bounded by the pages' bytes together (<see cref="AggregationOptions.PageBytesInFlight"/>):
/// a count alone let pages of a megabyte each (sites that ship their application's state inline)
/// hold 256 of them at once, with their decoded text, and a 1 000-source pass reach 915 MB (load
/// benchmark, <c>--state-kib 1024</c>). A slot is taken with room for a page of the size recently
/// fetched (the run's moving average) and holds, once its page has come, that page's real size, so
/// fetching stops where the bytes are, whatever the pages weigh. A page larger than the whole budget
/// is still let through alone, so a page the fetcher accepts is never refused here.
/// </remarks>
public sealed class PageSlots : IDisposable
{
    /// <summary>What a page is taken to weigh before any has been fetched: a typical article page.</summary>
    private const long FirstEstimateBytes = 192 * 1024;

    private readonly int _capacity;
    private readonly SemaphoreSlim _free;
    private readonly long _byteBudget;
    private readonly Lock _bytesLock = new();
    private long _bytesHeld;
    private long _averagePageBytes = FirstEstimateBytes;
    private readonly LinkedList<Waiter> _waiters = new();

    public PageSlots(AggregationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = Math.Max(1, options.PagesInFlight);
        _free = new SemaphoreSlim(_capacity, _capacity);
        _byteBudget = Math.Max(1, options.PageBytesInFlight);
    }

    /// <summary>Entries holding a slot now: pages being fetched, extracted or stored.</summary>
    public int InUse => _capacity - _free.CurrentCount;

    /// <summary>Bytes the slots hold now: pages fetched, and room kept for pages on their way.</summary>
    public long BytesHeld
    {
        get
        {
            lock (_bytesLock)
            {
                return _bytesHeld;
            }
        }
    }

    /// <summary>A slot for one entry: taken when the fetcher admits its page, given back on dispose.</summary>
    public Slot ForEntry() => new(this);

    public void Dispose() => _free.Dispose();

    /// <summary>
    /// Waits until the budget has room for a page of the size recently fetched (or holds nothing),
    /// then holds that room and returns how much it is. Waiters are served in the order they came,
    /// as the count's semaphore serves them: woken all at once, the quickest took the room again and
    /// again while others ran out their entry's deadline (a 1 000-source pass of megabyte pages lost
    /// 424 entries so).
    /// </summary>
    private async ValueTask<long> ReserveAsync(CancellationToken cancellationToken)
    {
        Waiter waiter;
        long bytes;
        lock (_bytesLock)
        {
            bytes = _averagePageBytes;
            if (_waiters.Count == 0 && Fits(bytes))
            {
                _bytesHeld += bytes;
                return bytes;
            }
            waiter = new Waiter(bytes);
            waiter.Node = _waiters.AddLast(waiter);
        }
        try
        {
            await waiter.Granted.Task.WaitAsync(cancellationToken);
            return bytes;
        }
        catch (OperationCanceledException)
        {
            bool granted;
            lock (_bytesLock)
            {
                granted = waiter.Node.List is null;
                if (!granted)
                {
                    _waiters.Remove(waiter.Node);
                }
            }
            if (granted)
            {
                // Given room as it gave up: hand it on.
                Adjust(bytes, 0);
            }
            else
            {
                // Its place at the head may have held back others that fit.
                Adjust(0, 0);
            }
            throw;
        }
    }

    private bool Fits(long bytes) => _bytesHeld == 0 || _bytesHeld + bytes <= _byteBudget;

    /// <summary>Replaces a hold of <paramref name="from"/> bytes with <paramref name="to"/>, then lets in the waiters that now fit, first come first.</summary>
    private void Adjust(long from, long to)
    {
        List<Waiter>? admitted = null;
        lock (_bytesLock)
        {
            _bytesHeld += to - from;
            while (_waiters.First is { } head && Fits(head.Value.Bytes))
            {
                _bytesHeld += head.Value.Bytes;
                _waiters.RemoveFirst();
                (admitted ??= []).Add(head.Value);
            }
        }
        admitted?.ForEach(waiter => waiter.Granted.TrySetResult());
    }

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Waiter> Node { get; set; } = null!;
    }

    /// <summary>Moves the estimate an eighth of the way to a page just fetched: a run's pages change size slowly.</summary>
    private void Learn(long pageBytes)
    {
        lock (_bytesLock)
        {
            _averagePageBytes += (pageBytes - _averagePageBytes) / 8;
        }
    }

    public sealed class Slot(PageSlots owner) : IDisposable
    {
        private int _held;
        private long _bytes;

        /// <summary>Takes the slot, with room for a page of the size recently fetched (once: a retried attempt keeps it).</summary>
        public async ValueTask TakeAsync(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _held) != 0)
            {
                return;
            }
            await owner._free.WaitAsync(cancellationToken);
            try
            {
                _bytes = await owner.ReserveAsync(cancellationToken);
            }
            catch
            {
                owner._free.Release();
                throw;
            }
            Volatile.Write(ref _held, 1);
        }

        /// <summary>The page has come: the slot now holds its <paramref name="bytes"/> instead of the room kept for it.</summary>
        public void Holds(long bytes)
        {
            if (Volatile.Read(ref _held) == 0)
            {
                return;
            }
            owner.Adjust(_bytes, bytes);
            _bytes = bytes;
            if (bytes > 0)
            {
                // A 304 has no body and says nothing about the size of pages.
                owner.Learn(bytes);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _held, 0) == 1)
            {
                owner.Adjust(_bytes, 0);
                _bytes = 0;
                owner._free.Release();
            }
        }
    }
}
