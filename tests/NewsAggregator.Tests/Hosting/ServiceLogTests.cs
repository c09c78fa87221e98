using Microsoft.Extensions.Logging;
using NewsAggregator.Hosting;
using NewsAggregator.Pipeline;

namespace NewsAggregator.Tests.Hosting;

/// <summary>
/// Articles whose page replaced the feed's text stored earlier (<see cref="SourcePassResult.Upgraded"/>)
/// are counted in the service's line per pass (the <c>--once</c> table's column: OnceProgressTests),
/// in their own place, not folded into the new stories or the duplicates.
/// </summary>
public sealed class ServiceLogTests
{
    private static readonly SourcePassResult Pass = new()
    {
        SourceId = "wire", NewArticles = 1, Upgraded = 3, Duplicates = 2, Known = 4, Failed = 5, Elapsed = TimeSpan.FromSeconds(0.8),
        NextDueAt = new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero),
    };

    [Theory]
    [InlineData(true, "wire: 1 new, 3 upgraded, 2 duplicate, 5 failed, 4 known (0.8 s); next pass at 2026-12-01T18:00:00Z")]
    [InlineData(false, "wire failed (1 in a row): HTTP 500; 1 new, 3 upgraded, 2 duplicate, 5 failed, 4 known (0.8 s); next pass at 2026-12-01T18:00:00Z")]
    public void The_service_line_of_a_pass_counts_the_upgraded_articles(bool succeeded, string expected)
    {
        var logger = new LastMessage();

        ServiceLog.Pass(logger, succeeded ? Pass : Pass with { Error = "HTTP 500", ConsecutiveFailures = 1 });

        Assert.Equal(expected, logger.Message);
    }

    private sealed class LastMessage : ILogger
    {
        public string? Message { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Message = formatter(state, exception);
    }
}
