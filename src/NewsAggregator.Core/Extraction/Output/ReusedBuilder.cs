using System.Text;

namespace NewsAggregator.Extraction;

/// <summary>
/// One string builder per thread for the writers of an article's text and HTML, kept from page to
/// page: a fresh builder grew chunk by chunk on every page, and those chunks were a tenth of what
/// extraction allocated besides the parse. Taken and given back around one use; a use that
/// finds it taken (nested, or a writer that failed) makes its own.
/// </summary>
internal static class ReusedBuilder
{
    // A builder grown past this by one odd page is not kept: it would hold its memory for good.
    private const int MaxKeptCapacity = 256 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_kept;

    public static StringBuilder Take()
    {
        var builder = t_kept;
        t_kept = null;
        return builder?.Clear() ?? new StringBuilder(4096);
    }

    /// <summary>Keeps <paramref name="builder"/> for the thread's next <see cref="Take"/>; its text is no longer the caller's.</summary>
    public static void Give(StringBuilder builder)
    {
        if (builder.Capacity <= MaxKeptCapacity)
        {
            t_kept = builder;
        }
    }
}
