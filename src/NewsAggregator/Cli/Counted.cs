using System.Globalization;

namespace NewsAggregator.Cli;

/// <summary>A count and its noun, in the singular for one: "1 duplicate", "2 duplicates", "0 duplicates".</summary>
internal static class Counted
{
    public static string Of(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
