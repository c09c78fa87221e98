using System.Collections.Concurrent;
using NewsAggregator.Storage;

namespace NewsAggregator.Pipeline;

/// <summary>
/// The pipeline's single writer. Passes hand it articles from any number of threads and await their
/// outcome; a thread of its own takes what is waiting (up to <see cref="MaxBatch"/>) and commits it
/// in one transaction, then the next batch, while the passes go on preparing articles. Batches form
/// by themselves under load (everything that arrived during the previous commit) and cost no delay
/// when the pipeline is quiet. Every duplicate decision is made on that one thread, in arrival
/// order, so two copies of a story arriving together still end as one article and two sightings.
/// </summary>
/// <remarks>
/// The thread is its own rather than the thread pool's: a commit taken in turn by whichever caller
/// came first waited in the pool's queue behind the callers it had just released, which were busy
/// preparing their next articles, so committing and preparing took turns instead of running side by
/// side (storage-writer benchmark: about one core busy of two).
/// <para>
/// When more articles are on their way (other entries hold page slots: they are being fetched or
/// extracted), the writer waits a little for them rather than committing the one it has: a
/// commit writes every page it touched (the ends of the article, sighting and change indexes,
/// the run's counts) whatever the number of articles in it, so a pass over hundreds of sources,
/// whose articles arrive a few milliseconds apart, paid that once per article. The wait ends at
/// <see cref="GatherTarget"/> articles or after <see cref="GatherDelay"/>, and is never taken
/// when nothing else is under way (a test, the last article of a run, and mostly a single source's
/// pass, whose other entry waits for its turn at the host before it takes a slot). The wait was
/// 25 ms (a dozen articles a commit at a 1 000-source pass's 450 a second); at 100 ms the
/// writer's CPU in that pass fell by about a sixth and its write calls by a seventh (load
/// benchmark, "Bigger batches in a pass" in docs/scaling.md).
/// </para>
/// </remarks>
/// <param name="slots">The run's page slots, which tell whether more articles are on their way; none: never wait.</param>
/// <param name="gatherDelay">Longest wait for them; default <see cref="GatherDelay"/>.</param>
public sealed class StorageWriter(NewsDatabase database, StageTimes times, PageSlots? slots = null, TimeSpan? gatherDelay = null) : IDisposable
{
    /// <summary>Most articles in one transaction: a commit stays short for readers waiting on the log.</summary>
    public const int MaxBatch = 256;

    /// <summary>Articles worth waiting for: past this a commit's fixed cost is a small share of it (the storage-writer benchmark's batches average about 120).</summary>
    public const int GatherTarget = 128;

    /// <summary>Longest an article waits for others to share its commit: a tenth of a host's one-second spacing.</summary>
    public static readonly TimeSpan GatherDelay = TimeSpan.FromMilliseconds(100);

    private readonly BlockingCollection<Pending> _waiting = [];
    private readonly Lock _startLock = new();
    private Thread? _thread;
    private long _transactions;

    /// <summary>How many transactions the writer has committed (or tried): articles stored over this is the mean batch.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <exception cref="StorageException">The database failed; nothing of this article was written.</exception>
    public async Task<StoreOutcome> StoreAsync(ArticleRecord article, RunId? run)
    {
        // Shingling this article and its candidates needs no lock: done before queueing, on the caller's thread.
        Pending pending;
        using (times.Measure(Stage.Dedupe))
        {
            pending = new Pending(database.PrepareArticle(article, run));
        }
        try
        {
            EnsureStarted();
            _waiting.Add(pending);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(StorageWriter), e);
        }
        // Once queued, the article is written even if its pass is cancelled meanwhile: a half-known
        // outcome would make the pass's counts wrong. Stored is stored: its counts must say so.
        return await pending.Outcome.Task;
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _thread) is not null)
        {
            return;
        }
        lock (_startLock)
        {
            if (_thread is not null)
            {
                return;
            }
            ObjectDisposedException.ThrowIf(_waiting.IsAddingCompleted, this);
            // Started on first use: a process that stores nothing (extract, reports) has no writer thread.
            var thread = new Thread(WriteAll) { IsBackground = true, Name = "NewsAggregator storage writer" };
            thread.Start();
            Volatile.Write(ref _thread, thread);
        }
    }

    private void WriteAll()
    {
        var batch = new List<Pending>(MaxBatch);
        foreach (var first in _waiting.GetConsumingEnumerable())
        {
            batch.Add(first);
            Gather(batch);
            using (times.Measure(Stage.Store))
            {
                Commit(batch);
            }
            batch.Clear();
        }
    }

    /// <summary>Adds what is waiting, then (see remarks) what arrives within the delay while more is on its way.</summary>
    private void Gather(List<Pending> batch)
    {
        TakeWaiting(batch);
        if (slots is null)
        {
            return;
        }
        var deadline = Environment.TickCount64 + (long)(gatherDelay ?? GatherDelay).TotalMilliseconds;
        while (batch.Count < GatherTarget && OnTheirWay(batch) > 0)
        {
            var left = deadline - Environment.TickCount64;
            if (left <= 0 || !_waiting.TryTake(out var next, TimeSpan.FromMilliseconds(left)))
            {
                return;
            }
            batch.Add(next);
            TakeWaiting(batch);
        }
    }

    private void TakeWaiting(List<Pending> batch)
    {
        while (batch.Count < MaxBatch && _waiting.TryTake(out var next))
        {
            batch.Add(next);
        }
    }

    /// <summary>Entries holding a page slot whose article is not yet with the writer.</summary>
    private int OnTheirWay(List<Pending> batch) => slots!.InUse - batch.Count - _waiting.Count;

    private void Commit(List<Pending> batch)
    {
        Interlocked.Increment(ref _transactions);
        try
        {
            var outcomes = database.StoreArticles(batch.ConvertAll(p => p.Article));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.SetResult(outcomes[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One article the database refuses must not cost the others theirs: each alone, so the
            // failure reaches only the pass whose article it was (a full disk reaches them all).
            foreach (var pending in batch)
            {
                try
                {
                    pending.Outcome.SetResult(database.StoreArticles([pending.Article])[0]);
                }
                catch (Exception e)
                {
                    pending.Outcome.SetException(e);
                }
            }
        }
        catch (Exception e)
        {
            batch[0].Outcome.SetException(e);
        }
    }

    /// <summary>Writes what is still waiting, then ends the writer's thread.</summary>
    public void Dispose()
    {
        lock (_startLock)
        {
            if (_waiting.IsAddingCompleted)
            {
                return;
            }
            _waiting.CompleteAdding();
        }
        Volatile.Read(ref _thread)?.Join();
    }

    private sealed class Pending(PreparedArticle article)
    {
        public PreparedArticle Article { get; } = article;
        public TaskCompletionSource<StoreOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
