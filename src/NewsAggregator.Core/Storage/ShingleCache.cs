using System.Collections.Concurrent;
using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>
/// The shingles of recently stored or compared texts, by content hash (which names a text, so an
/// entry never goes stale). Near-duplicate candidates are mostly recent stories, and re-shingling a
/// candidate's text (about 0.2 ms) for every incoming copy was the largest part of storing one.
/// Bounded: past <see cref="Capacity"/> entries the oldest half is let go (a few tens of MB at most).
/// One per open database, so two databases in one process never share what they compared.
/// </summary>
internal sealed class ShingleCache
{
    public const int Capacity = 2048;

    private readonly ConcurrentDictionary<string, (StoryShingles Shingles, long Order)> _entries = new(StringComparer.Ordinal);
    private long _order;

    // Counted here rather than asked of the dictionary on every Keep: ConcurrentDictionary.Count takes
    // every one of its locks (one per core by default), on the path of every article prepared.
    // Approximate under races (an entry re-kept while a trim removes it is not counted); each trim
    // sets it right.
    private int _count;

    /// <summary>About how many texts are held (exact when no Keep runs).</summary>
    public int Count => Volatile.Read(ref _count);

    public StoryShingles? Find(string contentHash) =>
        _entries.TryGetValue(contentHash, out var entry) ? entry.Shingles : null;

    public void Keep(string contentHash, StoryShingles shingles)
    {
        var entry = (shingles, Interlocked.Increment(ref _order));
        if (!_entries.TryAdd(contentHash, entry))
        {
            _entries[contentHash] = entry;
            return;
        }
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            Trim();
        }
    }

    private void Trim()
    {
        lock (_entries)
        {
            if (_entries.Count > Capacity)
            {
                var cut = _entries.Values.Select(e => e.Order).Order().ElementAt(_entries.Count / 2);
                foreach (var (hash, entry) in _entries)
                {
                    if (entry.Order < cut)
                    {
                        _entries.TryRemove(hash, out _);
                    }
                }
            }
            Volatile.Write(ref _count, _entries.Count);
        }
    }
}
