using System.CommandLine;

namespace NewsAggregator.Cli;

/// <summary>The command line of DESIGN.md: service mode, <c>--once</c> and <c>extract</c>.</summary>
public static class NewsAggregatorCommandLine
{
    public const int Success = 0;
    public const int SourceFailed = 1;
    public const int UsageError = 2;

    /// <summary>Runs the command <paramref name="args"/> name and returns the process exit code (0, 1 or 2).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = BuildRootCommand(output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }
            await error.WriteLineAsync("Run 'newsaggregator --help' for usage.");
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Program.cs owns SIGINT/SIGTERM so that service mode and --once stop the same way.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        }, cancellationToken);
    }

    private static RootCommand BuildRootCommand(TextWriter output, TextWriter error)
    {
        var once = new Option<bool>("--once")
        {
            Description = "Run every enabled source once, print a summary line per source, then exit.",
        };
        var sources = new Option<string>("--sources")
        {
            Description = "The sources file.",
            DefaultValueFactory = _ => "sources.json",
            HelpName = "FILE",
        };
        var database = new Option<string>("--db")
        {
            Description = "The SQLite database file (created if missing).",
            DefaultValueFactory = _ => "news.db",
            HelpName = "FILE",
        };
        var only = new Option<string[]>("--source")
        {
            Description = "With --once: run only this source (repeatable).",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = false,
        };

        var root = new RootCommand(
            "NewsAggregator: fetches news feeds and pages, keeps the clean article text, removes duplicates, stores it in SQLite.")
        {
            once, sources, database, only,
        };
        root.SetAction((parse, token) => new RunCommand(output, error).RunAsync(new RunSettings
        {
            Once = parse.GetValue(once),
            SourcesPath = parse.GetValue(sources)!,
            DatabasePath = parse.GetValue(database)!,
            OnlySourceIds = parse.GetValue(only) ?? [],
        }, token));

        root.Subcommands.Add(ExtractCommand.Build(output, error));
        return root;
    }
}
