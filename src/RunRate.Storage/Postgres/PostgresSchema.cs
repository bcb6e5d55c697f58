using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace RunRate.Storage.Postgres;

/// <summary>
/// Where a workspace lives on a PostgreSQL server (its schema <c>ws_KEY</c>), the pooled data source that reaches it
/// (one per process and schema, with the schema as the search path), creation and versioned migration.
/// </summary>
internal static class PostgresSchema
{
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Sources = new(StringComparer.Ordinal);

    /// <summary>The schema of a workspace: <c>ws_</c> and the key with <c>-</c> as <c>_</c>.</summary>
    public static string Name(string workspace) => "ws_" + workspace.Replace('-', '_');

    /// <summary>A pooled data source whose connections see only <paramref name="schema"/> (and temporary tables).</summary>
    public static NpgsqlDataSource Source(string connectionString, string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        return Sources.GetOrAdd(builder.ConnectionString, static cs => NpgsqlDataSource.Create(cs));
    }

    /// <summary>
    /// Makes sure the schema exists (creating it with <paramref name="create"/>) and is up to date. A missing schema
    /// without <paramref name="create"/> is a <see cref="StoreException"/> that says to import first.
    /// </summary>
    public static void Prepare(NpgsqlDataSource source, string schema, bool create, string shown)
    {
        if (UpToDate(source))
        {
            return;
        }

        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var session = new PgSession(connection, transaction);
        // One migrator per schema at a time, across processes; the lock ends with the transaction.
        session.Execute("SELECT pg_advisory_xact_lock(hashtext($1))", "runrate:" + schema);
        if (session.Scalar("SELECT 1 FROM pg_namespace WHERE nspname = $1", schema) is null)
        {
            if (!create)
            {
                throw new StoreException($"No ledger store at {shown} (workspace schema {schema} does not exist). Import a ledger first: runrate import FOLDER --db {shown}") { IsMissingStore = true };
            }

            session.Execute($"CREATE SCHEMA \"{schema}\"");
        }

        var hasVersionTable = session.Scalar("SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'schema_version'", schema) is not null;
        if (!hasVersionTable)
        {
            session.Execute("CREATE TABLE schema_version (version integer NOT NULL); INSERT INTO schema_version VALUES (0);");
        }

        var version = Convert.ToInt32(session.Scalar("SELECT version FROM schema_version"), CultureInfo.InvariantCulture);
        var known = PostgresMigrations.Steps.Length;
        if (version > known)
        {
            throw new StoreException($"The store {shown} (schema {schema}) was written by a newer RunRate (schema {version}, this version knows {known}). Upgrade RunRate.");
        }

        for (var step = version; step < known; step++)
        {
            session.Execute(PostgresMigrations.Steps[step]);
            session.Execute("UPDATE schema_version SET version = $1", step + 1);
        }

        transaction.Commit();
    }

    /// <summary>The schema version stored in the data source's schema.</summary>
    public static int Version(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        using var session = new PgSession(connection, null);
        return Convert.ToInt32(session.Scalar("SELECT version FROM schema_version"), CultureInfo.InvariantCulture);
    }

    /// <summary>The common case, in one round trip: the schema exists at the version this build knows.</summary>
    private static bool UpToDate(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        using var session = new PgSession(connection, null);
        try
        {
            return Convert.ToInt32(session.Scalar("SELECT version FROM schema_version"), CultureInfo.InvariantCulture) == PostgresMigrations.Steps.Length;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }
}
