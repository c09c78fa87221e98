using System.Buffers;
using System.Runtime.CompilerServices;

namespace NewsAggregator.Extraction;

/// <summary>
/// A list whose storage is rented from <see cref="ArrayPool{T}.Shared"/>: the per-page working
/// lists of the extractor would otherwise be garbage after every page, and each collection they
/// bring on copies the page's live DOM. Dispose gives the storage back, cleared when it can hold
/// references, so that the pool keeps no page alive.
/// </summary>
internal sealed class PooledList<T>(int capacity) : IDisposable
{
    private T[] _items = ArrayPool<T>.Shared.Rent(capacity);

    public int Count { get; private set; }

    public ref T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return ref _items[index];
        }
    }

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(larger);
            Return(_items);
            _items = larger;
        }
        _items[Count++] = item;
    }

    public void Dispose()
    {
        Return(_items);
        _items = [];
        Count = 0;
    }

    private static void Return(T[] items)
    {
        if (items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(items, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }
}
