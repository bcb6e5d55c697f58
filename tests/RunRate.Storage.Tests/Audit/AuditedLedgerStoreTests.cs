using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;
using RunRate.Storage.Audit;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Audit;

public abstract class AuditedLedgerStoreTests : IDisposable
{
    private static readonly CustomerId C1 = new("C1");
    private static readonly LineId L1 = new("L1");
    private readonly AuditedStore _store;

    protected AuditedLedgerStoreTests(IStoreEngine engine) => _store = new AuditedStore(engine);

    [StoreFact]
    public void Customer_writes_record_one_entry_each_with_actor_time_and_the_record_before_and_after()
    {
        using var store = _store.Open();
        store.SaveCustomer(new Customer(C1, "Acme", Segment: "SMB"), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.SaveCustomer(new Customer(C1, "Acme Corp", Segment: "SMB"), WriteMode.Replace).ShouldBe(WriteOutcome.Done);
        store.DeleteCustomer(C1).ShouldBe(WriteOutcome.Done);

        var entries = store.Audit.List(new AuditQuery()).Reverse().ToList();
        entries.Select(e => e.Action).ShouldBe(["customer.create", "customer.update", "customer.delete"]);
        entries.ShouldAllBe(e => e.Actor == "ada" && e.Entity == "customer" && e.EntityId == "C1");
        entries[0].At.ShouldBeGreaterThanOrEqualTo(AuditedStore.Start);
        entries[0].Before.ShouldBeNull();
        entries[0].After.ShouldBe("""{"customer_id":"C1","name":"Acme","segment":"SMB"}""");
        entries[1].Before.ShouldBe(entries[0].After);
        entries[1].After.ShouldBe("""{"customer_id":"C1","name":"Acme Corp","segment":"SMB"}""");
        entries[2].Before.ShouldBe(entries[1].After);
        entries[2].After.ShouldBeNull();
    }

    [StoreFact]
    public void Line_writes_record_create_update_end_and_delete()
    {
        using var store = _store.Open();
        store.SaveCustomer(new Customer(C1), WriteMode.Create);
        var line = new RevenueLine(L1, C1, LineKind.Subscription, "Pro", new DateOnly(2025, 1, 1), null, 100.50m, 2, CurrencyCode.Usd, 1);
        store.SaveLine(line, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.SaveLine(line with { Amount = 120m }, WriteMode.Replace).ShouldBe(WriteOutcome.Done);
        store.EndLine(L1, new DateOnly(2025, 7, 1)).ShouldBe(WriteOutcome.Done);
        store.DeleteLine(L1).ShouldBe(WriteOutcome.Done);

        var entries = store.Audit.List(new AuditQuery(Entity: "line")).Reverse().ToList();
        entries.Select(e => e.Action).ShouldBe(["line.create", "line.update", "line.end", "line.delete"]);
        entries[0].After.ShouldBe("""{"line_id":"L1","customer_id":"C1","kind":"subscription","product":"Pro","start":"2025-01-01","amount":100.50,"quantity":2,"currency":"USD","interval_months":1}""");
        entries[1].After!.ShouldContain("\"amount\":120,");
        entries[2].Before.ShouldBe(entries[1].After);
        entries[2].After!.ShouldContain("\"end\":\"2025-07-01\"");
        entries[3].Before.ShouldBe(entries[2].After);
        entries[3].After.ShouldBeNull();
    }

    [StoreFact]
    public void Refused_writes_record_nothing()
    {
        using var store = _store.Open();
        store.SaveCustomer(new Customer(C1), WriteMode.Create);
        store.SaveLine(new RevenueLine(new LineId("OT"), C1, LineKind.OneTime, null, new DateOnly(2025, 1, 1), null, 5m, 1, CurrencyCode.Usd, null), WriteMode.Create);
        var count = store.Audit.List(new AuditQuery()).Count;

        store.SaveCustomer(new Customer(C1), WriteMode.Create).ShouldBe(WriteOutcome.AlreadyExists);
        store.SaveCustomer(new Customer(new CustomerId("C9")), WriteMode.Replace).ShouldBe(WriteOutcome.NotFound);
        store.DeleteCustomer(C1).ShouldBe(WriteOutcome.HasLines);
        store.SaveLine(new RevenueLine(new LineId("X"), new CustomerId("nobody"), LineKind.Addon, null, new DateOnly(2025, 1, 1), null, 1m, 1, CurrencyCode.Usd, 1), WriteMode.Create).ShouldBe(WriteOutcome.UnknownCustomer);
        store.EndLine(new LineId("OT"), new DateOnly(2025, 2, 1)).ShouldBe(WriteOutcome.Invalid);
        store.DeleteLine(new LineId("nope")).ShouldBe(WriteOutcome.NotFound);

        store.Audit.List(new AuditQuery()).Count.ShouldBe(count);
    }

    [StoreFact]
    public void A_committed_import_records_one_entry_with_mode_and_counts_and_a_failed_one_none()
    {
        using (var store = _store.Open("cli:ada"))
        {
            LedgerImport.Run(
                TestStore.Source("customer_id\nC1\nC2\n", "line_id,customer_id,kind,start_date,amount,currency,interval_months\nL1,C1,subscription,2025-01-01,10,USD,1\nL2,C2,addon,2025-01-01,5,USD,1\nL3,C2,addon,2025-02-01,5,USD,1\n"),
                store,
                replace: true).Succeeded.ShouldBeTrue();
            LedgerImport.Run(TestStore.Source("customer_id\n", "line_id,customer_id,kind,start_date,amount,currency\nX,NOPE,addon,2024-01-01,1,USD\n"), store, replace: false).Succeeded.ShouldBeFalse();
        }

        using var reopened = _store.Open(null);
        var entry = reopened.Audit.List(new AuditQuery()).ShouldHaveSingleItem();
        entry.Action.ShouldBe("ledger.import");
        entry.Entity.ShouldBe("ledger");
        entry.Actor.ShouldBe("cli:ada");
        entry.After.ShouldBe("""{"mode":"replace","customers":2,"lines":3,"fx_rates":0,"cost_months":0,"costs":0}""");
        entry.Detail.ShouldBe("replace: 2 customers, 3 lines, 0 FX rates, 0 costs in 0 months");
    }

    [StoreFact]
    public void Recording_does_not_move_the_revision_beyond_the_write_itself()
    {
        using var store = _store.Open();
        var start = store.Revision();
        store.SaveCustomer(new Customer(C1), WriteMode.Create);
        store.SaveCustomer(new Customer(C1, "Acme"), WriteMode.Replace);
        store.Revision().ShouldBe(start + 2);
        store.Audit.List(new AuditQuery()).Count.ShouldBe(2);
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AuditedLedgerStoreTestsOnSqlite() : AuditedLedgerStoreTests(new SqliteEngine());

public sealed class AuditedLedgerStoreTestsOnPostgres(PostgresEngine engine) : AuditedLedgerStoreTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
