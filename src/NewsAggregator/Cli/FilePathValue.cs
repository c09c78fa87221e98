using System.CommandLine;
using System.CommandLine.Parsing;

namespace NewsAggregator.Cli;

/// <summary>
/// A file name given on the command line (<c>--db</c>, <c>--sources</c>, <c>--output</c>, an OPML
/// file) must not be empty: .NET's file APIs throw ArgumentException for "", which escaped as a
/// crash with a stack trace, and <c>sources add</c> had already fetched the URL by then. Checked by
/// the parser, so that no command starts work with one.
/// </summary>
internal static class FilePathValue
{
    /// <summary>The end of every such message: <see cref="NewsAggregatorCommandLine"/> leaves out its usage hint for it, the line says all.</summary>
    public const string Remedy = "; give a file name";

    public static Option<T> NotEmpty<T>(Option<T> option)
    {
        option.Validators.Add(result => Check(result, result.GetValueOrDefault<T>(), option.Name));
        return option;
    }

    public static Argument<T> NotEmpty<T>(Argument<T> argument)
    {
        argument.Validators.Add(result => Check(result, result.GetValueOrDefault<T>(), argument.Name));
        return argument;
    }

    public static bool IsOwn(string message) => message.EndsWith(Remedy, StringComparison.Ordinal);

    private static void Check<T>(SymbolResult result, T value, string name)
    {
        if (value is string { Length: 0 })
        {
            result.AddError($"{name} is empty{Remedy}");
        }
    }
}
