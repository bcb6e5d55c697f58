using System.Data.Common;
using Npgsql;

namespace RunRate.Storage.Tests.Access;

/// <summary>The access-store suite on PostgreSQL (tables in <c>public</c>); skipped without RUNRATE_TEST_POSTGRES.</summary>
public sealed class PostgresAccessStoreTests : AccessStoreBehaviour, IClassFixture<PostgresAccessDatabase>, INeedsPostgres
{
    private readonly PostgresAccessDatabase _database;

    public PostgresAccessStoreTests(PostgresAccessDatabase database)
    {
        _database = database;
        _database.Reset();
    }

    protected override string Location => _database.ConnectionString;

    protected override string TablesSql => "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";

    protected override DbConnection Connect()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        connection.Open();
        return connection;
    }
}
