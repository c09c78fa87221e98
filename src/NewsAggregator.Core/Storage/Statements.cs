using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>
/// The statements prepared on each connection, by SQL text. Microsoft.Data.Sqlite prepares a
/// command's SQL on its first execution and keeps it while the command lives; a new command per
/// call would parse and plan the same SQL again every time (for the writer, a dozen statements
/// for every article stored). A command returned here belongs to its connection: callers neither
/// dispose it nor keep it, and a connection's statements go with it when it is disposed.
/// </summary>
internal static class Statements
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = [];

    /// <summary>The connection's command for <paramref name="sql"/>, in <paramref name="transaction"/>, with no parameters bound.</summary>
    public static SqliteCommand For(SqliteConnection connection, SqliteTransaction? transaction, string sql) =>
        For(connection, transaction, sql, keepParameters: false);

    /// <param name="keepParameters">
    /// Leave the parameters of the last execution in place, for a caller that sets their values
    /// itself (a statement run several times per article, whose fresh parameter objects were a
    /// measurable share of the pass's allocation).
    /// </param>
    public static SqliteCommand For(SqliteConnection connection, SqliteTransaction? transaction, string sql, bool keepParameters)
    {
        var commands = Prepared.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }
        command.Transaction = transaction;
        if (!keepParameters)
        {
            command.Parameters.Clear();
        }
        return command;
    }

    /// <summary>Finalises the connection's statements; done before it is closed.</summary>
    public static void Release(SqliteConnection connection)
    {
        if (Prepared.TryGetValue(connection, out var commands))
        {
            Prepared.Remove(connection);
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }
        }
    }
}
