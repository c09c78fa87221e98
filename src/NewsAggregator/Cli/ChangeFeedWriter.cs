using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>
/// Writes the articles of <c>export</c> in one of its formats. Both formats take their columns
/// from <see cref="Columns"/>, so that a column added there shows in both. Their names are those
/// of the database and are documented in the README: never rename one, and add new ones at the
/// end, so that a CSV reader that takes columns by position keeps working.
/// </summary>
internal abstract class ChangeFeedWriter
{
    /// <summary>The article's columns in the order written; <c>sightings</c> is a list, the others a text, a number or null.</summary>
    private static readonly (string Name, Func<ArticleChange, object?> Value)[] Columns =
    [
        ("change_seq", a => a.ChangeSeq),
        ("updated_at", a => a.UpdatedAt),
        ("id", a => a.Id),
        ("source_id", a => a.SourceId),
        ("url", a => a.Url),
        ("title", a => a.Title),
        ("byline", a => a.Byline),
        ("published_at", a => a.PublishedAt),
        ("fetched_at", a => a.FetchedAt),
        ("language", a => a.Language),
        ("text", a => a.Text),
        ("content_hash", a => a.ContentHash),
        ("site_name", a => a.SiteName),
        ("image_url", a => a.ImageUrl),
        ("description", a => a.Description),
        ("html", a => a.Html),
        ("enclosure_url", a => a.EnclosureUrl),
        ("enclosure_type", a => a.EnclosureType),
        ("enclosure_length", a => a.EnclosureLength),
        ("sightings", a => a.Sightings),
        ("text_source", a => a.TextSource),
    ];

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Readable non-ASCII text; still valid JSON, and never a raw line break inside a line.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ChangeFeedWriter For(string format, TextWriter output) =>
        format == "csv" ? new Csv(output) : new JsonLines(output);

    public abstract void Write(ArticleChange article);

    /// <summary>A deleted article: <c>{"change_seq", "id", "deleted": true, "deleted_at", "reason", "merged_into"}</c> (JSON lines only).</summary>
    public virtual void Write(ArticleDeletion deletion) =>
        throw new NotSupportedException("deletions are written as JSON lines only");

    public abstract void Flush();

    private static void WriteSightings(Utf8JsonWriter json, IReadOnlyList<ArticleSighting> sightings)
    {
        json.WriteStartArray();
        foreach (var sighting in sightings)
        {
            json.WriteStartObject();
            json.WriteString("source_id", sighting.SourceId);
            json.WriteString("url", sighting.Url);
            json.WriteString("seen_at", sighting.SeenAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>UTF-16 text of what <paramref name="write"/> puts into a JSON writer.</summary>
    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(json);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>One JSON object a line, the sightings an array of objects.</summary>
    private sealed class JsonLines(TextWriter output) : ChangeFeedWriter
    {
        public override void Write(ArticleChange article) => output.WriteLine(Json(json =>
        {
            json.WriteStartObject();
            foreach (var (name, value) in Columns)
            {
                switch (value(article))
                {
                    case null:
                        json.WriteNull(name);
                        break;
                    case long number:
                        json.WriteNumber(name, number);
                        break;
                    case IReadOnlyList<ArticleSighting> sightings:
                        json.WritePropertyName(name);
                        WriteSightings(json, sightings);
                        break;
                    case var text:
                        json.WriteString(name, (string)text);
                        break;
                }
            }
            json.WriteEndObject();
        }));

        public override void Write(ArticleDeletion deletion) => output.WriteLine(Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("change_seq", deletion.ChangeSeq);
            json.WriteNumber("id", deletion.Id);
            json.WriteBoolean("deleted", true);
            json.WriteString("deleted_at", deletion.DeletedAt);
            json.WriteString("reason", deletion.Reason);
            if (deletion.MergedInto is { } kept)
            {
                json.WriteNumber("merged_into", kept);
            }
            else
            {
                json.WriteNull("merged_into");
            }
            json.WriteEndObject();
        }));

        public override void Flush() => output.Flush();
    }

    /// <summary>
    /// RFC 4180: a header line, CRLF line ends, a field quoted when it holds a comma, a quote or a
    /// line break (quotes doubled). A lone LF counts as a line break too: the texts break their
    /// paragraphs with it, and most readers end a record there. A field that starts or ends with a
    /// space is quoted as well, so that a reader that trims fields keeps it whole. NULL is an
    /// empty field; the sightings are their JSON array as one field, since CSV has no lists.
    /// </summary>
    private sealed class Csv : ChangeFeedWriter
    {
        private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

        private readonly TextWriter _output;

        public Csv(TextWriter output)
        {
            _output = output;
            WriteRecord(Columns.Select(column => column.Name));
        }

        public override void Write(ArticleChange article) =>
            WriteRecord(Columns.Select(column => column.Value(article) switch
            {
                null => "",
                long number => number.ToString(CultureInfo.InvariantCulture),
                IReadOnlyList<ArticleSighting> sightings => Json(json => WriteSightings(json, sightings)),
                var text => (string)text,
            }));

        public override void Flush() => _output.Flush();

        private void WriteRecord(IEnumerable<string> fields)
        {
            var first = true;
            foreach (var field in fields)
            {
                if (!first)
                {
                    _output.Write(',');
                }
                first = false;
                WriteField(field);
            }
            _output.Write("\r\n");
        }

        private void WriteField(string field)
        {
            if (field.AsSpan().IndexOfAny(NeedsQuotes) < 0 && !(field.Length > 0 && (field[0] == ' ' || field[^1] == ' ')))
            {
                _output.Write(field);
                return;
            }
            _output.Write('"');
            _output.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
            _output.Write('"');
        }
    }
}
