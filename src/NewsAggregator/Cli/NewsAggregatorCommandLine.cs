using System.CommandLine;
using NewsAggregator.Hosting;

namespace NewsAggregator.Cli;

/// <summary>The command line of DESIGN.md: service mode, <c>--once</c>, <c>extract</c>, <c>import-opml</c>, <c>export-opml</c>, <c>sources list</c>, <c>sources validate</c>, <c>sources add</c>, <c>stats</c>, <c>export</c>, <c>search</c>, <c>reextract</c> and <c>prune</c>.</summary>
public static class NewsAggregatorCommandLine
{
    public const int Success = 0;
    public const int SourceFailed = 1;
    public const int UsageError = 2;

    /// <summary>Runs the command <paramref name="args"/> name and returns the process exit code (0, 1 or 2).</summary>
    /// <param name="reload">Raised on SIGHUP: the service reads sources.json again.</param>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken, SourcesReload? reload = null)
    {
        var root = BuildRootCommand(output, error, reload);
        var parsed = root.Parse(args);
        var problems = parsed.Errors.Select(e => e.Message)
            // Settings are for the worker (the root command); after a subcommand any leftover is a mistake.
            .Concat((parsed.CommandResult.Command == root ? parsed.UnmatchedTokens.Where(t => !IsSetting(t)) : parsed.UnmatchedTokens)
                .Concat(UnknownOptions.In(parsed))
                .Select(t => $"Unrecognized command or argument '{t}'."))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"error: {problem}");
            }
            // An empty file name is said in full by its line; the help would add nothing.
            if (!problems.All(FilePathValue.IsOwn))
            {
                await error.WriteLineAsync("Run 'newsaggregator --help' for usage.");
            }
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

    /// <summary>
    /// A setting on the command line, as the .NET command-line configuration writes it:
    /// <c>--Fetch:TimeoutSeconds=60</c> or <c>--MaxParallelSources=16</c>. Anything else left
    /// over is a mistyped option, not a setting.
    /// </summary>
    private static bool IsSetting(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.IndexOf('=', StringComparison.Ordinal) is var equals and > 2
        && token[2..equals].All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '_' or '.');

    private static RootCommand BuildRootCommand(TextWriter output, TextWriter error, SourcesReload? reload)
    {
        var once = new Option<bool>("--once")
        {
            Description = "Run every enabled source once, print each source's summary line as it finishes and a table of them all, then exit.",
        };
        var sources = SourcesOption.Create();
        var database = DatabaseOption.Create("The SQLite database file (created if missing).");
        var only = new Option<string[]>("--source")
        {
            Description = "With --once: run only this source (repeatable).",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = false,
        };

        var progress = new Option<string>("--progress")
        {
            Description = "With --once: auto (a live progress line on a terminal; plain lines when the output is redirected, " +
                          "NO_COLOR is set or TERM is dumb), plain (never a control code) or tty (the live line whatever the output).",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|plain|tty",
        };
        progress.AcceptOnlyFromAmong("auto", "plain", "tty");

        var config = ConfigOption.Create("A settings file (JSON, as appsettings.json); default ./appsettings.json when it exists. " +
                                         "NEWSAGGREGATOR_* environment variables and --Section:Key=value arguments override it.");

        var root = new RootCommand(
            "NewsAggregator: fetches news feeds and pages, keeps the clean article text, removes duplicates, stores it in SQLite.")
        {
            once, sources, database, only, config, progress,
        };
        // Settings such as --Fetch:TimeoutSeconds=60 reach the configuration; other leftovers are errors (RunAsync).
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, token) => new RunCommand(output, error, reload).RunAsync(new RunSettings
        {
            Once = parse.GetValue(once),
            SourcesPath = parse.GetValue(sources)!,
            DatabasePath = parse.GetValue(database)!,
            OnlySourceIds = parse.GetValue(only) ?? [],
            Progress = Enum.Parse<ProgressRequest>(parse.GetValue(progress)!, ignoreCase: true),
            ConfigPath = parse.GetValue(config),
            SettingOverrides = parse.UnmatchedTokens.ToList(),
        }, token));

        root.Subcommands.Add(ExtractCommand.Build(output, error));
        root.Subcommands.Add(ImportOpmlCommand.Build(output, error));
        root.Subcommands.Add(ExportOpmlCommand.Build(output, error));
        root.Subcommands.Add(SourcesCommand.Build(output, error));
        root.Subcommands.Add(StatsCommand.Build(output, error));
        root.Subcommands.Add(ExportCommand.Build(output, error));
        root.Subcommands.Add(SearchCommand.Build(output, error));
        root.Subcommands.Add(ReextractCommand.Build(output, error));
        root.Subcommands.Add(PruneCommand.Build(output, error));
        return root;
    }
}
