using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>
/// Whether the file a connection has open is still the file at its path. On Linux a deleted or
/// replaced file keeps accepting writes through the handles already open on it, so without this
/// check a run whose database was removed reports its articles as stored while nothing survives.
/// SQLite answers the question itself (<c>SQLITE_FCNTL_HAS_MOVED</c>: its Unix VFS compares the inode
/// of the open file with the one at the path), which spares us a <c>stat</c> binding per platform.
/// SQLitePCLRaw does not wrap <c>sqlite3_file_control</c>, so it is called in the very library
/// SQLitePCLRaw loaded.
/// </summary>
internal static class MovedFileCheck
{
    // SQLITE_FCNTL_HAS_MOVED in sqlite3.h.
    private const int HasMovedOpcode = 20;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int FileControl(IntPtr database, IntPtr schemaName, int opcode, ref int result);

    private static readonly FileControl? Call = Load();

    /// <summary>
    /// True when the file was deleted, renamed or replaced since <paramref name="connection"/> opened
    /// it; null when SQLite cannot tell (a VFS without the check, such as Windows', where an open
    /// file cannot be deleted anyway).
    /// </summary>
    public static bool? HasMoved(SqliteConnection connection)
    {
        if (Call is null || connection.Handle is not { } handle)
        {
            return null;
        }
        var moved = 0;
        // A null schema name means the main database.
        var status = Call(handle.DangerousGetHandle(), IntPtr.Zero, HasMovedOpcode, ref moved);
        return status == SQLitePCL.raw.SQLITE_OK ? moved != 0 : null;
    }

    private static FileControl? Load()
    {
        try
        {
            var library = NativeLibrary.Load(SQLitePCL.raw.GetNativeLibraryName(), typeof(SQLitePCL.raw).Assembly, null);
            return NativeLibrary.TryGetExport(library, "sqlite3_file_control", out var function)
                ? Marshal.GetDelegateForFunctionPointer<FileControl>(function)
                : null;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or InvalidOperationException or NotSupportedException)
        {
            // A provider without a library of that name (e.g. SQLCipher): fall back to File.Exists.
            return null;
        }
    }
}
