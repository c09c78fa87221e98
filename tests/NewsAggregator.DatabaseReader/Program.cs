using SQLitePCL;

// Usage: NewsAggregator.DatabaseReader DATABASE
// Reads the database the way a pipeline does, over and over, until standard input closes: each
// round opens a read-only connection, runs the README's queries and closes it. No busy timeout is
// set (like `sqlite3 -readonly`), so any moment the worker locks readers out shows up as an error.
// One busy code is SQLite's own and is retried, as any busy handler would: SQLITE_BUSY_RECOVERY,
// met in the instant the first connection to a file nobody has open (the worker starting, or a
// file just created) rebuilds the log's index. The worker cannot hold it: it ends with the rebuild.
// Prints "reads N errors M recoveries R", then one line per error.

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: NewsAggregator.DatabaseReader DATABASE");
    return 2;
}
var path = args[0];
string[] queries =
[
    "SELECT count(*) FROM articles;",
    """
    SELECT a.id, a.published_at, a.title, count(s.url) AS sightings
    FROM articles a JOIN article_sightings s ON s.article_id = a.id
    GROUP BY a.id ORDER BY a.published_at DESC LIMIT 20;
    """,
    "SELECT id, url, title, text FROM articles WHERE id > 0 ORDER BY id;",
    "SELECT source_id, consecutive_failures, last_error FROM source_state;",
];

Batteries_V2.Init();
var stop = Task.Run(() => Console.In.ReadToEnd());
var reads = 0;
var clock = System.Diagnostics.Stopwatch.StartNew();
var errors = new List<string>();
var recoveries = 0;
// SQLITE_BUSY | (1 << 8): another connection is rebuilding the write-ahead log's index. Asked
// only after a call failed: after one that succeeded, SQLite leaves the code undefined.
const int BusyRecovery = 261;
while (!stop.IsCompleted)
{
    if (!File.Exists(path))
    {
        Thread.Sleep(5);
        continue;
    }
    var rc = raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READONLY, null);
    try
    {
        if (rc != raw.SQLITE_OK)
        {
            errors.Add($"open: {rc} {raw.sqlite3_errstr(rc).utf8_to_string()}");
            continue;
        }
        foreach (var sql in queries)
        {
            rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
            if (rc != raw.SQLITE_OK)
            {
                var message = raw.sqlite3_errmsg(db).utf8_to_string();
                if (raw.sqlite3_extended_errcode(db) == BusyRecovery)
                {
                    recoveries++;
                }
                // Before the worker has created the tables there is nothing to read yet.
                else if (!message.StartsWith("no such table", StringComparison.Ordinal))
                {
                    errors.Add($"prepare: {rc} {raw.sqlite3_extended_errcode(db)} {message} at {clock.ElapsedMilliseconds} ms");
                }
                statement.Dispose();
                break;
            }
            using (statement)
            {
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                }
                if (rc != raw.SQLITE_DONE)
                {
                    if (raw.sqlite3_extended_errcode(db) == BusyRecovery)
                    {
                        recoveries++;
                    }
                    else
                    {
                        errors.Add($"step: {rc} {raw.sqlite3_errmsg(db).utf8_to_string()}");
                    }
                    break;
                }
            }
        }
        reads++;
    }
    finally
    {
        db.Dispose();
    }
}

Console.WriteLine($"reads {reads} errors {errors.Count} recoveries {recoveries}");
foreach (var error in errors)
{
    Console.WriteLine(error);
}
return 0;
