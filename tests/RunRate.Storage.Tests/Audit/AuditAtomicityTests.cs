using Microsoft.Data.Sqlite;
using Npgsql;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;
using RunRate.Storage.Audit;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Audit;

/// <summary>
/// A change and its audit entry are one transaction: when the entry cannot be written (here a trigger refuses every
/// insert into the log, as a full disk or a crash between two commits would), the change is not committed either.
/// Before, the entry was a second commit after the write's, so these writes stayed in the store without their entry.
/// </summary>
public abstract class AuditAtomicityTests : IDisposable
{
    private static readonly CustomerId C1 = new("C1");
    private static readonly LineId L1 = new("L1");
    private static readonly RevenueLine Line = new(L1, C1, LineKind.Subscription, "Pro", new DateOnly(2025, 1, 1), null, 100m, 2, CurrencyCode.Usd, 1);
    private readonly AuditedStore _store;

    protected AuditAtomicityTests(IStoreEngine engine) => _store = new AuditedStore(engine);

    /// <summary>Makes every later insert into the store's audit log fail, behind the store's back.</summary>
    protected abstract void BreakAuditLog(TestStore store);

    [StoreFact]
    public void Single_row_writes_whose_entry_cannot_be_written_leave_the_store_unchanged()
    {
        using (var setup = _store.Open())
        {
            setup.SaveCustomer(new Customer(C1, "Acme"), WriteMode.Create).ShouldBe(WriteOutcome.Done);
            setup.SaveLine(Line, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        }

        BreakAuditLog(_store.Inner);
        using var store = _store.Open();
        var revision = store.Revision();
        var entries = store.Audit.List(new AuditQuery()).Count;

        Should.Throw<StoreException>(() => store.SaveCustomer(new Customer(C1, "Renamed"), WriteMode.Replace));
        Should.Throw<StoreException>(() => store.SaveCustomer(new Customer(new CustomerId("C2")), WriteMode.Create));
        Should.Throw<StoreException>(() => store.SaveLine(Line with { Amount = 1m }, WriteMode.Replace));
        Should.Throw<StoreException>(() => store.SaveLine(Line with { Id = new LineId("L2") }, WriteMode.Create));
        Should.Throw<StoreException>(() => store.EndLine(L1, new DateOnly(2025, 6, 1)));
        Should.Throw<StoreException>(() => store.DeleteLine(L1));
        Should.Throw<StoreException>(() => store.Scenarios.Save(new Engine.Forecast.Scenario("Base", new Engine.Forecast.ScenarioRules())));

        store.Revision().ShouldBe(revision);
        store.Audit.List(new AuditQuery()).Count.ShouldBe(entries);
        store.FindCustomer(C1)!.Name.ShouldBe("Acme");
        store.FindCustomer(new CustomerId("C2")).ShouldBeNull();
        store.FindLine(L1).ShouldBe(Line);
        store.FindLine(new LineId("L2")).ShouldBeNull();
        store.Scenarios.List().ShouldBeEmpty();

        // A refused write commits nothing, so it builds no entry and the broken log is never reached.
        store.SaveLine(Line with { Id = new LineId("X"), CustomerId = new CustomerId("nobody") }, WriteMode.Create).ShouldBe(WriteOutcome.UnknownCustomer);
    }

    [StoreFact]
    public void An_import_whose_entry_cannot_be_written_is_rolled_back()
    {
        using (var setup = _store.Open())
        {
            setup.SaveCustomer(new Customer(C1, "Acme"), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        }

        BreakAuditLog(_store.Inner);
        using var store = _store.Open("cli:ada");
        var revision = store.Revision();

        Should.Throw<Exception>(() => LedgerImport.Run(
            TestStore.Source("customer_id\nC2\n", "line_id,customer_id,kind,start_date,amount,currency,interval_months\nL9,C2,subscription,2025-01-01,10,USD,1\n"),
            store,
            replace: true));

        store.Revision().ShouldBe(revision);
        store.Imports().ShouldBeEmpty();
        store.Load().Customers.Select(c => c.Id).ShouldBe([C1]);
        store.Load().Lines.ShouldBeEmpty();
    }

    [StoreFact]
    public void Entries_are_written_in_the_write_transaction_with_the_state_the_write_committed()
    {
        using var store = _store.Open();
        var start = store.Revision();
        store.SaveCustomer(new Customer(C1), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.SaveLine(Line, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.EndLine(L1, new DateOnly(2025, 6, 1)).ShouldBe(WriteOutcome.Done);

        var ended = store.Audit.List(new AuditQuery(Limit: 1)).ShouldHaveSingleItem();
        ended.Action.ShouldBe("line.end");
        ended.After.ShouldBe(AuditJson.Of(store.FindLine(L1)));
        store.Revision().ShouldBe(start + 3);
        store.Audit.List(new AuditQuery()).Count.ShouldBe(3);
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AuditAtomicityTestsOnSqlite() : AuditAtomicityTests(new SqliteEngine())
{
    protected override void BreakAuditLog(TestStore store)
    {
        using var connection = new SqliteConnection($"Data Source={((TempStore)store).Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log refuses writes'); END;";
        command.ExecuteNonQuery();
    }
}

public sealed class AuditAtomicityTestsOnPostgres(PostgresEngine engine) : AuditAtomicityTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres
{
    protected override void BreakAuditLog(TestStore store)
    {
        var schema = ((PostgresTestStore)store).Schema;
        using var connection = engine.Connect(schema);
        using var command = new NpgsqlCommand(
            $"""
            CREATE FUNCTION "{schema}".refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log refuses writes'; END $$;
            CREATE TRIGGER refuse_audit BEFORE INSERT ON "{schema}".audit_log FOR EACH ROW EXECUTE FUNCTION "{schema}".refuse_audit();
            """,
            connection);
        command.ExecuteNonQuery();
    }
}
