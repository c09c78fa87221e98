using Microsoft.Data.Sqlite;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>What each error SQLite reports while the database is in use becomes for the user.</summary>
public class StorageProblemsTests
{
    private const string Path = "/srv/news/news.db";

    [Theory]
    [InlineData(13, "database or disk is full", StorageFailure.Full, "database or disk is full: /srv/news/news.db cannot grow; free space on its disk")]
    [InlineData(5, "database is locked", StorageFailure.Locked, "the database is locked by another process for more than 30 s (/srv/news/news.db)")]
    [InlineData(6, "database table is locked", StorageFailure.Locked, "the database is locked by another process for more than 30 s (/srv/news/news.db)")]
    [InlineData(8, "attempt to write a readonly database", StorageFailure.Unusable, "/srv/news/news.db: the user")]
    [InlineData(11, "database disk image is malformed", StorageFailure.Unusable, "/srv/news/news.db is a damaged SQLite database (database disk image is malformed)")]
    [InlineData(26, "file is not a database", StorageFailure.Unusable, "/srv/news/news.db is not an SQLite database (file is not a database)")]
    [InlineData(10, "disk I/O error", StorageFailure.Failed, "disk I/O error on /srv/news/news.db (disk I/O error)")]
    [InlineData(1, "no such table: articles", StorageFailure.Failed, "/srv/news/news.db: no such table: articles")]
    public void SQLite_error_becomes_a_one_line_message_naming_the_file(int code, string sqliteSays, StorageFailure failure, string messageStart)
    {
        var error = new SqliteException($"SQLite Error {code}: '{sqliteSays}'.", code, code);

        var problem = StorageProblems.Of(error, Path, TimeSpan.FromSeconds(30));

        Assert.Equal(failure, problem.Failure);
        Assert.StartsWith(messageStart, problem.Message);
        Assert.DoesNotContain('\n', problem.Message);
        Assert.DoesNotContain("SQLite Error", problem.Message);
    }
}
