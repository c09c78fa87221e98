namespace NewsAggregator.Cli;

/// <summary>
/// An <c>--output FILE</c> of a command, with the mistakes people make (a folder, a folder that
/// does not exist) named in their terms rather than the system's, before anything is written.
/// </summary>
internal static class OutputFile
{
    /// <param name="contents">What the file is for, as the message says it ("the JSON lines").</param>
    /// <exception cref="IOException">The path names a folder, or its folder does not exist.</exception>
    public static void Check(string path, string contents)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"is a folder; give a file name for {contents}");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new IOException($"the folder {folder} does not exist");
        }
    }
}
