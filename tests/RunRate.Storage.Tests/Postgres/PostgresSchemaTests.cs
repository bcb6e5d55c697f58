using System.Globalization;
using System.Text;
using Npgsql;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Audit;
using RunRate.Storage.Postgres;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Postgres;

/// <summary>What only the PostgreSQL engine has: schemas per workspace, schema_version migrations, its types, COPY, its trigger.</summary>
public sealed class PostgresSchemaTests(PostgresEngine engine) : IClassFixture<PostgresEngine>
{
    private const string Customers = "customer_id,name\nC1,Acme\n";
    private const string Header = "line_id,customer_id,kind,start_date,end_date,amount,quantity,currency,interval_months\n";

    [PostgresFact]
    public void Schema_is_versioned_and_a_newer_schema_is_refused()
    {
        var temp = (PostgresTestStore)engine.NewStore();
        using (var store = temp.Open())
        {
            store.SchemaVersion.ShouldBe(PostgresMigrations.Steps.Length);
            store.Schema.ShouldBe(temp.Schema);
        }

        Raw(temp.Schema, "UPDATE schema_version SET version = 99");

        Should.Throw<StoreException>(temp.Open).Message.ShouldContain("newer RunRate");
    }

    [PostgresFact]
    public void A_missing_workspace_schema_is_not_created_by_a_reader_and_says_to_import_first()
    {
        var error = Should.Throw<StoreException>(() => PostgresLedgerStore.Open(engine.Location, "never-imported", create: false));

        error.IsMissingStore.ShouldBeTrue();
        error.Message.ShouldContain("runrate import");
        error.Message.ShouldContain("ws_never_imported");
        using var connection = engine.Connect();
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = 'ws_never_imported'", connection);
        Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture).ShouldBe(0);
    }

    [PostgresFact]
    public void The_database_refuses_to_rewrite_delete_or_truncate_the_audit_log()
    {
        var temp = (PostgresTestStore)engine.NewStore();
        using (var store = temp.Open())
        {
            store.Audit.Append(new AuditEntry(0, DateTimeOffset.UnixEpoch, "ada", "line.delete", "line", "L1", "{}", null, null));
        }

        foreach (var sql in new[] { "UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            Should.Throw<PostgresException>(() => Raw(temp.Schema, sql)).MessageText.ShouldContain("append-only");
        }

        using var reopened = temp.Open();
        reopened.Audit.List(new AuditQuery()).Single().Actor.ShouldBe("ada");
    }

    [PostgresFact]
    public void Amounts_are_numeric_and_keep_their_scale_both_ways()
    {
        var temp = (PostgresTestStore)engine.NewStore();
        temp.Import(Customers, Header + "L1,C1,subscription,2024-01-01,,12.50,2.500,USD,1\n").Succeeded.ShouldBeTrue();
        using var store = temp.Open();
        var line = new RevenueLine(new LineId("L2"), new CustomerId("C1"), LineKind.Addon, null, new DateOnly(2024, 2, 1), null, 7.10m, 1.0m, CurrencyCode.Usd, 1);
        store.SaveLine(line, WriteMode.Create).ShouldBe(WriteOutcome.Done);

        store.FindLine(new LineId("L1"))!.Amount.ToString(CultureInfo.InvariantCulture).ShouldBe("12.50");
        store.FindLine(new LineId("L1"))!.Quantity.ToString(CultureInfo.InvariantCulture).ShouldBe("2.500");
        store.FindLine(line.Id)!.Amount.ToString(CultureInfo.InvariantCulture).ShouldBe("7.10");
        Scalar(temp.Schema, "SELECT string_agg(amount::text, ' ' ORDER BY line_id) FROM lines").ShouldBe("12.50 7.10");
        Scalar(temp.Schema, "SELECT string_agg(DISTINCT data_type, ',') FROM information_schema.columns WHERE table_schema = current_schema() AND column_name IN ('amount', 'quantity', 'rate', 'arr')").ShouldBe("numeric");
        Scalar(temp.Schema, "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'lines' AND column_name = 'start_date'").ShouldBe("date");
    }

    [PostgresFact]
    public void A_large_import_goes_over_COPY_in_one_transaction_and_a_bad_last_row_keeps_nothing()
    {
        const int count = 120_000;
        var temp = (PostgresTestStore)engine.NewStore();
        var customers = new StringBuilder("customer_id,segment\n");
        var lines = new StringBuilder(Header);
        for (var i = 0; i < count; i++)
        {
            if (i % 4 == 0)
            {
                customers.Append(CultureInfo.InvariantCulture, $"C{i / 4},S{i % 3}\n");
            }

            lines.Append(CultureInfo.InvariantCulture, $"L{i},C{i / 4},subscription,2024-01-01,,{i % 1000}.{i % 100:00},1,USD,1\n");
        }

        var bad = lines + "LX,C0,subscription,2024-01-01,,-1,1,USD,1\n";
        temp.Import(customers.ToString(), bad).Succeeded.ShouldBeFalse();
        using (var store = temp.Open())
        {
            store.Load().Lines.ShouldBeEmpty();
            store.Imports().ShouldBeEmpty();
        }

        temp.Import(customers.ToString(), lines.ToString()).Succeeded.ShouldBeTrue();
        using var after = temp.Open();
        var ledger = after.Load();
        ledger.Lines.Count.ShouldBe(count);
        ledger.Customers.Count.ShouldBe(count / 4);
        ledger.Lines.Sum(l => l.Amount).ShouldBe(Enumerable.Range(0, count).Sum(i => (i % 1000) + ((i % 100) / 100m)));
        after.Imports().Single().Lines.ShouldBe(count);
    }

    [PostgresFact]
    public void The_revision_moves_for_every_connection_and_workspaces_are_separate_schemas()
    {
        var a = (PostgresTestStore)engine.NewStore();
        var b = (PostgresTestStore)engine.NewStore();
        using var writer = a.Open();
        using var reader = PostgresLedgerStore.Open(a.Location, a.Workspace, create: false);
        using var other = b.Open();
        var before = reader.Revision();

        writer.SaveCustomer(new Customer(new CustomerId("C1")), WriteMode.Create).ShouldBe(WriteOutcome.Done);

        reader.Revision().ShouldBe(before + 1);
        reader.FindCustomer(new CustomerId("C1")).ShouldNotBeNull();
        other.FindCustomer(new CustomerId("C1")).ShouldBeNull();
        other.Revision().ShouldBe(0);
    }

    [Fact]
    public void An_unreachable_server_is_a_store_error_that_never_shows_the_password()
    {
        var error = Should.Throw<StoreException>(() => StoreFactory.Open("postgres://ada:hunter2@127.0.0.1:1/books?timeout=2", create: false));

        error.Message.ShouldNotContain("hunter2");
        error.Message.ShouldContain("postgresql://ada@127.0.0.1:1/books");
        error.IsMissingStore.ShouldBeFalse();
    }

    private void Raw(string schema, string sql)
    {
        using var connection = engine.Connect(schema);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private string? Scalar(string schema, string sql)
    {
        using var connection = engine.Connect(schema);
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar()?.ToString();
    }
}
