using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using Shouldly;

using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Ledger;

public abstract class SingleRowWriteTests : IDisposable
{
    private const string Customers = "customer_id,name,segment\nC1,Acme,SMB\nC2,Globex,Enterprise\n";
    private const string Lines = "line_id,customer_id,kind,start_date,end_date,amount,currency,interval_months\n" +
        "L1,C1,subscription,2024-01-01,,100,USD,1\n" +
        "L2,C1,one_time,2024-01-01,,50,USD,\n";

    private readonly TestStore _store;

    protected SingleRowWriteTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
        _store.Import(Customers, Lines).Succeeded.ShouldBeTrue();
    }

    [StoreFact]
    public void Every_committed_write_bumps_the_revision_and_refused_writes_do_not()
    {
        using var store = _store.Open();
        var start = store.Revision();
        store.SaveCustomer(new Customer(new CustomerId("C3"), "Initech"), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Revision().ShouldBe(start + 1);
        store.SaveCustomer(new Customer(new CustomerId("C3")), WriteMode.Create).ShouldBe(WriteOutcome.AlreadyExists);
        store.SaveCustomer(new Customer(new CustomerId("C9")), WriteMode.Replace).ShouldBe(WriteOutcome.NotFound);
        store.DeleteCustomer(new CustomerId("C1")).ShouldBe(WriteOutcome.HasLines);
        store.DeleteLine(new LineId("nope")).ShouldBe(WriteOutcome.NotFound);
        store.Revision().ShouldBe(start + 1);
        _store.Import(Customers, Lines).Succeeded.ShouldBeTrue();
        store.Revision().ShouldBe(start + 2);
        _store.Import("customer_id\n", "line_id,customer_id,kind,start_date,amount,currency\nX,NOPE,addon,2024-01-01,1,USD\n").Succeeded.ShouldBeFalse();
        store.Revision().ShouldBe(start + 2);
    }

    [StoreFact]
    public void Lines_are_created_replaced_ended_and_deleted_one_at_a_time()
    {
        using var store = _store.Open();
        var line = new RevenueLine(new LineId("L3"), new CustomerId("C2"), LineKind.Addon, "Support", new DateOnly(2024, 3, 1), null, 12.50m, 2m, CurrencyCode.Usd, 3);
        store.SaveLine(line, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.FindLine(line.Id).ShouldBe(line);
        store.SaveLine(line with { CustomerId = new CustomerId("C404") }, WriteMode.Replace).ShouldBe(WriteOutcome.UnknownCustomer);
        store.SaveLine(line with { Amount = 13m }, WriteMode.Replace).ShouldBe(WriteOutcome.Done);
        store.FindLine(line.Id)!.Amount.ShouldBe(13m);

        store.EndLine(line.Id, new DateOnly(2024, 3, 1)).ShouldBe(WriteOutcome.Invalid);
        store.EndLine(new LineId("L2"), new DateOnly(2024, 6, 1)).ShouldBe(WriteOutcome.Invalid);
        store.EndLine(new LineId("L404"), new DateOnly(2024, 6, 1)).ShouldBe(WriteOutcome.NotFound);
        store.EndLine(line.Id, new DateOnly(2024, 6, 1)).ShouldBe(WriteOutcome.Done);
        store.FindLine(line.Id)!.End.ShouldBe(new DateOnly(2024, 6, 1));

        store.DeleteLine(line.Id).ShouldBe(WriteOutcome.Done);
        store.FindLine(line.Id).ShouldBeNull();
        store.DeleteCustomer(new CustomerId("C2")).ShouldBe(WriteOutcome.Done);
        store.FindCustomer(new CustomerId("C2")).ShouldBeNull();
        store.FindCustomer(new CustomerId("C1"))!.Segment.ShouldBe("SMB");
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SingleRowWriteTestsOnSqlite() : SingleRowWriteTests(new SqliteEngine());

public sealed class SingleRowWriteTestsOnPostgres(PostgresEngine engine) : SingleRowWriteTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
