using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using NewsAggregator.Tests.TestWeb;
using static NewsAggregator.Tests.Hosting.ServiceDatabase;

namespace NewsAggregator.Tests.Hosting;

/// <summary>
/// The service as systemd runs it (Type=notify), without systemd: .NET recognises systemd as the
/// parent process's name, so the worker is started by a shell copied under that name, with
/// NOTIFY_SOCKET naming a socket the test listens on, as systemd does.
/// </summary>
public sealed class SystemdNotificationTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Under_systemd_the_service_notifies_ready_and_stopping_and_logs_with_journal_priorities()
    {
        _workspace.WriteOneStory();
        var systemd = _workspace.PathOf("systemd");
        File.Copy("/bin/sh", systemd);
        using var notifications = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notifications.Bind(new UnixDomainSocketEndPoint(_workspace.PathOf("notify")));
        var pidFile = _workspace.PathOf("worker.pid");

        // The worker runs as the shell's child (not exec'd in its place), so its parent is "systemd".
        var start = new ProcessStartInfo(systemd)
        {
            ArgumentList = { "-c", "\"$@\" & echo $! > \"$0\"; wait $!", pidFile, "dotnet", WorkerExecutable.DllPath,
                             "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NOTIFY_SOCKET"] = _workspace.PathOf("notify");
        using var shell = Process.Start(start)!;
        var log = shell.StandardError.ReadToEndAsync();
        try
        {
            Assert.Equal("READY=1", await ReceiveAsync(notifications));
            await WaitUntilAsync(() => CountRuns(_workspace.DatabasePath) == 1, shell);
            var worker = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
            using (var kill = Process.Start("kill", ["-TERM", worker.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            Assert.Equal("STOPPING=1", await ReceiveAsync(notifications));
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang guard, not a timing assertion
            await shell.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!shell.HasExited)
            {
                shell.Kill(entireProcessTree: true);
            }
        }

        var text = await log;
        Assert.True(shell.ExitCode == 0, text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // journald reads the <N> prefix as the line's priority (6 info, 4 warning) and adds its own time.
        Assert.All(lines, line => Assert.Matches(@"^<[0-7]>[\w.]+\[\d+\] \S", line));
        Assert.Contains(lines, line => line.StartsWith("<6>NewsAggregator.Hosting.SourceJob[10] story: 1 new", StringComparison.Ordinal));
    }

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[256];
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang guard, not a timing assertion
        var received = await socket.ReceiveAsync(buffer, SocketFlags.None, bound.Token);
        return Encoding.UTF8.GetString(buffer, 0, received);
    }
}
