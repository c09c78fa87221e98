using System.CommandLine;
using System.Globalization;
using NewsAggregator.Sources;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>sources list</c> (<see cref="SourcesListCommand"/>), <c>sources add</c> (<see cref="SourcesAddCommand"/>) and <c>sources validate [--sources FILE]</c>: sources.json checked as the worker checks it at
/// start, selectors included, without opening the database; every problem at once rather than
/// the first, so that a long file is fixed in one go.
/// </summary>
internal static class SourcesCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var sources = SourcesOption.Create();
        var validate = new Command("validate",
            "Check the sources file (fields, URLs, CSS selectors, duplicate ids) without touching the database; exit 2 if anything is wrong.")
        {
            sources,
        };
        validate.SetAction((parse, _) => ValidateAsync(parse.GetValue(sources)!, output, error));
        return new Command("sources", "Work with the sources file.") { validate, SourcesListCommand.Build(output, error), SourcesAddCommand.Build(output, error) };
    }

    private static async Task<int> ValidateAsync(string sourcesPath, TextWriter output, TextWriter error)
    {
        var problems = SourcesFile.Check(sourcesPath);
        if (problems.Count == 0)
        {
            var count = SourcesFile.Load(sourcesPath).Count;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{sourcesPath}: {count} sources, no problems"));
            return NewsAggregatorCommandLine.Success;
        }
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"error: {problem}");
        }
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{sourcesPath}: {problems.Count} {(problems.Count == 1 ? "problem" : "problems")}"));
        return NewsAggregatorCommandLine.UsageError;
    }
}
