using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Hosting;

/// <summary>deploy/newsaggregator.service, the sample systemd unit the README installs.</summary>
public sealed class SystemdUnitTests : IDisposable
{
    private const string InstalledExecutable = "/opt/newsaggregator/newsaggregator";

    private static readonly string UnitFile = Path.Combine(RepositoryRoot.Path, "deploy", "newsaggregator.service");

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [SystemdAnalyzeFact]
    public async Task The_sample_unit_passes_systemd_analyze_verify()
    {
        var verify = await VerifyAsync(File.ReadAllText(UnitFile));

        Assert.True(verify.ExitCode == 0, verify.ToString());
        // A misspelt key or a bad value is only a warning to verify: any line about the unit fails the test.
        Assert.DoesNotContain("newsaggregator.service", verify.Output + verify.Error);
    }

    /// <summary>The check above would catch a mistake: verify names a misspelt key and an invalid value.</summary>
    [SystemdAnalyzeFact]
    public async Task Verify_reports_a_misspelt_key_and_a_bad_value()
    {
        var broken = File.ReadAllText(UnitFile)
            .Replace("NoNewPrivileges=yes", "NoNewPriviliges=yes", StringComparison.Ordinal)
            .Replace("Restart=on-failure", "Restart=sometimes", StringComparison.Ordinal);

        var verify = await VerifyAsync(broken);

        Assert.Contains("NoNewPriviliges", verify.Error);
        Assert.Contains("sometimes", verify.Error);
    }

    [Fact]
    public void The_unit_is_a_notify_service_with_its_own_user_state_directory_reload_and_restart()
    {
        var settings = File.ReadAllLines(UnitFile)
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToLookup(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

        Assert.Equal("notify", Assert.Single(settings["Type"]));
        Assert.Equal("yes", Assert.Single(settings["DynamicUser"]));
        Assert.Equal("newsaggregator", Assert.Single(settings["StateDirectory"]));
        Assert.Equal("/var/lib/newsaggregator", Assert.Single(settings["WorkingDirectory"]));
        Assert.StartsWith($"{InstalledExecutable} ", Assert.Single(settings["ExecStart"]), StringComparison.Ordinal);
        Assert.Contains("--db /var/lib/newsaggregator/news.db", Assert.Single(settings["ExecStart"]), StringComparison.Ordinal);
        Assert.Equal("/bin/kill -HUP $MAINPID", Assert.Single(settings["ExecReload"]));
        Assert.Equal("on-failure", Assert.Single(settings["Restart"]));
        // The deployment build is native code compiled ahead of time: nothing is written and then
        // executed (PublishedAppTests runs it so), and an exploit cannot either.
        Assert.Equal("yes", Assert.Single(settings["MemoryDenyWriteExecute"]));
    }

    /// <summary>
    /// Verifies a copy of the unit whose ExecStart names a real executable in the workspace:
    /// verify checks that the program exists, and the tests do not install one in /opt.
    /// </summary>
    private async Task<ToolProcess> VerifyAsync(string unit)
    {
        Assert.Contains($"ExecStart={InstalledExecutable} ", unit, StringComparison.Ordinal);
        var executable = _workspace.WriteFile("newsaggregator", "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var copy = _workspace.WriteFile("newsaggregator.service", unit.Replace(InstalledExecutable, executable, StringComparison.Ordinal));
        return await ToolProcess.RunAsync(SystemdAnalyzeFactAttribute.Tool!, ["verify", copy], _workspace.Folder, TimeSpan.FromMinutes(2));
    }
}

/// <summary>A test that needs systemd-analyze: skipped, saying so, on a machine without it.</summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public static string? Tool { get; } = ToolProcess.Find("systemd-analyze");

    public SystemdAnalyzeFactAttribute()
    {
        if (Tool is null)
        {
            Skip = "systemd-analyze is not installed (Debian: apt-get install systemd): the unit file's syntax is not verified";
        }
    }
}
