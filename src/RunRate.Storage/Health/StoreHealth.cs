using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using RunRate.Storage.Postgres;
using RunRate.Storage.Sqlite;
using RunRate.Storage.Workspaces;

namespace RunRate.Storage.Health;

/// <summary>The outcome of one check of <see cref="StoreHealth"/>.</summary>
/// <param name="Name"><c>store</c> (the store can be reached and read) or <c>schema</c> (its schema is the one this build writes).</param>
/// <param name="Ok">True when the check passed.</param>
/// <param name="Detail">What was found, for people: never a password.</param>
public sealed record StoreCheck(string Name, bool Ok, string Detail)
{
    /// <summary>True when the check failed only because there is no store yet (a first run creates it).</summary>
    public bool Missing { get; init; }
}

/// <summary>The store's health: every check in order; a failed <c>store</c> check skips the <c>schema</c> one.</summary>
/// <param name="Checks">The checks that ran.</param>
public sealed record StoreHealthReport(IReadOnlyList<StoreCheck> Checks)
{
    /// <summary>True when every check passed.</summary>
    public bool Ok => Checks.All(c => c.Ok);

    /// <summary>The first failed check, or null.</summary>
    public StoreCheck? Failing => Checks.FirstOrDefault(c => !c.Ok);
}

/// <summary>
/// A quick, read-only look at a store without opening (and so without creating or migrating) it: can it be reached
/// and read within <c>wait</c>, and is its schema the version this build writes? The server's readiness endpoint
/// and <c>runrate serve</c>'s start-up use it, so that a locked file, a file that is not a database or a
/// PostgreSQL server that went away is named in one line in seconds instead of after the store's 30 s lock wait.
/// </summary>
public static class StoreHealth
{
    /// <summary>The schema version this build of RunRate writes, per engine.</summary>
    public static int ExpectedVersion(string location) =>
        StoreFactory.IsPostgres(location) ? PostgresMigrations.Steps.Length : SqliteMigrations.Steps.Length;

    /// <summary>Checks the store of <paramref name="workspace"/> at <paramref name="location"/>, waiting at most about <paramref name="wait"/> for a lock or a connection.</summary>
    public static StoreHealthReport Check(string location, TimeSpan wait, string workspace = Workspace.Default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        Workspace.Check(workspace);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var (reached, version) = StoreFactory.IsPostgres(location)
            ? Postgres(location, workspace, seconds)
            : Sqlite(StoreFactory.SqliteWorkspacePath(location, workspace), seconds);
        if (!reached.Ok || version is null)
        {
            return new StoreHealthReport([reached]);
        }

        var expected = ExpectedVersion(location);
        var schema = version.Value == expected
            ? new StoreCheck("schema", true, Invariant($"version {expected}"))
            : new StoreCheck("schema", false, version.Value < expected
                ? Invariant($"version {version.Value}, this RunRate writes {expected}: restart the server (opening the store migrates it)")
                : Invariant($"version {version.Value} was written by a newer RunRate (this one knows {expected}): upgrade RunRate"));
        return new StoreHealthReport([reached, schema]);
    }

    private static (StoreCheck Store, int? Version) Sqlite(string path, int seconds)
    {
        if (!File.Exists(path))
        {
            return (new StoreCheck("store", false, $"no store at {path}") { Missing = true }, null);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = seconds };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            // Reading the schema needs a shared lock and a valid header: a text file, or a file another process holds
            // with an exclusive lock, fails here.
            Scalar(connection, Invariant($"PRAGMA busy_timeout={seconds * 1000}"));
            Scalar(connection, "SELECT count(*) FROM sqlite_master");
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            return (new StoreCheck("store", true, $"SQLite file {path}"), version);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            return (new StoreCheck("store", false, Invariant($"the store {path} is locked by another process (waited {seconds} s): {ex.Message}")), null);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26)
        {
            return (new StoreCheck("store", false, $"{path} is not a RunRate store (not an SQLite database): {ex.Message}"), null);
        }
        catch (SqliteException ex)
        {
            return (new StoreCheck("store", false, $"cannot read the store {path}: {ex.Message}"), null);
        }
    }

    private static (StoreCheck Store, int? Version) Postgres(string location, string workspace, int seconds)
    {
        string connectionString;
        try
        {
            connectionString = PostgresLocation.ToConnectionString(location);
        }
        catch (StoreException ex)
        {
            return (new StoreCheck("store", false, ex.Message), null);
        }

        var shown = PostgresLocation.Redact(location);
        var schema = PostgresSchema.Name(workspace);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = seconds, CommandTimeout = seconds };
        try
        {
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'schema_version'", connection);
            exists.Parameters.Add(new NpgsqlParameter { Value = schema });
            if (exists.ExecuteScalar() is null)
            {
                return (new StoreCheck("store", false, $"no store at {shown} (no schema {schema} with a schema_version table)") { Missing = true }, null);
            }

            using var version = new NpgsqlCommand($"SELECT version FROM \"{schema}\".schema_version", connection);
            return (new StoreCheck("store", true, $"PostgreSQL {shown}, schema {schema}"), Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return (new StoreCheck("store", false, $"cannot reach the PostgreSQL store {shown}: {ex.Message}"), null);
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
