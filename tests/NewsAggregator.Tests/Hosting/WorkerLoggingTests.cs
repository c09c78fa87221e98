using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsAggregator.Hosting;
using NewsAggregator.Tests.TestWeb;
using static NewsAggregator.Tests.Hosting.ServiceDatabase;
using static NewsAggregator.Tests.Hosting.StorySources;

namespace NewsAggregator.Tests.Hosting;

/// <summary>
/// The log as operators read it: the built-in formatters (simple by default, json and systemd by
/// setting) on standard error, a start and a stop line, and one line per pass with its next due time.
/// </summary>
public sealed partial class WorkerLoggingTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public WorkerLoggingTests() =>
        _workspace.WriteSources($$"""
            { "id": "story", "name": "One story", "type": "page", "url": "{{Story}}" },
            { "id": "idle", "name": "Disabled", "type": "page", "url": "{{Story}}", "enabled": false }
            """);

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Simple_format_is_one_line_per_event_with_a_UTC_timestamp_whatever_the_culture()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var culture = CultureInfo.CurrentCulture;
        CommandRun run;
        try
        {
            // The Thai calendar counts years from 543 BC: a culture-shaped timestamp would say 25xx.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH");
            run = await CommandRun.OnceAsync(_workspace, "--Logging:LogLevel:Default=Debug");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = Lines(run.Error);
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            var match = SimpleLine().Match(line);
            Assert.True(match.Success, line);
            var time = DateTimeOffset.ParseExact(match.Groups["time"].Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal);
            Assert.InRange(time, before, after);
        });
        Assert.Contains(lines, line => line.Contains(" dbug: NewsAggregator.Pipeline.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_logs_nothing_when_every_source_worked_its_summary_says_it()
    {
        var run = await CommandRun.OnceAsync(_workspace);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Contains("story: 1 new", run.Output);
    }

    [Fact]
    public async Task Service_logs_a_start_line_one_line_per_pass_with_its_next_due_time_and_a_stop_line()
    {
        var run = await RunServiceUntilOnePassAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = Lines(run.Error);
        Assert.All(lines, line => Assert.Matches(SimpleLine(), line));
        Assert.EndsWith(
            $" info: NewsAggregator.Hosting.ServiceLifecycleLog[1] NewsAggregator {ServiceLifecycleLog.Version} started: " +
            $"1 of 2 sources enabled in {_workspace.SourcesPath}, database {_workspace.DatabasePath}",
            lines[0], StringComparison.Ordinal);
        var nextDue = Scalar<string>(_workspace.DatabasePath, "SELECT next_due_at FROM source_state WHERE source_id = 'story'");
        var pass = Assert.Single(lines, line => line.Contains("SourceJob", StringComparison.Ordinal));
        Assert.Matches(
            $@" info: NewsAggregator\.Hosting\.SourceJob\[10\] story: 1 new, 0 upgraded, 0 duplicate, 0 failed, 0 known \(\d+(\.\d)? s\); next pass at {Regex.Escape(nextDue)}$",
            pass);
        Assert.EndsWith($" info: NewsAggregator.Hosting.ServiceLifecycleLog[2] NewsAggregator {ServiceLifecycleLog.Version} stopped", lines[^1],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_pass_is_a_warning_with_its_reason_failures_in_a_row_and_next_due_time()
    {
        _workspace.WriteSources($$"""{ "id": "gone", "name": "Gone", "type": "page", "url": "{{new Uri(_workspace.PathOf("missing.html")).AbsoluteUri}}" }""");

        var run = await RunServiceUntilOnePassAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var nextDue = Scalar<string>(_workspace.DatabasePath, "SELECT next_due_at FROM source_state WHERE source_id = 'gone'");
        // The only warning: the pipeline's own line about the failure is a detail, at Debug.
        var line = Assert.Single(Lines(run.Error), line => line.Contains(" warn: ", StringComparison.Ordinal));
        Assert.Matches(
            $@" warn: NewsAggregator\.Hosting\.SourceJob\[12\] gone failed \(1 in a row\): .*missing\.html.*; 0 new, 0 upgraded, 0 duplicate, 0 failed, 0 known \(\d+(\.\d)? s\); next pass at {Regex.Escape(nextDue)}$",
            line);
    }

    [Fact]
    public async Task Once_logs_a_failed_source_once_as_a_warning_with_its_reason()
    {
        _workspace.WriteSources($$"""
            { "id": "gone", "name": "Gone", "type": "page", "url": "{{new Uri(_workspace.PathOf("missing.html")).AbsoluteUri}}" },
            { "id": "story", "name": "One story", "type": "page", "url": "{{Story}}" }
            """);

        var run = await CommandRun.OnceAsync(_workspace);

        Assert.True(run.ExitCode == 1, run.ToString());
        var nextDue = Scalar<string>(_workspace.DatabasePath, "SELECT next_due_at FROM source_state WHERE source_id = 'gone'");
        var line = Assert.Single(Lines(run.Error));
        Assert.Matches(
            $@" warn: NewsAggregator\.Cli\.RunCommand\[12\] gone failed \(1 in a row\): .*missing\.html.*; 0 new, 0 upgraded, 0 duplicate, 0 failed, 0 known \(\d+(\.\d)? s\); next pass at {Regex.Escape(nextDue)}$",
            line);
        Assert.Contains("story: 1 new", run.Output);
    }

    [Fact]
    public async Task Json_format_writes_each_event_as_one_JSON_object_with_its_structured_fields()
    {
        var run = await RunServiceUntilOnePassAsync("--Logging:Console:FormatterName=json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = Lines(run.Error).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.All(events, e => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", e.GetProperty("Timestamp").GetString()));

        var started = events[0];
        Assert.Equal(1, started.GetProperty("EventId").GetInt32());
        Assert.Equal("Information", started.GetProperty("LogLevel").GetString());
        var state = started.GetProperty("State");
        Assert.Equal(ServiceLifecycleLog.Version, state.GetProperty("Version").GetString());
        Assert.Equal(2, state.GetProperty("Sources").GetInt32());
        Assert.Equal(1, state.GetProperty("EnabledSources").GetInt32());
        Assert.Equal(_workspace.DatabasePath, state.GetProperty("DatabasePath").GetString());

        var pass = Assert.Single(events, e => e.GetProperty("EventId").GetInt32() == 10).GetProperty("State");
        Assert.Equal("story", pass.GetProperty("SourceId").GetString());
        Assert.Equal(1, pass.GetProperty("NewArticles").GetInt32());
        Assert.Equal(0, pass.GetProperty("Duplicates").GetInt32());
        Assert.Equal(JsonValueKind.Number, pass.GetProperty("ElapsedSeconds").ValueKind);
        Assert.Equal(Scalar<string>(_workspace.DatabasePath, "SELECT next_due_at FROM source_state WHERE source_id = 'story'"),
            pass.GetProperty("NextDueAt").GetString());

        Assert.Equal(2, events[^1].GetProperty("EventId").GetInt32());
    }

    [Fact]
    public async Task With_scopes_included_every_event_of_a_pass_carries_its_source_id_and_URL()
    {
        var run = await RunServiceUntilOnePassAsync("--Logging:Console:FormatterName=json",
            "--Logging:Console:FormatterOptions:IncludeScopes=true", "--Logging:LogLevel:Default=Debug");

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = Lines(run.Error).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        var pass = Assert.Single(events, e => e.GetProperty("EventId").GetInt32() == 10);
        // Quartz adds a scope of its own.
        var scope = Assert.Single(pass.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("SourceId", out _));
        Assert.Equal("story", scope.GetProperty("SourceId").GetString());
        Assert.Equal(Story, scope.GetProperty("SourceUrl").GetString());
        // The pipeline's details of the pass are in the same scope.
        Assert.Contains(events, e => e.GetProperty("Category").GetString()!.StartsWith("NewsAggregator.Pipeline.", StringComparison.Ordinal)
                                     && e.GetProperty("Scopes").EnumerateArray().Any(s => s.TryGetProperty("SourceId", out var id) && id.GetString() == "story"));
        // Times in fields are written as in the database, not in a culture's shape.
        var due = Assert.Single(events, e => e.GetProperty("State").TryGetProperty("NextDue", out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", due.GetProperty("State").GetProperty("NextDue").GetString());
    }

    [Fact]
    public async Task Systemd_format_is_selectable_and_leads_each_line_with_its_syslog_priority()
    {
        var run = await CommandRun.OnceAsync(_workspace, "--Logging:LogLevel:Default=Debug", "--Logging:Console:FormatterName=systemd");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = Lines(run.Error);
        Assert.NotEmpty(lines);
        // <7> is debug for journald, which adds its own timestamp.
        Assert.All(lines, line => Assert.Matches(@"^<[0-7]>[\w.]+\[\d+\] \S", line));
        Assert.Contains(lines, line => line.StartsWith("<7>NewsAggregator.Pipeline.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_formatter_is_a_usage_error_naming_the_setting_and_the_accepted_ones()
    {
        var run = await CommandRun.OnceAsync(_workspace, "--Logging:Console:FormatterName=xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: setting Logging:Console:FormatterName = \"xml\" (command line --Logging:Console:FormatterName): accepted simple, json or systemd\n",
            run.Error);
        Assert.False(File.Exists(_workspace.DatabasePath));
    }

    /// <summary>The service in-process until its first pass is under way; stopping lets that pass finish and log.</summary>
    private async Task<CommandRun> RunServiceUntilOnePassAsync(params string[] settings)
    {
        using var stop = new CancellationTokenSource();
        var service = CommandRun.RunAsync(["--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath, .. settings], stop.Token);
        await WaitUntilAsync(() => CountRuns(_workspace.DatabasePath) == 1, service);
        stop.Cancel(); // what SIGTERM does in Program.cs
        return await service;
    }

    private static List<string> Lines(string log) => log.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    // "2026-12-01T17:17:29Z info: NewsAggregator.Hosting.SourceJob[10] story: 1 new, ..."
    [GeneratedRegex(@"^(?<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (trce|dbug|info|warn|fail|crit): [\w.]+\[\d+\] \S")]
    private static partial Regex SimpleLine();
}
