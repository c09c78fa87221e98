using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Tests.Cli;
using NewsAggregator.Tests.Hosting;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Configuration;

/// <summary>A wrong setting, how it was given, and what the one-line error must name.</summary>
public sealed record BadSetting(string Case, string? SettingsJson, string[] Arguments, params string[] MustMention)
{
    public override string ToString() => Case;
}

/// <summary>
/// Settings come from appsettings.json (or --config), NEWSAGGREGATOR_* and --Section:Key=value, later
/// ones winning; a wrong one stops the start with exit 2 and a message naming the setting, where it
/// came from and what is accepted, before the database is made or a source is asked for anything.
/// </summary>
public sealed class SettingsTests : IAsyncLifetime
{
    private static readonly string Story = File.ReadAllText(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html"));

    private readonly TempWorkspace _workspace = new();
    private readonly ConcurrentQueue<string> _userAgents = new();
    private LoopbackServer _site = null!;

    public async Task InitializeAsync()
    {
        _site = await LoopbackServer.StartAsync(async context =>
        {
            _userAgents.Enqueue(context.Request.Headers.UserAgent.ToString());
            if (context.Request.Path == "/robots.txt")
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Story);
        });
        _workspace.WriteFile("sources.json",
            $$"""{ "sources": [ { "id": "story", "name": "Story", "type": "page", "url": "{{_site.Url("/2024/05/harbour-market.html")}}" } ] }""");
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _workspace.Dispose();
    }

