using System.CommandLine;
using System.CommandLine.Parsing;

namespace NewsAggregator.Cli;

/// <summary>
/// Words that look like an option (<c>--sources</c>) but were given to a command's argument.
/// System.CommandLine hands a token it does not know to an argument that takes any number of
/// words (search's QUERY, extract's PATH) instead of reporting it as it does for a command
/// without one, so <c>search bridge --sources x</c> searched for "bridge --sources x". A word
/// after a lone <c>--</c> is the argument's as written, the usual way to give one with dashes.
/// </summary>
internal static class UnknownOptions
{
    public static IEnumerable<string> In(ParseResult parsed)
    {
        var doubleDash = parsed.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash).Count();
        // An option's own value may start with dashes (--remove --x): only the argument's words count.
        var argumentWords = parsed.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        return parsed.Tokens.Take(doubleDash)
            .Where(t => argumentWords.Contains(t) && t.Value.Length > 2 && t.Value.StartsWith("--", StringComparison.Ordinal))
            .Select(t => t.Value);
    }
}
