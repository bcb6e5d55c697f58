using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RunRate.Storage.Access;

/// <summary>
/// The few things that differ between SQLite and PostgreSQL for the access tables: how a connection is opened,
/// how a write transaction takes its lock, and which error means "unique value taken". The SQL itself is one
/// portable text (<c>@name</c> parameters, TEXT and INTEGER columns, ISO-8601 UTC timestamps as TEXT).
/// A connection is opened per operation (pooled), so one store may serve many threads at once.
/// </summary>
internal sealed class AccessDb : IDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private readonly string? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    private AccessDb(string location, string? sqlite, NpgsqlDataSource? postgres)
    {
        Location = location;
        _sqlite = sqlite;
        _postgres = postgres;
    }

    /// <summary>The location as it may be shown (a PostgreSQL password is redacted).</summary>
    public string Location { get; }

    public bool IsPostgres => _postgres is not null;

    public static AccessDb Sqlite(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StoreException($"Cannot open the store {path}: the folder {directory} does not exist.");
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new AccessDb(path, builder.ToString(), null);
    }

    public static AccessDb Postgres(string location)
    {
        var builder = new NpgsqlDataSourceBuilder(PostgresLocation.ToConnectionString(location));
        // The control tables live in the database's public schema, whatever the server's default search path.
        builder.ConnectionStringBuilder.SearchPath = "public";
        return new AccessDb(PostgresLocation.Redact(location), null, builder.Build());
    }

    /// <summary>Runs a read on its own connection.</summary>
    public T Read<T>(Func<DbConnection, T> read)
    {
        using var connection = Open();
        try
        {
            return read(connection);
        }
        catch (DbException ex)
        {
            throw new StoreException($"Cannot read the access tables of {Location}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Runs a write in one transaction (SQLite: <c>BEGIN IMMEDIATE</c>, so writers queue instead of failing half-way).
    /// A unique value taken by a concurrent writer rolls back and answers <paramref name="onConflict"/>.
    /// </summary>
    public T Write<T>(Func<DbConnection, DbTransaction, T> write, T onConflict)
    {
        using var connection = Open();
        try
        {
            using var transaction = connection.BeginTransaction();
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (DbException ex) when (IsUniqueViolation(ex))
        {
            return onConflict;
        }
        catch (DbException ex)
        {
            throw new StoreException($"Cannot write the access tables of {Location}: {ex.Message}", ex);
        }
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            if (value is null)
            {
                // Untyped nulls confuse PostgreSQL's type inference; every nullable column here is TEXT.
                parameter.DbType = System.Data.DbType.String;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static List<T> Query<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? TimeOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));

    public static long Integer(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public DbConnection Open()
    {
        try
        {
            if (_postgres is not null)
            {
                return _postgres.OpenConnection();
            }

            var connection = new SqliteConnection(_sqlite);
            connection.Open();
            Execute(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
            return connection;
        }
        catch (DbException ex)
        {
            throw new StoreException($"Cannot open the store {Location}: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        _postgres?.Dispose();
        if (_sqlite is not null)
        {
            using var connection = new SqliteConnection(_sqlite);
            SqliteConnection.ClearPool(connection);
        }
    }

    private static bool IsUniqueViolation(DbException ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
