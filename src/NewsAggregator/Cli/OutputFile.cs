using System.CommandLine;

namespace NewsAggregator.Cli;

/// <summary>
/// An <c>--output FILE</c> of a command, with the mistakes people make (a folder, a folder that
/// does not exist, the very file the command reads) named in their terms rather than the
/// system's, before anything is written.
/// </summary>
internal static class OutputFile
{
    private static readonly string[] DatabaseCompanions = ["", "-wal", "-shm", "-journal"];

    // Where names differ only in case, these systems' usual file systems see one file.
    private static readonly StringComparer Names =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public static Option<string?> Create(string description) => FilePathValue.NotEmpty(new Option<string?>("--output")
    {
        Description = description,
        HelpName = "FILE",
    });

    /// <summary>
    /// The file to write for <paramref name="path"/>: its full path, through any symbolic links
    /// (of the file or of its folders) to the file they lead to, so that a link stays a link and
    /// its target gets the output, as a shell's <c>&gt;</c> does.
    /// </summary>
    /// <param name="contents">What the file is for, as the message says it ("the JSON lines").</param>
    /// <param name="inputs">The files the command reads, each with what it is ("the database news.db");
    /// writing over one would lose it before, or while, it is read.</param>
    /// <exception cref="IOException">The path names a folder, its folder does not exist, or it is one of <paramref name="inputs"/>.</exception>
    public static string Check(string path, string contents, IEnumerable<(string Path, string What)> inputs)
    {
        var target = Resolved(Path.GetFullPath(path));
        if (Directory.Exists(target))
        {
            throw new IOException($"is a folder; give a file name for {contents}");
        }
        var folder = Path.GetDirectoryName(target);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new IOException($"the folder {folder} does not exist");
        }
        foreach (var (input, what) in inputs)
        {
            if (Names.Equals(target, Resolved(Path.GetFullPath(input))))
            {
                throw new IOException($"is {what}, which this command reads; writing {contents} there would destroy it: give another file");
            }
        }
        return target;
    }

    /// <summary>The database and the files SQLite keeps beside it: writing over any of them damages it.</summary>
    public static IEnumerable<(string Path, string What)> Database(string path) =>
        DatabaseCompanions.Select(suffix => (path + suffix, suffix.Length == 0 ? $"the database {path}" : $"the database's {suffix} file {path}{suffix}"));

    /// <summary>
    /// <paramref name="fullPath"/> with each symbolic link on the way replaced by what it leads to:
    /// two names of one file compare equal. (A hard link is a second name the system does not give
    /// back without a native call, so it is not seen.)
    /// </summary>
    private static string Resolved(string fullPath)
    {
        var parent = Path.GetDirectoryName(fullPath);
        var here = parent is null ? fullPath : Path.Combine(Resolved(parent), Path.GetFileName(fullPath));
        try
        {
            return new FileInfo(here).ResolveLinkTarget(returnFinalTarget: true) is { } target ? Resolved(target.FullName) : here;
        }
        catch (IOException)
        {
            // A loop of links: nothing can be written through it, and the open that follows says so.
            return here;
        }
    }
}
