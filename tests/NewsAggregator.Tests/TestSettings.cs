using System.Runtime.CompilerServices;

namespace NewsAggregator.Tests;

/// <summary>
/// Settings for every worker the suite runs, in this process or as a child process: the defaults
/// spare real hosts (a second between requests, a second before a retry), which would only make
/// runs against our own loopback servers slow. Politeness and retries have tests of their own that
/// set what they check explicitly.
/// </summary>
internal static class TestSettings
{
    [ModuleInitializer]
    internal static void ForLoopbackServers()
    {
        Environment.SetEnvironmentVariable("NEWSAGGREGATOR_Fetch__MinDelayPerHostMilliseconds", "10");
        Environment.SetEnvironmentVariable("NEWSAGGREGATOR_Fetch__RetryBaseDelayMilliseconds", "10");
    }
}
