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

    /// <summary>The category of folders nested as <paramref name="folders"/> lists them; null for none.</summary>
    public static string? Join(IEnumerable<string> folders)
    {
        var joined = string.Join(Separator, folders);
        return joined.Length == 0 ? null : joined;
    }
}
