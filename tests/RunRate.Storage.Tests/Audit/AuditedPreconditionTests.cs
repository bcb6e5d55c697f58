using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Audit;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Audit;

/// <summary>Through the audited store (as the API writes), an expected version passes through and a failed one records nothing.</summary>
public abstract class AuditedPreconditionTests : IDisposable
{
    private static readonly CustomerId C1 = new("C1");
    private readonly AuditedStore _store;

    protected AuditedPreconditionTests(IStoreEngine engine) => _store = new AuditedStore(engine);

    [StoreFact]
    public void A_write_expecting_a_stale_version_is_refused_and_leaves_no_audit_entry()
    {
        using var store = _store.Open();
        var line = new RevenueLine(new LineId("L1"), C1, LineKind.Subscription, "Pro", new DateOnly(2025, 1, 1), null, 100m, 1, CurrencyCode.Usd, 1);
        store.SaveCustomer(new Customer(C1, "Acme"), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.SaveLine(line, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        var stale = ExpectedVersion.Of(RowVersion.Of(line));
        store.SaveLine(line with { Quantity = 2 }, WriteMode.Replace, stale).ShouldBe(WriteOutcome.Done);
        var entries = store.Audit.List(new AuditQuery()).Count;

        store.SaveLine(line with { Quantity = 3 }, WriteMode.Replace, stale).ShouldBe(WriteOutcome.PreconditionFailed);
        store.EndLine(line.Id, new DateOnly(2025, 6, 1), stale).ShouldBe(WriteOutcome.PreconditionFailed);
        store.DeleteLine(line.Id, stale).ShouldBe(WriteOutcome.PreconditionFailed);
        store.SaveCustomer(new Customer(C1, "Other"), WriteMode.Replace, ExpectedVersion.Of("0")).ShouldBe(WriteOutcome.PreconditionFailed);
        store.DeleteCustomer(C1, ExpectedVersion.Of("0")).ShouldBe(WriteOutcome.PreconditionFailed);

        store.Audit.List(new AuditQuery()).Count.ShouldBe(entries);
        store.FindLine(line.Id)!.Quantity.ShouldBe(2m);
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AuditedPreconditionTestsOnSqlite() : AuditedPreconditionTests(new SqliteEngine());

public sealed class AuditedPreconditionTestsOnPostgres(PostgresEngine engine) : AuditedPreconditionTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
