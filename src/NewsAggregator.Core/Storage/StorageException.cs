namespace NewsAggregator.Storage;

/// <summary>The database file cannot be used; the message names the file and what to do.</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner);
