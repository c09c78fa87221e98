namespace NewsAggregator.Feeds;

/// <summary>The document is not a feed we can read; the message says what is wrong with it.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
