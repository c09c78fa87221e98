using System.Runtime.InteropServices;

namespace NewsAggregator.Hosting;

/// <summary>
/// The C heap's settings that the runtime does not make: how many arenas glibc's malloc may keep.
/// </summary>
/// <remarks>
/// glibc gives a thread that finds the arenas busy an arena of its own, up to eight per core, and
/// keeps each one's freed memory for reuse. A pass calls into native code from whichever pool
/// thread runs the work (SQLite on the writer and on every lookup, Brotli for kept pages, zlib for
/// compressed responses, ICU for normalisation), so a 1 000-source pass came to hold 15 arenas
/// (49 MB of the C heap at its peak, load benchmark, native build). With one arena a core it held 4
/// (the runtime's threads make some before <c>Main</c>), for the same CPU; started with
/// <c>MALLOC_ARENA_MAX=2</c>, which applies before any thread, it held one besides the main one
/// (docs/scaling.md, "What the peak is made of"). One a core keeps contention where it was
/// measured: each core's threads share one lock.
/// An operator's own <c>MALLOC_ARENA_MAX</c> wins, and where the C library is not glibc nothing
/// is changed.
/// </remarks>
internal static partial class NativeHeap
{
    // glibc's malloc.h: M_ARENA_MAX.
    private const int ArenaMax = -8;

    /// <summary>
    /// Limits glibc's arenas to one a core unless <c>MALLOC_ARENA_MAX</c> is set; call before the
    /// work starts, as arenas made earlier stay. True when the limit is now in force.
    /// </summary>
    public static bool LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }
        try
        {
            return MallOpt(ArenaMax, Math.Max(1, Environment.ProcessorCount)) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl has no such setting): its heap is left as it is.
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
