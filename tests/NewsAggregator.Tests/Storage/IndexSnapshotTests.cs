using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NewsAggregator.Dedup;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// The view of the near-duplicate index that preparation reads (<see cref="IndexSnapshot"/>), on a
/// real SQLite file in WAL mode: rows committed by another connection stay out of the view while the
/// held keys' generation is unchanged and the view is young, and come into it once either changes;
/// an idle view is given up, so it does not keep the log from being checkpointed.
/// </summary>
public sealed class IndexSnapshotTests : IDisposable
{
    private readonly TemporaryDatabase _files = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private readonly RecentBands _recent = new();
    private readonly IndexSnapshot _snapshot;
    private readonly SqliteConnection _writer;

    public IndexSnapshotTests()
    {
        // The schema, then the file left to plain connections.
        NewsDatabase.Open(_files.Path).Close();
        _writer = Connect();
        _snapshot = new IndexSnapshot(Connect, connection => connection.Dispose(), _recent, TimeSpan.FromSeconds(2), _time);
    }

    public void Dispose()
    {
        _snapshot.Close();
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
        _files.Dispose();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _files.Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Commits a row of the index as a merge would, on another connection.</summary>
    private void Index(long key, long articleId)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = "INSERT INTO near_duplicate_bands (band_key, article_id) VALUES ($key, $article);";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$article", articleId);
        command.ExecuteNonQuery();
    }

    private long[] Find(params long[] keys)
    {
        var found = new Dictionary<long, StorySketch?>();
        _snapshot.Find(_writer, keys, found);
        return [.. found.Keys.Order()];
    }

    [Fact]
    public void The_view_is_kept_while_the_held_keys_generation_is_unchanged_and_renewed_when_it_changes()
    {
        Index(1, 10);
        Assert.Equal([10L], Find(1, 2));

        Index(2, 20);
        Assert.Equal([10L], Find(1, 2));
        Assert.Equal(_recent.Generation, _snapshot.Find(_writer, [2], []));

        // What a merge does once it has committed: the held keys are let go, a new generation begins.
        _recent.Clear();
        var found = new Dictionary<long, StorySketch?>();
        Assert.Equal(_recent.Generation, _snapshot.Find(_writer, [1, 2], found));
        Assert.Equal([10L, 20L], found.Keys.Order());
    }

    [Fact]
    public void A_view_is_renewed_once_it_is_as_old_as_its_limit()
    {
        Index(1, 10);
        Assert.Equal([10L], Find(1, 2));
        Index(2, 20);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([10L], Find(1, 2));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([10L, 20L], Find(1, 2));
    }

    [Fact]
    public void An_idle_view_is_given_up_so_the_log_can_be_checkpointed_whole()
    {
        Index(1, 10);
        Find(1);
        Index(2, 20);
        Assert.True(_snapshot.IsHeld);
        Assert.Equal(1L, TruncateLog());

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(_snapshot.IsHeld);
        Assert.Equal(0L, TruncateLog());
        Assert.Equal(0L, new FileInfo(_files.Path + "-wal").Length);
    }

    [Fact]
    public void While_stood_down_no_view_is_held_and_lookups_read_the_index_as_it_is_now()
    {
        GiveUpTheViewAndReadTheIndexAsItIsNow(_snapshot.StandDown);

        _snapshot.Resume();
        Find(1);
        Assert.True(_snapshot.IsHeld);
    }

    [Fact]
    public void After_close_lookups_read_the_index_as_it_is_now() => GiveUpTheViewAndReadTheIndexAsItIsNow(_snapshot.Close);

    /// <summary>After <paramref name="giveUp"/>, a row committed later is found and no view keeps the log from being copied whole.</summary>
    private void GiveUpTheViewAndReadTheIndexAsItIsNow(Action giveUp)
    {
        Index(1, 10);
        Find(1);
        giveUp();
        Assert.False(_snapshot.IsHeld);

        Index(2, 20);
        Assert.Equal([10L, 20L], Find(1, 2));
        Assert.False(_snapshot.IsHeld);
        Assert.Equal(0L, TruncateLog());
    }

    [Fact]
    public void The_writer_s_log_starts_over_while_every_article_prepared_holds_a_view()
    {
        // A checkpoint every 32 pages: an article's commit writes a few dozen, so hundreds of articles
        // pass many checkpoints; each must copy the whole log, or the log grows with every article.
        var path = Path.Combine(_files.Folder, "writer.db");
        var database = NewsDatabase.Open(path, new StorageOptions { CheckpointPages = 32 });
        try
        {
            var now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
            database.SyncSources(TemporaryDatabase.Sources("a"), now);
            var words = new Random(7);
            for (var i = 0; i < 300; i++)
            {
                TemporaryDatabase.StoreWordsArticle(database, i, words, now);
            }
            // Without the stand-down: 300 articles' pages, over 10 MB. With it, one checkpoint's worth and a commit.
            Assert.InRange(new FileInfo(path + "-wal").Length, 1, 1024 * 1024);
        }
        finally
        {
            database.Close();
        }
    }

    /// <summary>A checkpoint that copies the whole log into the file and empties it: 1 when a reader's view keeps it from finishing.</summary>
    private long TruncateLog()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 0;";
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var rows = command.ExecuteReader();
        rows.Read();
        return rows.GetInt64(0);
    }
}
