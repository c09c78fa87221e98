using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsAggregator.Storage;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>search QUERY... [--limit N] [--json] [--db FILE]</c>: the stored articles that match an FTS5
/// query, best first, each with a snippet of its text around the matches. Only reads, like
/// <c>stats</c> (<see cref="SearchQuery"/>).
/// </summary>
internal static partial class SearchCommand
{
    public const int DefaultLimit = 20;

    public static Command Build(TextWriter output, TextWriter error)
    {
        var query = new Argument<string[]>("QUERY")
        {
            Description = "Words in FTS5's query syntax (see the README): \"a phrase\", prefix*, AND, OR, NOT, NEAR(a b, 5), title:word. " +
                          "Several arguments are joined with spaces.",
            Arity = ArgumentArity.OneOrMore,
        };
        // Text, checked in RunAsync: a parser's error for "abc" would come with a second usage line.
        var limit = new Option<string>("--limit")
        {
            Description = "Show at most N articles, the best.",
            DefaultValueFactory = _ => DefaultLimit.ToString(CultureInfo.InvariantCulture),
            HelpName = "N",
        };
        var json = new Option<bool>("--json") { Description = "One JSON object per line and article instead of the list." };
        var database = ReportOutput.DatabaseOption();
        var config = ConfigOption.ForDatabase();
        var command = new Command("search",
            "Full-text search of the stored articles' titles and texts, best first (bm25, a title match above a text match), " +
            "with a snippet around the matches, the article's id, title, URL, date and sightings.")
        {
            query, limit, json, database, config,
        };
        command.SetAction((parse, token) => RunAsync(
            string.Join(' ', parse.GetValue(query)!), parse.GetValue(limit)!, parse.GetValue(json), parse.GetValue(database)!, parse.GetValue(config), output, error, token));
        return command;
    }

    private static async Task<int> RunAsync(
        string query, string limitText, bool asJson, string databasePath, string? configPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            await error.WriteLineAsync("error: the search query is empty; give one or more words to look for");
            return NewsAggregatorCommandLine.UsageError;
        }
        if (!int.TryParse(limitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            await error.WriteLineAsync($"error: --limit must be a whole number, 1 or more, not {limitText}");
            return NewsAggregatorCommandLine.UsageError;
        }

        if (await ConfigOption.StorageAsync(configPath, error) is not { } storage)
        {
            return NewsAggregatorCommandLine.UsageError;
        }
        IReadOnlyList<SearchHit> hits;
        try
        {
            hits = SearchQuery.Read(databasePath, query, limit, storage);
        }
        catch (MalformedSearchException e)
        {
            // SQLite's own words, which name the token it stumbled on, and the usual way out.
            await error.WriteLineAsync(
                $"error: malformed search query {query}: {e.Message} (put words with punctuation, such as covid-19, in double quotes; see the README for the syntax)");
            return NewsAggregatorCommandLine.UsageError;
        }
        catch (StorageException e)
        {
            return await ReportOutput.StorageErrorAsync(error, e);
        }

        await output.WriteAsync(asJson ? JsonLines(hits) : List(query, hits, limit));
        await output.FlushAsync(cancellationToken);
        return NewsAggregatorCommandLine.Success;
    }

    /// <summary>A block of lines an article, best first; a line that says so when nothing matched.</summary>
    private static string List(string query, IReadOnlyList<SearchHit> hits, int limit)
    {
        if (hits.Count == 0)
        {
            return $"no matches for {query}{Environment.NewLine}";
        }
        var text = new StringBuilder();
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var date = hit.PublishedAt is { } published ? $"published {Day(published)}" : $"first seen {Day(hit.FetchedAt)}";
            var sightings = hit.Sightings == 1 ? "1 sighting" : string.Create(CultureInfo.InvariantCulture, $"{hit.Sightings} sightings");
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {(string.IsNullOrWhiteSpace(hit.Title) ? "(no title)" : ReportOutput.Printable(hit.Title))}").AppendLine()
                .Append(CultureInfo.InvariantCulture, $"   {date} · {sightings} · id {hit.Id}").AppendLine()
                .Append("   ").Append(ReportOutput.Printable(hit.Url)).AppendLine()
                .Append("   ").Append(ReportOutput.Printable(hit.Snippet)).AppendLine()
                .AppendLine();
        }
        if (hits.Count == limit)
        {
            text.Append(CultureInfo.InvariantCulture, $"the first {limit} matches; more may follow (--limit)").AppendLine();
        }
        return text.ToString();
    }

    /// <summary>The UTC day of a stored time (ISO 8601, which starts with it).</summary>
    private static string Day(string stored) => stored.Length >= 10 ? stored[..10] : stored;

    /// <summary>
    /// <see cref="SearchHit"/>'s properties in snake case, as the database and <c>export</c> name
    /// columns; documented in the README and pinned by a test: never rename one.
    /// </summary>
    private static readonly SearchHitJson Json = new(new JsonSerializerOptions(ReportOutput.JsonOptions())
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    });

    /// <summary>Serialisation code generated at build time: the worker is compiled ahead of time, without reflection.</summary>
    [JsonSerializable(typeof(SearchHit))]
    private sealed partial class SearchHitJson : JsonSerializerContext;

    private static string JsonLines(IReadOnlyList<SearchHit> hits)
    {
        var text = new StringBuilder();
        foreach (var hit in hits)
        {
            text.Append(JsonSerializer.Serialize(hit, Json.SearchHit)).AppendLine();
        }
        return text.ToString();
    }
}
