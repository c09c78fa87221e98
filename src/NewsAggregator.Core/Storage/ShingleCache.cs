using System.Collections.Concurrent;
using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>
/// The shingles of recently stored or compared texts, by content hash (which names a text, so an
/// entry never goes stale). Near-duplicate candidates are mostly recent stories, and re-shingling a
/// candidate's text (about 0.2 ms) for every incoming copy was the largest part of storing one.
/// Bounded: past <see cref="Capacity"/> entries the oldest half is let go (a few tens of MB at most).
/// </summary>
internal static class ShingleCache
{
    public const int Capacity = 2048;

    private static readonly ConcurrentDictionary<string, (StoryShingles Shingles, long Order)> Entries = new(StringComparer.Ordinal);
    private static long _order;

    public static StoryShingles? Find(string contentHash) =>
        Entries.TryGetValue(contentHash, out var entry) ? entry.Shingles : null;

    public static void Keep(string contentHash, StoryShingles shingles)
    {
        Entries[contentHash] = (shingles, Interlocked.Increment(ref _order));
        if (Entries.Count > Capacity)
        {
            Trim();
        }
    }

    private static void Trim()
    {
        lock (Entries)
        {
            if (Entries.Count <= Capacity)
            {
                return;
            }
            var cut = Entries.Values.Select(e => e.Order).Order().ElementAt(Entries.Count / 2);
            foreach (var (hash, entry) in Entries)
            {
                if (entry.Order < cut)
                {
                    Entries.TryRemove(hash, out _);
                }
            }
        }
    }
}
