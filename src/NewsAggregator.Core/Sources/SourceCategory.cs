namespace NewsAggregator.Sources;

/// <summary>
/// A source's folder path as feed readers keep it: folder names joined by '/', outermost first
/// ("News/Europe"). One rule for sources.json and OPML alike, so what one accepts the other writes.
/// </summary>
public static class SourceCategory
{
    public const char Separator = '/';

    public const int MaxLength = 300;

    public static bool IsValid(string category) =>
        category.Length is > 0 and <= MaxLength
        && !category.Any(char.IsControl)
        && Segments(category).All(segment => segment.Length > 0 && segment.Trim().Length == segment.Length);

    /// <summary>The folder names, outermost first.</summary>
    public static string[] Segments(string category) => category.Split(Separator);

    /// <summary>
    /// The category of folders nested as <paramref name="folders"/> lists them, made valid: a
    /// folder name is trimmed and has control characters (a tab) turned into spaces, and one that holds a '/' ("Tech / AI")
    /// reads as two folders, as it would on export anyway. Null for none, or when the path is too
    /// long to keep.
    /// </summary>
    public static string? FromFolders(IEnumerable<string> folders)
    {
        var names = folders
            .SelectMany(folder => new string(folder.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Split(Separator))
            .Select(name => name.Trim())
            .Where(name => name.Length > 0);
        var joined = string.Join(Separator, names);
        return joined.Length is > 0 and <= MaxLength ? joined : null;
    }
}
