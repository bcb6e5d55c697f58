using Npgsql;

namespace RunRate.Storage.Tests.Access;

/// <summary>A fresh database <c>authcore_&lt;random&gt;</c> on the RUNRATE_TEST_POSTGRES server for one test class, dropped afterwards.</summary>
public sealed class PostgresAccessDatabase : IDisposable
{
    private readonly Lazy<string> _connectionString = new(Create);
    private static string Server => Environment.GetEnvironmentVariable(AccessFactDiscoverer.Variable)
        ?? throw new InvalidOperationException($"{AccessFactDiscoverer.Variable} is not set");

    /// <summary>The Npgsql connection string of the class's database (created on first use).</summary>
    public string ConnectionString => _connectionString.Value;

    /// <summary>Empties the database (drops and recreates <c>public</c>), so every test starts from nothing.</summary>
    public void Reset()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (!_connectionString.IsValueCreated)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(_connectionString.Value).Database;
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static string Create()
    {
        var name = "authcore_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }
}
