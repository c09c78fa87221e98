using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>
/// The stored stories as <see cref="DuplicateResolver"/> asks for them, read inside the writer's
/// transaction (so a story stored earlier in the same batch is seen). Stories loaded for a
/// decision are kept for carrying it out: a text upgrade needs the old text's band keys.
/// </summary>
internal sealed class StoryLookup(
    SqliteConnection connection, SqliteTransaction transaction, IReadOnlyDictionary<string, StoryShingles>? shinglesByHash,
    RecentBands recent, IndexedCandidates? indexed = null) : IStoryLookup
{
    private readonly Dictionary<long, StoryCopy?> _loaded = [];

    public long? ArticleAtUrl(string url) => NewsDatabase.FindArticleIdByUrl(connection, transaction, url);

    public long? ArticleWithText(string contentHash) => NewsDatabase.FindArticleIdByHash(connection, transaction, contentHash);

    public TextSource TextSourceOf(long articleId) => NewsDatabase.TextSourceOf(connection, transaction, articleId);

    public IReadOnlyList<NearDuplicateCandidate> Candidates(IReadOnlyList<long> bandKeys) =>
        (indexed is not null ? NearDuplicateIndex.Candidates(indexed, bandKeys, recent) : null)
            ?? NearDuplicateIndex.Candidates(connection, transaction, bandKeys, recent);

    public StoryCopy? Story(long articleId)
    {
        if (!_loaded.TryGetValue(articleId, out var story))
        {
            story = NearDuplicateIndex.Load(connection, transaction, articleId, shinglesByHash);
            _loaded[articleId] = story;
        }
        return story;
    }
}
