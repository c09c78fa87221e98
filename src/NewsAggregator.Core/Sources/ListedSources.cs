using NewsAggregator.Dedup;

namespace NewsAggregator.Sources;

/// <summary>
/// The sources a file already lists, as anything that adds sources to it (<c>import-opml</c>,
/// <c>sources add</c>) asks about them: is this feed there already, is this id taken. URLs are
/// compared in canonical form, so that tracking parameters, host case or a fragment do not make a
/// second source of one feed.
/// </summary>
public sealed class ListedSources
{
    private readonly Dictionary<string, string> _idByUrl = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public ListedSources(IEnumerable<Source> sources)
    {
        foreach (var source in sources)
        {
            _idByUrl.TryAdd(CanonicalUrl.Normalize(source.Url), source.Id);
            _ids.Add(source.Id);
        }
    }

    /// <summary>The id of the source listed at <paramref name="canonicalUrl"/> (under any type), or null.</summary>
    public string? IdOfUrl(string canonicalUrl) => _idByUrl.GetValueOrDefault(canonicalUrl);

    public bool IsIdTaken(string id) => _ids.Contains(id);

    /// <summary>
    /// <paramref name="text"/> as a URL a new web source may have: absolute, http or https, with a
    /// host. Not file: a URL from elsewhere (an OPML file, a page's links) must not make the worker
    /// read local files.
    /// </summary>
    public static bool TryParseWebUrl(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url) =>
        CanonicalUrl.TryParseAbsolute(text, out url) && url.Scheme is ("http" or "https") && url.Host.Length > 0;
}
