using System.Reflection.PortableExecutable;
using System.Text.Json;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Hosting;

/// <summary>
/// What deploy/Dockerfile builds, checked without Docker: the app published with the Dockerfile's
/// own <c>dotnet publish</c> line into a folder, started with the Dockerfile's own ENTRYPOINT,
/// its <c>/app</c> and <c>/data</c> mapped to temporary folders.
/// </summary>
public sealed class PublishedAppTests : IDisposable
{
    private static readonly string Dockerfile = Path.Combine(RepositoryRoot.Path, "deploy", "Dockerfile");

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>Slow: a Release build of the worker and its library, about a minute, which no other test shares.</summary>
    [Fact]
    [Trait("Duration", "slow")]
    public async Task The_app_the_Dockerfile_publishes_starts_from_its_folder_and_runs_once()
    {
        var lines = File.ReadAllLines(Dockerfile);
        var app = Directory.CreateDirectory(Path.Combine(_workspace.Folder, "app")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(_workspace.Folder, "data")).FullName;

        var publishLine = Assert.Single(lines, line => line.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var publish = publishLine["RUN dotnet ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var output = publish.IndexOf("-o");
        Assert.True(output > 0 && publish[output + 1] == "/app", $"the publish line writes to /app: {publishLine}");
        publish[output + 1] = app;
        // No build server outlives the test (they would hold the test run's output open).
        publish.Add("--disable-build-servers");
        // The Dockerfile's build stage works in a copy of the repository root (WORKDIR /src).
        var published = await ToolProcess.RunAsync("dotnet", publish, RepositoryRoot.Path, TimeSpan.FromMinutes(10));
        Assert.True(published.ExitCode == 0, published.ToString());
        // The deployment build (src/NewsAggregator/Deployment.props): the worker and its library carry
        // ReadyToRun code, so that a one-off command does not start by compiling them.
        Assert.All(["newsaggregator.dll", "NewsAggregator.Core.dll"], file => Assert.True(IsReadyToRun(Path.Combine(app, file)), $"{file} is not ReadyToRun"));
        // Self-contained, as the image it runs in (runtime-deps) has no .NET runtime: the runtime is in
        // the folder, the runtime settings name no shared framework to look for, and the worker and the
        // libraries are compiled together into one composite image.
        Assert.Contains(lines, line => line.StartsWith("FROM mcr.microsoft.com/dotnet/runtime-deps:", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(app, "libcoreclr.so")), "the runtime is not in the published folder");
        using (var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(app, "newsaggregator.runtimeconfig.json"))))
        {
            Assert.False(runtimeConfig.RootElement.GetProperty("runtimeOptions").TryGetProperty("framework", out _), "the app asks for a shared framework");
        }
        Assert.True(File.Exists(Path.Combine(app, "newsaggregator.r2r.dll")), "no composite ReadyToRun image");

        var entrypoint = EntryPoint(lines, app, data);
        var help = await ToolProcess.RunAsync(entrypoint[0], [.. entrypoint[1..], "--help"], data, TimeSpan.FromMinutes(2));
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--once", help.Output);

        _workspace.WriteOneStory();
        File.Move(_workspace.SourcesPath, Path.Combine(data, "sources.json"));
        var once = await ToolProcess.RunAsync(entrypoint[0], [.. entrypoint[1..], "--once"], data, TimeSpan.FromMinutes(2));
        Assert.True(once.ExitCode == 0, once.ToString());
        Assert.Contains("story: 1 new", once.Output);
        Assert.True(File.Exists(Path.Combine(data, "news.db")), once.ToString());
    }

    [Fact]
    public void The_files_the_Dockerfile_copies_for_the_restore_exist()
    {
        var copies = File.ReadAllLines(Dockerfile)
            .Where(line => line.StartsWith("COPY ", StringComparison.Ordinal) && !line.Contains("--from", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();

        Assert.NotEmpty(copies);
        Assert.All(copies, path => Assert.True(Path.Exists(Path.Combine(RepositoryRoot.Path, path)), $"{path} is not in the repository"));
    }

    /// <summary>Whether the assembly holds ahead-of-time code: a ReadyToRun image has a managed native header.</summary>
    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    /// <summary>The ENTRYPOINT's exec form, its image paths made the test's folders.</summary>
    private static string[] EntryPoint(string[] dockerfile, string app, string data)
    {
        var line = Assert.Single(dockerfile, line => line.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        var command = JsonSerializer.Deserialize<string[]>(line["ENTRYPOINT ".Length..])!;
        return [.. command.Select(argument => argument.Replace("/app/", app + "/", StringComparison.Ordinal).Replace("/data/", data + "/", StringComparison.Ordinal))];
    }
}