    public static TheoryData<BadSetting> Cases => new()
    {
        new("not a number", """{ "Fetch": { "TimeoutSeconds": "abc" } }""", [], "Fetch:TimeoutSeconds", "\"abc\"", "accepted 1 to 3600"),
        new("zero", """{ "Fetch": { "TimeoutSeconds": 0 } }""", [], "Fetch:TimeoutSeconds", "accepted 1 to 3600"),
        new("negative", """{ "Fetch": { "TimeoutSeconds": -5 } }""", [], "Fetch:TimeoutSeconds", "\"-5\"", "accepted 1 to 3600"),
        // Beyond int: the range check itself must not overflow (it threw OverflowException, exit 134).
        new("timeout beyond int", """{ "Fetch": { "TimeoutSeconds": 1e10 } }""", [], "Fetch:TimeoutSeconds", "accepted 1 to 3600"),
        new("timeout beyond int on the command line", null, ["--Fetch:TimeoutSeconds=3000000000"], "Fetch:TimeoutSeconds", "command line", "accepted 1 to 3600"),
        new("connect timeout NaN", """{ "Fetch": { "ConnectTimeoutSeconds": "NaN" } }""", [], "Fetch:ConnectTimeoutSeconds", "\"NaN\"", "accepted 1 to 600"),
        new("connect timeout infinite", null, ["--Fetch:ConnectTimeoutSeconds=Infinity"], "Fetch:ConnectTimeoutSeconds", "accepted 1 to 600"),
        new("timeout negative infinity", """{ "Fetch": { "TimeoutSeconds": "-Infinity" } }""", [], "Fetch:TimeoutSeconds", "accepted 1 to 3600"),
        new("body size beyond long", """{ "Fetch": { "MaxBodyBytes": 1e30 } }""", [], "Fetch:MaxBodyBytes", "accepted 1024 to 1073741824"),
        new("body size beyond int", null, ["--Fetch:MaxBodyBytes=3000000000"], "Fetch:MaxBodyBytes", "accepted 1024 to 1073741824"),
        new("too many retries", """{ "Fetch": { "MaxRetries": 99 } }""", [], "Fetch:MaxRetries", "accepted 0 to 10"),
        new("empty user agent", """{ "Fetch": { "UserAgent": " " } }""", [], "Fetch:UserAgent", "non-empty"),
        new("parallel sources out of range", """{ "MaxParallelSources": 0 }""", [], "MaxParallelSources", "accepted 1 to 4096"),
        new("busy timeout out of range", """{ "Storage": { "BusyTimeoutSeconds": 0 } }""", [], "Storage:BusyTimeoutSeconds", "accepted 1 to 3600"),
        new("retention of no days", """{ "Storage": { "RetentionDays": 0 } }""", [], "Storage:RetentionDays", "accepted 1 to 36500 (days)"),
        new("retention not a number", null, ["--Storage:RetentionDays=90d"], "Storage:RetentionDays", "\"90d\"", "accepted 1 to 36500 (days)"),
        new("misspelt key", """{ "Fetch": { "TimeoutSecond": 60 } }""", [], "Fetch:TimeoutSecond", "unknown setting", "TimeoutSeconds"),
        new("unknown section", """{ "Fecth": { "TimeoutSeconds": 60 } }""", [], "Fecth", "unknown setting"),
        new("log level", """{ "Logging": { "LogLevel": { "Default": "Loud" } } }""", [], "Logging:LogLevel:Default", "Information"),
        new("invalid JSON", """{ "Fetch": { "TimeoutSeconds": 30, } ,, }""", [], "settings.json", "JSON"),
        new("command line value", null, ["--Fetch:MaxRedirects=-1"], "Fetch:MaxRedirects", "command line", "accepted 0 to 50"),
        new("command line key", null, ["--Fetch:Retries=3"], "Fetch:Retries", "unknown setting"),
        new("command line wins over the file", """{ "Fetch": { "MaxRetries": 1 } }""", ["--Fetch:MaxRetries=11"], "Fetch:MaxRetries", "command line"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Wrong_setting_stops_the_start_with_exit_2_naming_it(BadSetting bad)
    {
        string[] config = bad.SettingsJson is null ? [] : ["--config", _workspace.WriteFile("settings.json", bad.SettingsJson)];

        var run = await CommandRun.RunAsync(["--once", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath, .. config, .. bad.Arguments]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.All(bad.MustMention, mention => Assert.Contains(mention, run.Error, StringComparison.Ordinal));
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        SourcesFileErrorTests.AssertNoStackTrace(run);
        Assert.False(File.Exists(_workspace.DatabasePath), "a run with a wrong setting must not make the database");
        Assert.Empty(_userAgents);
    }

    [Theory]
    [InlineData("missing.json", "no such settings file")]
    [InlineData(".", "is a folder")]
    public async Task Config_option_naming_no_file_is_a_usage_error(string name, string message)
    {
        var run = await CommandRun.OnceAsync(_workspace, "--config", _workspace.PathOf(name));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        SourcesFileErrorTests.AssertNoStackTrace(run);
    }

    [Fact]
    public async Task A_mistyped_option_is_not_taken_for_a_setting()
    {
        var run = await CommandRun.OnceAsync(_workspace, "--Fetch:TimeoutSeconds", "60");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--Fetch:TimeoutSeconds", run.Error, StringComparison.Ordinal);
        Assert.Empty(_userAgents);
    }

    [Fact]
    public async Task Settings_from_the_file_and_the_command_line_reach_the_requests()
    {
        var config = _workspace.WriteFile("settings.json", """{ "Fetch": { "UserAgent": "FromFile/1.0", "MaxRetries": 0 } }""");

        var fromFile = await CommandRun.OnceAsync(_workspace, "--config", config);
        var fileAgents = _userAgents.ToArray();
        _userAgents.Clear();
        _workspace.DeleteDatabase();
        var fromCommandLine = await CommandRun.OnceAsync(_workspace, "--config", config, "--Fetch:UserAgent=FromCommandLine/2.0");

        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.True(fromCommandLine.ExitCode == 0, fromCommandLine.ToString());
        Assert.NotEmpty(fileAgents);
        Assert.All(fileAgents, agent => Assert.Equal("FromFile/1.0", agent));
        Assert.NotEmpty(_userAgents);
        Assert.All(_userAgents, agent => Assert.Equal("FromCommandLine/2.0", agent));
    }

    /// <summary>The executable itself: appsettings.json from the working directory, then the environment, then the command line.</summary>
    [Fact]
    public async Task Environment_overrides_the_working_directorys_appsettings_and_the_command_line_overrides_both()
    {
        _workspace.WriteFile("appsettings.json", """{ "Fetch": { "UserAgent": "FromAppSettings/1.0" } }""");

        var fromFile = await RunWorkerAsync([], []);
        var fromFileAgents = Drain();
        var fromEnvironment = await RunWorkerAsync([("NEWSAGGREGATOR_Fetch__UserAgent", "FromEnvironment/1.0")], []);
        var fromEnvironmentAgents = Drain();
        var fromCommandLine = await RunWorkerAsync([("NEWSAGGREGATOR_Fetch__UserAgent", "FromEnvironment/1.0")], ["--Fetch:UserAgent=FromCommandLine/1.0"]);
        var fromCommandLineAgents = Drain();

        Assert.All([fromFile, fromEnvironment, fromCommandLine], run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.Equal(["FromAppSettings/1.0"], fromFileAgents.Distinct());
        Assert.Equal(["FromEnvironment/1.0"], fromEnvironmentAgents.Distinct());
        Assert.Equal(["FromCommandLine/1.0"], fromCommandLineAgents.Distinct());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task Wrong_environment_variable_stops_the_executable_with_exit_2_naming_the_variable(string value)
    {
        var run = await RunWorkerAsync([("NEWSAGGREGATOR_Fetch__TimeoutSeconds", value)], []);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("NEWSAGGREGATOR_Fetch__TimeoutSeconds", run.Error, StringComparison.Ordinal);
        Assert.Contains("accepted 1 to 3600", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        SourcesFileErrorTests.AssertNoStackTrace(run);
        Assert.Empty(_userAgents);
    }

    [Fact]
    public async Task Wrong_value_in_the_working_directorys_appsettings_names_the_file()
    {
        var file = _workspace.WriteFile("appsettings.json", """{ "Fetch": { "MinDelayPerHostMilliseconds": -1 } }""");

        var run = await RunWorkerAsync([], []);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(file, run.Error, StringComparison.Ordinal);
        Assert.Contains("Fetch:MinDelayPerHostMilliseconds", run.Error, StringComparison.Ordinal);
    }

    private string[] Drain()
    {
        var agents = _userAgents.ToArray();
        _userAgents.Clear();
        _workspace.DeleteDatabase();
        return agents;
    }

    private async Task<CommandRun> RunWorkerAsync((string Name, string Value)[] environment, string[] arguments)
    {
        var start = new ProcessStartInfo
        {
            FileName = "dotnet",
            WorkingDirectory = _workspace.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[WorkerExecutable.DllPath, "--once", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        // The test process's own NEWSAGGREGATOR_* (if a developer has any) must not leak in.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("NEWSAGGREGATOR_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(bound.Token);
        return new CommandRun(process.ExitCode, await output, await error);
    }
}
