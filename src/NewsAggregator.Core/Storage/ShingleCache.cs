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

    public StoryShingles? Find(string contentHash) =>
        _entries.TryGetValue(contentHash, out var entry) ? entry.Shingles : null;

    public void Keep(string contentHash, StoryShingles shingles)
    {
        _entries[contentHash] = (shingles, Interlocked.Increment(ref _order));
        if (_entries.Count > Capacity)
        {
            Trim();
        }
    }

    private void Trim()
    {
        lock (_entries)
        {
            if (_entries.Count <= Capacity)
            {
                return;
            }
            var cut = _entries.Values.Select(e => e.Order).Order().ElementAt(_entries.Count / 2);
            foreach (var (hash, entry) in _entries)
            {
                if (entry.Order < cut)
                {
                    _entries.TryRemove(hash, out _);
                }
            }
        }
    }
}
