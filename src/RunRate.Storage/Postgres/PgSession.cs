using Npgsql;

namespace RunRate.Storage.Postgres;

/// <summary>
/// One connection (and, for writes, its transaction) with the few helpers every query of the PostgreSQL store needs.
/// Parameters are positional (<c>$1</c>, <c>$2</c>…) and typed by their .NET value: decimal → numeric, DateOnly → date,
/// DateTimeOffset (UTC) → timestamptz.
/// </summary>
internal sealed class PgSession(NpgsqlConnection connection, NpgsqlTransaction? transaction) : IDisposable
{
    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction? Transaction => transaction;

    public int Execute(string sql, params object?[] values)
    {
        using var command = Command(sql, values);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params object?[] values)
    {
        using var command = Command(sql, values);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>A reader that owns its command (disposing the reader is enough).</summary>
    public NpgsqlDataReader Query(string sql, params object?[] values) => Command(sql, values).ExecuteReader(System.Data.CommandBehavior.Default);

    public bool Exists(string table, string column, string id) => Scalar($"SELECT 1 FROM {table} WHERE {column} = $1 LIMIT 1", id) is not null;

    public NpgsqlCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public void Dispose()
    {
        transaction?.Dispose();
        connection.Dispose();
    }
}
