namespace NewsAggregator.Sources;

/// <summary>sources.json cannot be used as it is; the message names the file, the source and the field.</summary>
public sealed class SourcesFileException(string message) : Exception(message);
