using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsAggregator.Extraction;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>
/// What the read-only report commands (<c>sources list</c>, <c>stats</c>) share: the <c>--db</c>
/// option, what a database problem means as an exit code, the aligned table and the JSON settings,
/// so that the reports read and look alike.
/// </summary>
internal static class ReportOutput
{
    /// <summary>
    /// The reports' JSON settings, new for each command's generated serialisation context (a
    /// context takes its settings for its own).
    /// </summary>
    public static JsonSerializerOptions JsonOptions() => new()
    {
        // Readable non-ASCII names and errors; still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static Option<string> DatabaseOption() =>
        Cli.DatabaseOption.Create("The worker's SQLite database; read only, never created or changed.");

    /// <summary>One <c>error:</c> line and the exit code for a database the report cannot read.</summary>
    public static async Task<int> StorageErrorAsync(TextWriter error, StorageException e)
    {
        await error.WriteLineAsync($"error: {e.Message}");
        // As for the worker: a file that cannot be our database is the user's to fix; a lock may pass.
        return e.Failure == StorageFailure.Unusable ? NewsAggregatorCommandLine.UsageError : NewsAggregatorCommandLine.SourceFailed;
    }

    /// <summary>
    /// <paramref name="text"/> from the database or a publisher as one line a terminal shows as it
    /// is: without control characters (<see cref="ControlCharacters"/>), line breaks and tabs as
    /// spaces. Rows stored by older versions, and publishers' words inside error messages, can hold
    /// an escape sequence that would otherwise act on the reader's terminal (retitle it, clear it,
    /// write to its clipboard).
    /// </summary>
    public static string Printable(string text)
    {
        var repaired = ControlCharacters.Repaired(text);
        return repaired.AsSpan().ContainsAny(LineControls) ? string.Join(' ', repaired.Split(LineControls, StringSplitOptions.RemoveEmptyEntries)) : repaired;
    }

    private static readonly char[] LineControls = ['\r', '\n', '\t', '\f'];

    /// <summary>Columns padded to their widest cell (each <see cref="Printable"/>); the last column unpadded, so that a long last cell costs no trailing blanks.</summary>
    public static string Table(IReadOnlyList<string> headings, IEnumerable<string[]> rows)
    {
        var cells = rows.Select(row => row.Select(Printable).ToArray()).Prepend([.. headings]).ToList();
        var widths = Enumerable.Range(0, headings.Count).Select(column => cells.Max(line => line[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in cells)
        {
            var padded = line.Select((cell, column) => column == line.Length - 1 ? cell : cell.PadRight(widths[column]));
            text.Append(string.Join("  ", padded).TrimEnd()).Append(Environment.NewLine);
        }
        return text.ToString();
    }
}
