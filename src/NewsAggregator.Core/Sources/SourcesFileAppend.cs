using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsAggregator.Sources;

/// <summary>
/// Adds sources to sources.json by inserting their text after the last entry of the
/// <c>sources</c> array: everything already in the file, comments, layout and the entries
/// themselves, stays byte for byte as it was. New entries take one line each, as the committed
/// file writes them, indented like the entry before them.
/// </summary>
public static class SourcesFileAppend
{
    private const string DefaultIndent = "    ";

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The sources file before anything is added: its sources, as the worker would load them, and
    /// its bytes; no sources and null bytes when there is no file yet (adding then starts one).
    /// </summary>
    /// <exception cref="SourcesFileException">The file has a mistake, is a folder or cannot be read.</exception>
    public static (IReadOnlyList<Source> Sources, byte[]? Bytes) Read(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return ([], null);
        }
        var sources = SourcesFile.Load(path);
        try
        {
            return (sources, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Loaded a moment ago, unreadable now: gone or locked in between.
            throw new SourcesFileException($"{path}: cannot read the sources file: {e.Message}");
        }
    }

    /// <summary>
    /// Appends <paramref name="added"/> to the file read as <paramref name="existing"/> and writes
    /// it atomically, after reading the result back as the worker would: a file that would not
    /// load is never written.
    /// </summary>
    /// <exception cref="SourcesFileException">The result would not load.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    public static void AppendAndWrite(string path, byte[]? existing, IReadOnlyList<Source> added)
    {
        var updated = Append(existing, added);
        SourcesFile.Parse(Decode(updated), path);
        WriteAtomically(path, updated);
    }

    /// <summary>The file as it is to be written: a fresh one when <paramref name="existing"/> is null.</summary>
    /// <param name="existing">The file's bytes, already checked by <see cref="SourcesFile.Parse"/>.</param>
    public static byte[] Append(byte[]? existing, IReadOnlyList<Source> added)
    {
        existing ??= "{\n  \"sources\": [\n  ]\n}\n"u8.ToArray();
        var (insertAt, lastEntryStart) = EndOfLastEntry(existing);
        var hasEntries = lastEntryStart >= 0;
        var indent = hasEntries ? IndentOfLine(existing, lastEntryStart) : DefaultIndent;

        var text = new StringBuilder();
        for (var i = 0; i < added.Count; i++)
        {
            // The comma goes right after the entry before, so a trailing comma after it stays a trailing comma.
            text.Append(i > 0 || hasEntries ? ",\n" : "\n").Append(indent).Append(EntryJson(added[i]));
        }
        var insert = Encoding.UTF8.GetBytes(text.ToString());
        return [.. existing.AsSpan(0, insertAt), .. insert, .. existing.AsSpan(insertAt)];
    }

    /// <summary>The file's text as <see cref="File.ReadAllText(string)"/> gives it: a byte order mark is not part of it.</summary>
    public static string Decode(byte[] json) =>
        Encoding.UTF8.GetString(json.AsSpan().StartsWith(Utf8Bom) ? json.AsSpan(Utf8Bom.Length) : json);

    /// <summary>One source as a single-line JSON object, with only the fields an imported feed sets.</summary>
    public static string EntryJson(Source source)
    {
        var text = new StringBuilder("{ ");
        Field(text, "id", source.Id).Append(", ");
        Field(text, "name", source.Name).Append(", ");
        Field(text, "type", source.TypeName).Append(", ");
        Field(text, "url", source.Url.OriginalString);
        if (source.Category is { } category)
        {
            Field(text.Append(", "), "category", category);
        }
        return text.Append(" }").ToString();
    }

    private static StringBuilder Field(StringBuilder text, string name, string value) =>
        // Names in other scripts stay readable in the file; still valid JSON.
        text.Append('"').Append(name).Append("\": \"")
            .Append(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value).Append('"');

    /// <summary>
    /// The byte just after the last entry of <c>sources</c> (after its <c>[</c> when empty), and
    /// where that entry starts (-1 when there is none).
    /// </summary>
    private static (int Position, int LastEntryStart) EndOfLastEntry(byte[] json)
    {
        var start = json.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var reader = new Utf8JsonReader(json.AsSpan(start), new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        });
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSources = reader.ValueTextEquals("sources"u8);
            reader.Read();
            if (!isSources)
            {
                reader.Skip();
                continue;
            }
            var position = (int)reader.BytesConsumed;
            var lastEntryStart = -1;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                lastEntryStart = start + (int)reader.TokenStartIndex;
                reader.Skip();
                position = (int)reader.BytesConsumed;
            }
            return (start + position, lastEntryStart);
        }
        throw new SourcesFileException("the sources file has no \"sources\" array");
    }

    private static string IndentOfLine(byte[] json, int position)
    {
        var lineStart = position == 0 ? 0 : Array.LastIndexOf(json, (byte)'\n', position - 1) + 1;
        var end = lineStart;
        while (end < json.Length && json[end] is (byte)' ' or (byte)'\t')
        {
            end++;
        }
        return end > lineStart ? Encoding.ASCII.GetString(json, lineStart, end - lineStart) : DefaultIndent;
    }

    /// <summary>
    /// Replaces the file at <paramref name="path"/> in one step: the bytes go to a temporary file
    /// beside it, which is then renamed over it, so a crash or a full disk leaves the old file
    /// whole and a running service reloading on SIGHUP never reads half a file.
    /// </summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                // The new file would otherwise get the umask's mode, not the one the user gave the old.
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
