using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Ledger;

/// <summary>
/// Single-row writes with an expected <see cref="RowVersion"/> (the API's If-Match): written only when the stored row
/// is that version, else <see cref="WriteOutcome.PreconditionFailed"/> with nothing written, on every engine.
/// </summary>
public abstract class ExpectedVersionTests : IDisposable
{
    private const string Customers = "customer_id,name,segment\nC1,Acme,SMB\nC2,Globex,Enterprise\n";
    private const string Lines = "line_id,customer_id,kind,start_date,end_date,amount,quantity,currency,interval_months\n" +
        "L1,C1,subscription,2024-01-01,,100.50,2,USD,1\n";

    private readonly TestStore _store;

    protected ExpectedVersionTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
        _store.Import(Customers, Lines).Succeeded.ShouldBeTrue();
    }

    [StoreFact]
    public void A_line_write_expecting_a_stale_version_fails_and_writes_nothing()
    {
        using var store = _store.Open();
        var stored = store.FindLine(new LineId("L1"))!;
        var read = RowVersion.Of(stored);
        store.SaveLine(stored with { Quantity = 3m }, WriteMode.Replace, ExpectedVersion.Of(read)).ShouldBe(WriteOutcome.Done);
        var current = RowVersion.Of(store.FindLine(stored.Id)!);
        current.ShouldNotBe(read);

        var revision = store.Revision();
        store.SaveLine(stored with { Quantity = 9m }, WriteMode.Replace, ExpectedVersion.Of(read)).ShouldBe(WriteOutcome.PreconditionFailed);
        store.EndLine(stored.Id, new DateOnly(2024, 6, 1), ExpectedVersion.Of(read)).ShouldBe(WriteOutcome.PreconditionFailed);
        store.DeleteLine(stored.Id, ExpectedVersion.Of(read)).ShouldBe(WriteOutcome.PreconditionFailed);
        store.Revision().ShouldBe(revision);
        store.FindLine(stored.Id)!.Quantity.ShouldBe(3m);
        store.FindLine(stored.Id)!.End.ShouldBeNull();

        store.EndLine(stored.Id, new DateOnly(2024, 6, 1), ExpectedVersion.OneOf(["nope", current])).ShouldBe(WriteOutcome.Done);
        var ended = store.FindLine(stored.Id)!;
        store.DeleteLine(stored.Id, ExpectedVersion.Of(current)).ShouldBe(WriteOutcome.PreconditionFailed);
        store.DeleteLine(stored.Id, ExpectedVersion.Of(RowVersion.Of(ended))).ShouldBe(WriteOutcome.Done);
        store.FindLine(stored.Id).ShouldBeNull();
    }

    [StoreFact]
    public void A_customer_write_expecting_a_stale_version_fails_and_writes_nothing()
    {
        using var store = _store.Open();
        var stored = store.FindCustomer(new CustomerId("C2"))!;
        var read = RowVersion.Of(stored);
        store.SaveCustomer(stored with { Name = "Globex Corp" }, WriteMode.Replace, ExpectedVersion.Of(read)).ShouldBe(WriteOutcome.Done);

        var revision = store.Revision();
        store.SaveCustomer(stored with { Name = "Lost update" }, WriteMode.Replace, ExpectedVersion.Of(read)).ShouldBe(WriteOutcome.PreconditionFailed);
        store.DeleteCustomer(stored.Id, ExpectedVersion.Of(read)).ShouldBe(WriteOutcome.PreconditionFailed);
        store.Revision().ShouldBe(revision);
        store.FindCustomer(stored.Id)!.Name.ShouldBe("Globex Corp");

        store.DeleteCustomer(stored.Id, ExpectedVersion.Of(RowVersion.Of(store.FindCustomer(stored.Id)!))).ShouldBe(WriteOutcome.Done);
    }

    [StoreFact]
    public void Any_version_needs_the_row_and_a_missing_row_stays_not_found_whatever_is_expected()
    {
        using var store = _store.Open();
        var line = store.FindLine(new LineId("L1"))!;
        store.SaveLine(line with { Amount = 101m }, WriteMode.Replace, ExpectedVersion.Any).ShouldBe(WriteOutcome.Done);
        store.SaveCustomer(new Customer(new CustomerId("C1"), "Acme Inc"), WriteMode.Replace, ExpectedVersion.Any).ShouldBe(WriteOutcome.Done);

        var missing = line with { Id = new LineId("L404") };
        store.SaveLine(missing, WriteMode.Replace, ExpectedVersion.Any).ShouldBe(WriteOutcome.NotFound);
        store.EndLine(missing.Id, new DateOnly(2024, 6, 1), ExpectedVersion.Of("x")).ShouldBe(WriteOutcome.NotFound);
        store.DeleteLine(missing.Id, ExpectedVersion.Any).ShouldBe(WriteOutcome.NotFound);
        store.DeleteCustomer(new CustomerId("C404"), ExpectedVersion.Any).ShouldBe(WriteOutcome.NotFound);
        store.SaveCustomer(new Customer(new CustomerId("C404")), WriteMode.Replace, ExpectedVersion.Of("x")).ShouldBe(WriteOutcome.NotFound);
    }

    [StoreFact]
    public void The_version_of_a_stored_row_is_the_version_of_what_was_written_on_every_engine()
    {
        using var store = _store.Open();
        var line = new RevenueLine(new LineId("L9"), new CustomerId("C1"), LineKind.Addon, null, new DateOnly(2024, 3, 1), null, 12.50m, 1.5m, CurrencyCode.Usd, 3);
        store.SaveLine(line, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        RowVersion.Of(store.FindLine(line.Id)!).ShouldBe(RowVersion.Of(line));
        RowVersion.Of(line with { Amount = 12.5m }).ShouldBe(RowVersion.Of(line));
        RowVersion.Of(line with { Amount = 12.51m }).ShouldNotBe(RowVersion.Of(line));

        var customer = new Customer(new CustomerId("C7"), "Hooli", "US") { Attributes = Attributes(("tier", "gold"), ("region", "west")) };
        store.SaveCustomer(customer, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        RowVersion.Of(store.FindCustomer(customer.Id)!).ShouldBe(RowVersion.Of(customer));
        RowVersion.Of(customer with { Country = null, Segment = "US" }).ShouldNotBe(RowVersion.Of(customer));
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, string> Attributes(params (string Key, string Value)[] attributes) =>
        System.Collections.Immutable.ImmutableSortedDictionary.ToImmutableSortedDictionary(attributes, a => a.Key, a => a.Value, StringComparer.Ordinal);
}

public sealed class ExpectedVersionTestsOnSqlite() : ExpectedVersionTests(new SqliteEngine());

public sealed class ExpectedVersionTestsOnPostgres(PostgresEngine engine) : ExpectedVersionTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
