using System.Collections.Concurrent;
using Npgsql;

namespace RunRate.Testing;

/// <summary>
/// Where a test's store lives. By default a SQLite file in the test's folder; with
/// <c>RUNRATE_TEST_STORE=postgres</c> an empty PostgreSQL database on the server named by
/// <c>RUNRATE_TEST_POSTGRES</c> (test.sh runs the CLI, API and browser suites a second time that way),
/// so the same tests prove both engines behave alike.
/// </summary>
/// <remarks>
/// Creating and dropping a PostgreSQL database costs a few hundred milliseconds each, which made a suite of a few
/// hundred small tests take minutes. So test databases are recycled: they are named <c>rr_test_1</c>, <c>rr_test_2</c>…,
/// a process claims one by holding a session advisory lock on its number (the server frees it when the process ends,
/// however it ends), empties it, and after the test <see cref="Drop"/> empties it again for the next
/// <see cref="NewLocation"/> of the same process. Emptying drops every schema a test made and recreates <c>public</c>,
/// so a test sees exactly what a fresh database holds. A server thus holds only as many test databases as tests ever
/// ran at once against it, and nothing needs dropping when a run ends (a test host is killed before it could).
/// </remarks>
internal static class TestStores
{
    public const string EngineVariable = "RUNRATE_TEST_STORE";
    public const string ServerVariable = "RUNRATE_TEST_POSTGRES";

    /// <summary>The first key of the advisory locks that claim test databases ("RRTS"); the second is the number.</summary>
    private const int LockSpace = 0x52525453;

    private static readonly ConcurrentBag<string> Free = [];

    /// <summary>The databases this process holds, each with the connection whose session owns its advisory lock.</summary>
    private static readonly ConcurrentDictionary<string, NpgsqlConnection> Claimed = new(StringComparer.Ordinal);

    private static readonly Lock ClaimLock = new();

    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable(EngineVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new, empty store location: <paramref name="folder"/>/<paramref name="file"/>, or an empty PostgreSQL database.</summary>
    public static string NewLocation(string folder, string file = "runrate.db")
    {
        if (!OnPostgres)
        {
            return Path.Combine(folder, file);
        }

        var server = Server();
        var name = Free.TryTake(out var free) ? free : Claim(server);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// True when a store was created at <paramref name="location"/>: the SQLite file exists, or the default workspace's
    /// schema does on the server. Lets "nothing was created" tests prove it on both engines.
    /// </summary>
    public static bool Exists(string location)
    {
        if (!IsTestDatabase(location))
        {
            return File.Exists(location);
        }

        using var connection = new NpgsqlConnection(location);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_namespace WHERE nspname = 'ws_default'", connection);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>
    /// Gives back a PostgreSQL database from <see cref="NewLocation"/>, emptied for the next test (SQLite files go with
    /// their folder). One that cannot be emptied (a connection still holding locks) is dropped and its claim released.
    /// </summary>
    public static void Drop(string location)
    {
        if (!IsTestDatabase(location))
        {
            return;
        }

        var database = new NpgsqlConnectionStringBuilder(location).Database!;
        try
        {
            Empty(location);
            Free.Add(database);
        }
        catch (NpgsqlException)
        {
            using (var connection = new NpgsqlConnection(Server()))
            {
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            }

            if (Claimed.TryRemove(database, out var claim))
            {
                claim.Dispose();
            }
        }
    }

    private static bool IsTestDatabase(string location) =>
        OnPostgres && location.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        && Claimed.ContainsKey(new NpgsqlConnectionStringBuilder(location).Database ?? "");

    private static string Server()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        return string.IsNullOrWhiteSpace(server)
            ? throw new InvalidOperationException($"{EngineVariable}=postgres needs {ServerVariable} (an Npgsql connection string to a server where databases may be created).")
            : server;
    }

    /// <summary>
    /// Claims the first test database no other session holds (creating it if the server has none of that number yet),
    /// empty. The claiming connection stays open, unpooled, for the life of the process.
    /// </summary>
    private static string Claim(string server)
    {
        lock (ClaimLock)
        {
            var session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false, ApplicationName = "runrate-tests" }.ConnectionString);
            try
            {
                session.Open();
                return ClaimOn(session, server);
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }
    }

    /// <summary>Takes the advisory lock of the first free number on <paramref name="session"/>; its database is created if missing, and emptied.</summary>
    private static string ClaimOn(NpgsqlConnection session, string server)
    {
        for (var number = 1; ; number++)
        {
            var name = "rr_test_" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Claimed.ContainsKey(name))
            {
                continue;
            }

            using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockSpace}, {number})", session))
            {
                if (!(bool)take.ExecuteScalar()!)
                {
                    continue;
                }
            }

            using (var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", session))
            {
                if (exists.ExecuteScalar() is null)
                {
                    using var create = new NpgsqlCommand($"CREATE DATABASE {name}", session);
                    create.ExecuteNonQuery();
                }
            }

            Empty(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString); // what a process that died left in it
            Claimed[name] = session;
            return name;
        }
    }

    /// <summary>Drops every schema but the system ones, and recreates <c>public</c> when anything was put in it.</summary>
    private static void Empty(string location)
    {
        using var connection = new NpgsqlConnection(location);
        connection.Open();
        var drops = new List<string>();
        using (var command = new NpgsqlCommand(EmptyQuery, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var schema = reader.GetString(0);
                drops.Add($"DROP SCHEMA \"{schema}\" CASCADE;" + (schema == "public" ? " CREATE SCHEMA public;" : ""));
            }
        }

        if (drops.Count == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using (var drop = new NpgsqlCommand("SET LOCAL lock_timeout = '5s'; " + string.Concat(drops), connection, transaction))
        {
            drop.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The schemas a test made: all but the system ones, and <c>public</c> only when it holds anything.</summary>
    private const string EmptyQuery = """
        SELECT n.nspname FROM pg_namespace n
        WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
          AND (n.nspname <> 'public'
               OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid)
               OR EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = n.oid)
               OR EXISTS (SELECT 1 FROM pg_type t WHERE t.typnamespace = n.oid))
        """;
}
