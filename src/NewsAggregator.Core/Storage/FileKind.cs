using System.Runtime.InteropServices;

namespace NewsAggregator.Storage;

/// <summary>
/// Whether a path leads to something other than a regular file: a device (<c>/dev/null</c>,
/// <c>/dev/stdout</c> on a terminal), a named pipe or a socket. .NET does not tell: such a path
/// "exists" as a file with the attributes <c>Normal</c> and a length of 0, so SQLite reads a device
/// as an empty database, and a rename over a named pipe replaces it with a file. Linux's
/// <c>statx</c> (glibc 2.28 on) says it, with one layout on every architecture (<c>stat</c>'s
/// differs between x64 and arm64).
/// </summary>
public static partial class FileKind
{
    /// <summary>
    /// What <paramref name="path"/> (its links followed) is when it is neither a regular file nor a
    /// folder, in words for a message ("a character device"); null for a regular file, a folder,
    /// nothing at all, or where the system cannot tell (not Linux, a libc without <c>statx</c>).
    /// </summary>
    public static string? Special(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtCurrentFolder, path, 0, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        // stx_mode: a 16-bit field after mask, blksize, attributes, nlink, uid and gid.
        var mode = BitConverter.ToUInt16(buffer, 28) & FileTypeMask;
        return mode switch
        {
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x1000 => "a named pipe (FIFO)",
            0xC000 => "a socket",
            _ => null,
        };
    }

    private const int AtCurrentFolder = -100; // AT_FDCWD
    private const uint StatxType = 0x1; // STATX_TYPE
    private const int FileTypeMask = 0xF000; // S_IFMT
    // sizeof(struct statx), spare fields included.
    private const int StatxSize = 256;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int folder, string path, int flags, uint mask, [Out] byte[] buffer);
}
