using System.Diagnostics;

namespace NewsAggregator.Tests.Hosting;

/// <summary>A program the tests run to its end, with what it wrote.</summary>
internal sealed record ToolProcess(int ExitCode, string Output, string Error)
{
    /// <summary>Where a program is found on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    /// <param name="hangGuard">Only keeps a broken build from hanging the suite; not a timing assertion.</param>
    public static async Task<ToolProcess> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan hangGuard)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            using var bound = new CancellationTokenSource(hangGuard);
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return new ToolProcess(process.ExitCode, await output, await error);
    }

    public override string ToString() => $"exit {ExitCode}\n--- output ---\n{Output}--- error ---\n{Error}";
}
