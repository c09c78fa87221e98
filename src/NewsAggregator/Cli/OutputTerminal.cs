namespace NewsAggregator.Cli;

/// <summary>What <c>--progress</c> asks of <c>--once</c>: <c>auto</c>, <c>plain</c> or <c>tty</c>.</summary>
public enum ProgressRequest
{
    /// <summary>A live line on a terminal; plain lines when the output is redirected, <c>NO_COLOR</c> is set or <c>TERM=dumb</c>.</summary>
    Auto,
    /// <summary>Plain lines whatever the output: no control codes at all.</summary>
    Plain,
    /// <summary>The live line whatever the output, as a terminal gets it (for a pseudo-terminal a program cannot recognise, and tests).</summary>
    Tty,
}

/// <summary>
/// The standard output as far as choosing the form of <c>--once</c> needs to know it: whether
/// a person is watching it, how wide it is, and the environment variables that speak for that person.
/// </summary>
/// <param name="Width">The terminal's columns, or null when it cannot say; asked only when the live line is drawn.</param>
internal sealed record OutputTerminal(bool IsTerminal, Func<int?> Width, Func<string, string?> Environment)
{
    /// <summary>The process's terminal when <paramref name="output"/> is the console's standard output and that is not redirected.</summary>
    public static OutputTerminal Of(TextWriter output)
    {
        var isTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return new OutputTerminal(isTerminal, isTerminal ? Columns : () => null, System.Environment.GetEnvironmentVariable);
    }

    /// <summary>
    /// Whether <c>--once</c> redraws a progress line: asked for outright, or on a terminal unless
    /// <c>NO_COLOR</c> (any non-empty value, as no-color.org defines it) or <c>TERM=dumb</c> says
    /// the reader wants plain text. An explicit <c>--progress</c> wins over both, as no-color.org asks.
    /// </summary>
    public bool ShowsLiveProgress(ProgressRequest request) => request switch
    {
        ProgressRequest.Plain => false,
        ProgressRequest.Tty => true,
        _ => IsTerminal
             && string.IsNullOrEmpty(Environment("NO_COLOR"))
             && !string.Equals(Environment("TERM"), "dumb", StringComparison.Ordinal),
    };

    private static int? Columns()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            // Some terminals (a serial console, a container without a size) cannot say: the line is then not cut.
            return null;
        }
    }
}
