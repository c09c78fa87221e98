using Microsoft.AspNetCore.Http;
using NewsAggregator.Fetching;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Resilience;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// One RSS source (<c>wire</c>, its feed at <c>/feed.xml</c>) of a publisher on loopback, a real
/// database file, and a clock the test sets: passes hours or days apart run back to back, and what
/// they left of an entry (its retry state, the run's problems) is read from the file.
/// </summary>
public abstract class PassesOverTime : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 0, 0, TimeSpan.Zero);
    private readonly SettableClock _clock = new(Start);

    private protected TemporaryDatabase Files { get; } = new();

    public LoopbackServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync(HandleAsync);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Files.Dispose();
    }

    /// <summary>The publisher's answers.</summary>
    protected abstract Task HandleAsync(HttpContext context);

    protected static Task AnswerAsync(HttpContext context, int status, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        return Task.CompletedTask;
    }

    protected Source Wire() => new() { Id = "wire", Name = "Wire", Type = SourceType.Rss, Url = Server.Url("/feed.xml") };

    /// <summary>A pass over <see cref="Wire"/> at <paramref name="sinceStart"/> after <see cref="Start"/>, with no fetch retries.</summary>
    protected async Task<SourcePassResult> PassAtAsync(TimeSpan sinceStart, Action<FetchOptions>? configure = null)
    {
        _clock.Now = Start + sinceStart;
        var options = InProcessRun.QuickOptions(o =>
        {
            o.MaxRetries = 0;
            configure?.Invoke(o);
        });
        return (await InProcessRun.RunAsync(Files.Path, [Wire()], options, clock: _clock)).Single();
    }

    /// <summary>The retry state the source keeps for the entry at <paramref name="path"/>.</summary>
    protected EntryRetryState? RetryState(string path)
    {
        var database = Files.Open();
        try
        {
            return database.FindEntryRetry("wire", Server.Url(path).ToString());
        }
        finally
        {
            database.Close();
        }
    }

    protected string LastEntryProblems() => Files.Scalar("SELECT entry_problems FROM runs ORDER BY id DESC LIMIT 1") as string ?? "";
}
