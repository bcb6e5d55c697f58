using Microsoft.Data.Sqlite;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Audit;
using RunRate.Storage.Sqlite;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Sqlite;

/// <summary>What only the SQLite engine has: its file, PRAGMA user_version, migrations from old files, its triggers.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private const string Customers = "customer_id,name,segment\nC1,Acme,SMB\nC2,Globex,Enterprise\n";
    private const string Lines = "line_id,customer_id,kind,start_date,end_date,amount,currency,interval_months\n" +
        "L1,C1,subscription,2024-01-01,,100,USD,1\n" +
        "L2,C1,one_time,2024-01-01,,50,USD,\n";

    private readonly TempStore _store = new();

    [Fact]
    public void Schema_is_versioned_and_a_newer_schema_is_refused()
    {
        using (var store = _store.Open())
        {
            Assert.Equal(SqliteMigrations.Steps.Length, store.SchemaVersion);
        }

        using (var connection = new SqliteConnection($"Data Source={_store.Path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StoreException>(() => _store.Open());
        Assert.Contains("newer RunRate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_missing_store_for_reading_is_a_clear_error_and_creates_nothing()
    {
        var error = Assert.Throws<StoreException>(() => SqliteLedgerStore.Open(_store.Path, create: false));

        Assert.Contains("runrate import", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_store.Path));
    }

    [Fact]
    public void A_store_of_schema_1_is_migrated_and_gets_a_revision()
    {
        using (var store = _store.Open())
        {
            using var command = new SqliteConnection($"Data Source={_store.Path};Pooling=False").CreateCommand();
            command.Connection!.Open();
            command.CommandText =
                """
                DROP TABLE audit_log; DROP TABLE scenarios; DROP TABLE costs;
                DROP TABLE meta; DROP TABLE webhook_events; DROP TABLE payments; DROP TABLE targets; DROP TABLE activities;
                DROP TABLE deal_lines; DROP TABLE deal_history; DROP TABLE deals; DROP TABLE pipeline_stages;
                DROP TABLE contacts; DROP TABLE crm_accounts; PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
            command.Connection.Dispose();
        }

        using var reopened = _store.Open();
        reopened.SchemaVersion.ShouldBe(SqliteMigrations.Steps.Length);
        reopened.Crm.Load().Pipeline.Stages.Length.ShouldBe(6);
        var revision = reopened.Revision();
        reopened.SaveCustomer(new Customer(new CustomerId("C5")), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        reopened.Revision().ShouldBe(revision + 1);
    }

    [Fact]
    public void A_store_of_schema_5_keeps_its_lines_and_gets_the_cheaper_kind_check()
    {
        using (var store = _store.Open())
        {
            store.SaveCustomer(new Customer(new CustomerId("C1")), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        }

        using (var connection = new SqliteConnection($"Data Source={_store.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                """
                DROP TABLE lines;
                CREATE TABLE lines (
                    line_id TEXT PRIMARY KEY NOT NULL, customer_id TEXT NOT NULL REFERENCES customers(customer_id),
                    kind TEXT NOT NULL CHECK (kind IN ('subscription','addon','one_time')), product TEXT,
                    start_date TEXT NOT NULL, end_date TEXT, amount TEXT NOT NULL, quantity TEXT NOT NULL,
                    currency TEXT NOT NULL, interval_months INTEGER);
                CREATE INDEX lines_by_customer ON lines(customer_id);
                INSERT INTO lines VALUES ('L1', 'C1', 'subscription', 'Pro', '2024-01-01', NULL, '100.50', '2', 'USD', 1);
                INSERT INTO lines VALUES ('L2', 'C1', 'one_time', NULL, '2024-02-03', NULL, '50', '1', 'EUR', NULL);
                PRAGMA user_version = 5;
                """;
            command.ExecuteNonQuery();
        }

        using (var reopened = _store.Open())
        {
            reopened.SchemaVersion.ShouldBe(SqliteMigrations.Steps.Length);
            var lines = reopened.Load().Lines;
            lines.Select(l => (l.Id.Value, l.Kind, l.Amount, l.Quantity, l.Currency.Value)).ShouldBe(
                [("L1", LineKind.Subscription, 100.50m, 2m, "USD"), ("L2", LineKind.OneTime, 50m, 1m, "EUR")]);
        }

        using var check = new SqliteConnection($"Data Source={_store.Path};Pooling=False");
        check.Open();
        using var sql = check.CreateCommand();
        sql.CommandText = "SELECT sql FROM sqlite_schema WHERE name = 'lines'";
        ((string)sql.ExecuteScalar()!).ShouldContain("kind = 'subscription' OR kind = 'addon' OR kind = 'one_time'");
        sql.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name = 'lines_by_customer'";
        Convert.ToInt64(sql.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
        sql.CommandText = "INSERT INTO lines VALUES ('L3', 'C1', 'weekly', NULL, '2024-01-01', NULL, '1', '1', 'USD', 1)";
        Should.Throw<SqliteException>(() => sql.ExecuteNonQuery()).Message.ShouldContain("CHECK");
    }

    [Fact]
    public void The_database_refuses_to_rewrite_or_delete_an_entry()
    {
        using (var store = _store.Open())
        {
            store.Audit.Append(new AuditEntry(0, Noon, "ada", "line.delete", "line", "L1", "{}", null, null));
        }

        using var connection = new SqliteConnection($"Data Source={_store.Path}");
        connection.Open();
        foreach (var sql in new[] { "UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            Should.Throw<SqliteException>(() => command.ExecuteNonQuery()).Message.ShouldContain("append-only");
        }

        using var reopened = _store.Open();
        reopened.Audit.List(new AuditQuery()).Single().Actor.ShouldBe("ada");
    }

    [Fact]
    public void The_index_of_lines_by_customer_survives_a_bulk_load_and_a_failed_one()
    {
        Assert.True(_store.Import(Customers, Lines).Succeeded);
        Assert.Equal(["lines_by_customer"], LineIndexes());

        Assert.False(_store.Import(Customers, Lines + "L3,C1,subscription,2024-01-01,,-1,USD,1\n", replace: true).Succeeded);
        Assert.Equal(["lines_by_customer"], LineIndexes());

        Assert.True(_store.Import(Customers, Lines, replace: true).Succeeded);
        Assert.Equal(["lines_by_customer"], LineIndexes());
    }

    public void Dispose() => _store.Dispose();

    private List<string> LineIndexes()
    {
        using var connection = new SqliteConnection($"Data Source={_store.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'lines' AND sql IS NOT NULL ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
