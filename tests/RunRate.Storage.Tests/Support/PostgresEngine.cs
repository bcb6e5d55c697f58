using System.Globalization;
using Npgsql;
using RunRate.Storage.Postgres;

namespace RunRate.Storage.Tests.Support;

/// <summary>
/// PostgreSQL for one test class: a fresh database on the server named by <c>RUNRATE_TEST_POSTGRES</c>, dropped when
/// the class is done; every store is a workspace of its own (its own schema) in that database.
/// </summary>
public sealed class PostgresEngine : IStoreEngine, IDisposable
{
    /// <summary>The variable naming the test server (an Npgsql key/value string of a user who may CREATE DATABASE).</summary>
    public const string Variable = "RUNRATE_TEST_POSTGRES";

    private readonly Lazy<string> _database;
    private int _stores;

    public PostgresEngine() => _database = new Lazy<string>(CreateDatabase);

    /// <summary>The server's connection string, or null when the variable is unset (the tests are then skipped).</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The connection string of this class's database.</summary>
    public string Location => _database.Value;

    public TestStore NewStore() => new PostgresTestStore(Location, "t" + Interlocked.Increment(ref _stores).ToString(CultureInfo.InvariantCulture));

    /// <summary>A raw connection to this class's database (for tests that go behind the store's back).</summary>
    public NpgsqlConnection Connect(string? schema = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(Location);
        if (schema is not null)
        {
            builder.SearchPath = schema;
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        if (!_database.IsValueCreated)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(_database.Value).Database;
        Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string CreateDatabase()
    {
        var server = Server ?? throw new InvalidOperationException($"{Variable} is not set.");
        var name = "pg_test_" + Guid.NewGuid().ToString("N")[..16];
        Admin($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
    }

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>One workspace (schema) of the class's PostgreSQL database.</summary>
public sealed class PostgresTestStore(string location, string workspace) : TestStore
{
    public string Location => location;

    public string Workspace => workspace;

    public string Schema => PostgresSchema.Name(workspace);

    public override PostgresLedgerStore Open() => PostgresLedgerStore.Open(location, workspace, create: true);

    public override void Dispose()
    {
        // The database is dropped with the test class.
    }
}
