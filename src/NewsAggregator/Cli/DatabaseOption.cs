using System.CommandLine;

namespace NewsAggregator.Cli;

/// <summary><c>--db FILE</c>, the same on every command that opens the worker's database; each says what it does with it.</summary>
internal static class DatabaseOption
{
    public static Option<string> Create(string description) => FilePathValue.NotEmpty(new Option<string>("--db")
    {
        Description = description,
        DefaultValueFactory = _ => "news.db",
        HelpName = "FILE",
    });
}
