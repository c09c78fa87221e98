namespace NewsAggregator.Configuration;

/// <summary>A setting or the configuration file is wrong; the message names it and what is accepted.</summary>
public sealed class SettingsException(string message, Exception? inner = null) : Exception(message, inner);
