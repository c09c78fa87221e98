using NewsAggregator.Extraction;

namespace NewsAggregator.Pipeline;

/// <summary>
/// Decoding and extraction, the pipeline's CPU stage: at most one page per core at a time, so
/// that however many pages the fetchers bring in at once, extraction runs at the machine's pace
/// and pages wait here (bounded by the entries in flight) rather than crowding the cores.
/// </summary>
public sealed class ExtractionStage(IArticleExtractor extractor, StageTimes times) : IDisposable
{
    private readonly SemaphoreSlim _cores = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public async Task<ExtractedArticle> ExtractAsync(
        byte[] body, string? charset, Uri url, ExtractionRules rules, CancellationToken cancellationToken)
    {
        await _cores.WaitAsync(cancellationToken);
        try
        {
            // Off the caller's continuation: the fetchers' threads go back to waiting on the network.
            return await Task.Run(() =>
            {
                using (times.Measure(Stage.Extract))
                {
                    return extractor.Extract(PageDecoder.Decode(body, charset), url, rules, cancellationToken);
                }
            }, cancellationToken);
        }
        finally
        {
            _cores.Release();
        }
    }

    public void Dispose() => _cores.Dispose();
}
