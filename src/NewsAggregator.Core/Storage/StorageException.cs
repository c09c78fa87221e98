namespace NewsAggregator.Storage;

/// <summary>What kind of trouble the database is in, which decides what the caller can do about it.</summary>
public enum StorageFailure
{
    /// <summary>The file cannot serve as our database (a folder, another program's file, damaged, not writable): fix the configuration.</summary>
    Unusable,
    /// <summary>Another process held the write lock for longer than the busy timeout: a later pass may succeed.</summary>
    Locked,
    /// <summary>The disk (or the file system's quota) has no room for the write: a later pass may succeed once space is freed.</summary>
    Full,
    /// <summary>The file was deleted, or another file put at its path, while the worker had it open.</summary>
    Moved,
    /// <summary>Anything else SQLite or the file system reported (an I/O error).</summary>
    Failed,
}

/// <summary>The database cannot be used or written; the message, one line, names the file and what to do.</summary>
public sealed class StorageException(string message, StorageFailure failure = StorageFailure.Unusable, Exception? inner = null)
    : Exception(message, inner)
{
    public StorageFailure Failure { get; } = failure;
}
