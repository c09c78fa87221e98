using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary><see cref="TextSource"/> as <c>articles.text_source</c> holds it: <c>page</c> or <c>feed</c>, names pipelines read.</summary>
internal static class TextSourceColumn
{
    public const string Page = "page";
    public const string Feed = "feed";

    public static string Of(TextSource source) => source == TextSource.Feed ? Feed : Page;

    public static TextSource Parse(string? value) => value == Feed ? TextSource.Feed : TextSource.Page;
}
