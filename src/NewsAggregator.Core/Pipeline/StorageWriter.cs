using System.Collections.Concurrent;
using NewsAggregator.Storage;

namespace NewsAggregator.Pipeline;

/// <summary>
/// The pipeline's single writer. Passes hand it articles from any number of threads; one at a
/// time takes the lead, drains what is waiting (up to <see cref="MaxBatch"/>) and commits it in one
/// transaction, while the others wait for their outcome. Batches form by themselves under load
/// (everything that arrived during the previous commit) and cost no delay when the pipeline is
/// quiet. Every duplicate decision is made inside that one writer, in arrival order, so two copies
/// of a story arriving together still end as one article and two sightings.
/// </summary>
public sealed class StorageWriter(NewsDatabase database, StageTimes times) : IDisposable
{
    /// <summary>Most articles in one transaction: a commit stays short for readers waiting on the log.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentQueue<Pending> _waiting = new();
    private readonly SemaphoreSlim _lead = new(1, 1);

    /// <exception cref="StorageException">The database failed; nothing of this article was written.</exception>
    public async Task<StoreOutcome> StoreAsync(ArticleRecord article, RunId? run)
    {
        // Shingling this article and its candidates needs no lock: done before queueing, on the caller's thread.
        Pending pending;
        using (times.Measure(Stage.Dedupe))
        {
            pending = new Pending(database.PrepareArticle(article, run));
        }
        _waiting.Enqueue(pending);
        while (!pending.Outcome.Task.IsCompleted)
        {
            // Once queued, the article is written even if its pass is cancelled meanwhile: a
            // half-known outcome would make the pass's counts wrong.
            await _lead.WaitAsync(CancellationToken.None);
            try
            {
                if (!pending.Outcome.Task.IsCompleted)
                {
                    using (times.Measure(Stage.Store))
                    {
                        CommitWaiting();
                    }
                }
            }
            finally
            {
                _lead.Release();
            }
        }
        // Stored is stored, even if the pass was cancelled meanwhile: its counts must say so.
        return await pending.Outcome.Task;
    }

    private void CommitWaiting()
    {
        var batch = new List<Pending>();
        while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next))
        {
            batch.Add(next);
        }
        if (batch.Count == 0)
        {
            return;
        }
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

    public void Dispose() => _lead.Dispose();

    private sealed class Pending(PreparedArticle article)
    {
        public PreparedArticle Article { get; } = article;
        public TaskCompletionSource<StoreOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
