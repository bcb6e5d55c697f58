using Npgsql;

namespace RunRate.Testing;

/// <summary>
/// Where a test's store lives. By default a SQLite file in the test's folder; with
/// <c>RUNRATE_TEST_STORE=postgres</c> a fresh PostgreSQL database on the server named by
/// <c>RUNRATE_TEST_POSTGRES</c> (test.sh runs the CLI, API and browser suites a second time that way),
/// so the same tests prove both engines behave alike.
/// </summary>
internal static class TestStores
{
    public const string EngineVariable = "RUNRATE_TEST_STORE";
    public const string ServerVariable = "RUNRATE_TEST_POSTGRES";

    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable(EngineVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new, empty store location: <paramref name="folder"/>/<paramref name="file"/>, or a new PostgreSQL database.</summary>
    public static string NewLocation(string folder, string file = "runrate.db")
    {
        if (!OnPostgres)
        {
            return Path.Combine(folder, file);
        }

        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{EngineVariable}=postgres needs {ServerVariable} (an Npgsql connection string to a server where databases may be created).");
        }

        var name = "rr_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>Removes a PostgreSQL database made by <see cref="NewLocation"/> (SQLite files go with their folder).</summary>
    public static void Drop(string location)
    {
        if (!OnPostgres || !location.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(location);
        var database = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
