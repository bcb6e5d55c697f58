using Npgsql;
using Shouldly;

namespace RunRate.Storage.Tests.Postgres;

public sealed class PostgresLocationTests
{
    [Fact]
    public void A_url_becomes_an_npgsql_connection_string_with_every_part()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString("postgres://fin%40team:p%3Ass@db.example:6543/books?sslmode=require"));
        builder.Host.ShouldBe("db.example");
        builder.Port.ShouldBe(6543);
        builder.Username.ShouldBe("fin@team");
        builder.Password.ShouldBe("p:ss");
        builder.Database.ShouldBe("books");
        builder.SslMode.ShouldBe(SslMode.Require);
    }

    [Fact]
    public void A_key_value_string_is_kept_and_the_engine_is_recognised()
    {
        StoreFactory.IsPostgres("Host=127.0.0.1;Port=55432;Username=postgres").ShouldBeTrue();
        StoreFactory.IsPostgres("postgresql://x@h/db").ShouldBeTrue();
        StoreFactory.IsPostgres("runrate.db").ShouldBeFalse();
        new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString("Host=127.0.0.1;Port=55432;Username=postgres")).Port.ShouldBe(55432);
    }

    [Fact]
    public void Messages_never_show_the_password_and_bad_locations_say_what_is_wrong()
    {
        PostgresLocation.Redact("postgres://ada:hunter2@db/books").ShouldNotContain("hunter2");
        Should.Throw<StoreException>(() => PostgresLocation.ToConnectionString("postgres://ada@db/books?nonsense=1")).Message.ShouldContain("nonsense");
        Should.Throw<StoreException>(() => PostgresLocation.ToConnectionString("Host=x;Bogus Key=1")).Message.ShouldContain("PostgreSQL");
    }

    [Fact]
    public void Workspaces_of_a_sqlite_store_live_in_files_beside_it()
    {
        StoreFactory.SqliteWorkspacePath("/data/runrate.db", "default").ShouldBe("/data/runrate.db");
        StoreFactory.SqliteWorkspacePath("/data/runrate.db", "acme-eu").ShouldBe("/data/runrate.acme-eu.db");
        Should.Throw<StoreException>(() => StoreFactory.SqliteWorkspacePath("/data/runrate.db", "../etc")).Message.ShouldContain("workspace key");
    }
}
