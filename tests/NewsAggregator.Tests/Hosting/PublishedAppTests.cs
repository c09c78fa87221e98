using System.Runtime.InteropServices;
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

    /// <summary>Slow: a native (AOT) publish of the worker, two to three minutes, which no other test shares.</summary>
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
        // The deployment build (src/NewsAggregator/Deployment.props): one native executable, compiled
        // ahead of time with its runtime, so that a one-off command starts with nothing to load or
        // compile, and needs no .NET runtime in the image it runs in (runtime-deps).
        Assert.Contains(lines, line => line.StartsWith("FROM mcr.microsoft.com/dotnet/runtime-deps:", StringComparison.Ordinal));
        Assert.True(IsNativeExecutable(Path.Combine(app, "newsaggregator")), "newsaggregator is not a native executable");
        var managed = Directory.GetFiles(app, "*.dll").Concat(Directory.GetFiles(app, "*.runtimeconfig.json")).Select(Path.GetFileName).ToList();
        Assert.True(managed.Count == 0, $"the published folder holds code for a .NET runtime: {string.Join(", ", managed)}");

        var entrypoint = EntryPoint(lines, app, data);
        // A command of the published worker (run as given: the entry point, or perl in front of it),
        // which must succeed; its standard output.
        async Task<string> Run(string[] program, params string[] arguments)
        {
            var run = await ToolProcess.RunAsync(program[0], [.. program[1..], .. arguments], data, TimeSpan.FromMinutes(2));
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.Output;
        }
        var story = new Uri(StorySources.Story).LocalPath;

        Assert.Contains("--once", await Run(entrypoint, "--help"));

        _workspace.WriteOneStory();
        File.Move(_workspace.SourcesPath, Path.Combine(data, "sources.json"));
        var once = await Run(entrypoint, "--once");
        Assert.Contains("story: 1 new", once);
        Assert.True(File.Exists(Path.Combine(data, "news.db")), once);

        // The commands that write JSON or CSV: the native build has no reflection-based serialiser
        // to fall back on, so each must work from code generated at build time.
        using (var stats = JsonDocument.Parse(await Run(entrypoint, "stats", "--json")))
        {
            Assert.Equal(1, stats.RootElement.GetProperty("total").GetProperty("stored").GetInt64());
        }
        using (var sources = JsonDocument.Parse(await Run(entrypoint, "sources", "list", "--json")))
        {
            Assert.Equal("story", sources.RootElement[0].GetProperty("id").GetString());
        }
        using (var hit = JsonDocument.Parse(await Run(entrypoint, "search", "harbour", "--json")))
        {
            Assert.Equal(1, hit.RootElement.GetProperty("id").GetInt64());
        }
        Assert.StartsWith("change_seq,updated_at,id,", await Run(entrypoint, "export", "--format", "csv"), StringComparison.Ordinal);
        using (var page = JsonDocument.Parse(await Run(entrypoint, "extract", story)))
        {
            Assert.Contains("arbour", page.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        // deploy/newsaggregator.service sets MemoryDenyWriteExecute=yes, which a build that compiles
        // code at run time cannot start under (it crashes at start). The kernel's own form of that
        // rule (PR_SET_MDWE, Linux 6.3 and later, which systemd uses where it exists) is set here
        // by perl, which then starts the worker: a pass over the stored story and an extract.
        if (await WriteXorExecuteAsync(entrypoint) is { } guarded)
        {
            Assert.Contains("story: 0 new", await Run(guarded, "--once"));
            await Run(guarded, "extract", story);
        }
    }

    /// <summary>
    /// The command under PR_SET_MDWE (no memory may become executable once writable), or null where
    /// the kernel lacks it or perl is missing: perl makes the prctl system call, then runs the command.
    /// </summary>
    private static async Task<string[]?> WriteXorExecuteAsync(string[] command)
    {
        // prctl's system call number, and PR_SET_MDWE (65) with PR_MDWE_REFUSE_EXEC_GAIN (1).
        var prctl = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => 157,
            Architecture.Arm64 => 167,
            _ => 0,
        };
        var perl = ToolProcess.Find("perl");
        if (prctl == 0 || perl is null)
        {
            return null;
        }
        string[] guarded = [perl, "-e", $"syscall({prctl}, 65, 1, 0, 0, 0) == 0 or exit 111; exec {{ $ARGV[0] }} @ARGV or exit 112", .. command];
        var probe = await ToolProcess.RunAsync(guarded[0], [.. guarded[1..3], "/bin/true"], "/", TimeSpan.FromMinutes(1));
        return probe.ExitCode == 0 ? guarded : null;
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

    /// <summary>Whether the file is an ELF executable (Linux's native format), not a managed assembly run by an apphost.</summary>
    private static bool IsNativeExecutable(string path)
    {
        Span<byte> header = stackalloc byte[18];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }
        // The magic number, then e_type (little-endian at 16): 2 an executable, 3 a position-independent one.
        return header[..4].SequenceEqual("\u007FELF"u8) && header[16] is 2 or 3 && header[17] == 0;
    }

    /// <summary>The ENTRYPOINT's exec form, its image paths made the test's folders.</summary>
    private static string[] EntryPoint(string[] dockerfile, string app, string data)
    {
        var line = Assert.Single(dockerfile, line => line.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        var command = JsonSerializer.Deserialize<string[]>(line["ENTRYPOINT ".Length..])!;
        return [.. command.Select(argument => argument.Replace("/app/", app + "/", StringComparison.Ordinal).Replace("/data/", data + "/", StringComparison.Ordinal))];
    }
}
