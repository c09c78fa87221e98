using NewsAggregator.Sources;

namespace NewsAggregator.Hosting;

/// <summary>The sources the service runs, in file order and by id, for jobs that know only the id; replaced whole on reload.</summary>
internal sealed class SourceCatalog(IReadOnlyList<Source> sources)
{
    private Snapshot _current = new(sources);

    public IReadOnlyList<Source> All => Volatile.Read(ref _current).Sources;

    public Source? Find(string id) => Volatile.Read(ref _current).ById.GetValueOrDefault(id);

    public void Replace(IReadOnlyList<Source> sources) => Volatile.Write(ref _current, new Snapshot(sources));

    private sealed class Snapshot(IReadOnlyList<Source> sources)
    {
        public IReadOnlyList<Source> Sources { get; } = sources;
        public Dictionary<string, Source> ById { get; } = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }
}
