using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Storage.Crm;
using Shouldly;

using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Crm;

/// <summary>Every CRM record comes back from SQLite exactly as written (decimals to the last digit, times to the tick).</summary>
public abstract class CrmRoundTripTests : IDisposable
{
    private const string Customers = "customer_id,name\nC1,Acme\nC2,Globex\n";
    private const string Lines = "line_id,customer_id,kind,start_date,end_date,amount,currency,interval_months\nL1,C1,subscription,2024-01-01,,100,USD,1\n";
    private static readonly CustomerId C1 = new("C1");

    private readonly TestStore _store;

    protected CrmRoundTripTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
        _store.Import(Customers, Lines).Succeeded.ShouldBeTrue();
    }

    [StoreFact]
    public void Contacts_and_domains_round_trip_and_a_contact_can_be_replaced_and_deleted()
    {
        using var store = _store.Open();
        var jane = new Contact(new ContactId("ct_jane"), C1, "Jane Doe", "jane@acme.com", "+1 555 0100", "CFO");
        var bob = new Contact(new ContactId("ct_bob"), C1, "Bob", null, null, null);
        store.Crm.SaveContact(jane, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveContact(bob, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveDomains(C1, ["acme.com", "acme.co.uk"]).ShouldBe(WriteOutcome.Done);

        store.Crm.FindContact(jane.Id).ShouldBe(jane);
        var crm = store.Crm.Load();
        crm.Contacts.ShouldBe([bob, jane]); // by id
        crm.Accounts.ShouldHaveSingleItem().Domains.ShouldBe(["acme.com", "acme.co.uk"]);

        store.Crm.SaveContact(bob with { Email = "jane@acme.com" }, WriteMode.Replace).ShouldBe(WriteOutcome.Conflict);
        store.Crm.SaveContact(bob with { AccountId = new CustomerId("C404") }, WriteMode.Replace).ShouldBe(WriteOutcome.UnknownCustomer);
        store.Crm.SaveContact(bob, WriteMode.Create).ShouldBe(WriteOutcome.AlreadyExists);
        store.Crm.SaveContact(bob with { Role = "CEO" }, WriteMode.Replace).ShouldBe(WriteOutcome.Done);
        store.Crm.FindContact(bob.Id)!.Role.ShouldBe("CEO");
        store.Crm.DeleteContact(bob.Id).ShouldBe(WriteOutcome.Done);
        store.Crm.DeleteContact(bob.Id).ShouldBe(WriteOutcome.NotFound);
        store.Crm.SaveDomains(new CustomerId("C404"), ["x.com"]).ShouldBe(WriteOutcome.UnknownCustomer);
        store.Crm.SaveDomains(C1, []).ShouldBe(WriteOutcome.Done);
        store.Crm.Load().Accounts.ShouldBeEmpty();
    }

    [StoreFact]
    public void A_deal_keeps_its_exact_ARR_and_its_history_in_order()
    {
        using var store = _store.Open();
        var deal = new Deal(
            new DealId("dl_1"), C1, "Platform, \"premium\"", "won", 12345.6789m, CurrencyCode.Parse("EUR"), DealKind.CrossSell, new DateOnly(2026, 1, 12),
            "Alice", "partner", null, new DateOnly(2025, 11, 3),
            [new("lead", new(2025, 11, 3)), new("proposal", new(2025, 12, 1)), new("qualified", new(2025, 12, 5)), new("won", new(2026, 1, 12))]);
        store.Crm.SaveDeal(deal, WriteMode.Create).ShouldBe(WriteOutcome.Done);

        var stored = store.Crm.FindDeal(deal.Id)!;
        stored.ShouldBe(deal with { History = stored.History });
        stored.Arr.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("12345.6789");
        stored.History.ShouldBe(deal.History);
        stored.ClosedOn(Pipeline.Default).ShouldBe(new DateOnly(2026, 1, 12));

        var lost = deal with { Stage = "lost", LostReason = "price", History = deal.History.Add(new("lost", new(2026, 1, 14))) };
        store.Crm.SaveDeal(lost, WriteMode.Replace).ShouldBe(WriteOutcome.Done);
        store.Crm.FindDeal(deal.Id)!.History.Select(h => h.Stage).ShouldBe(["lead", "proposal", "qualified", "won", "lost"]);
        store.Crm.SaveDeal(lost with { Stage = "closing" }, WriteMode.Replace).ShouldBe(WriteOutcome.Invalid);
        store.Crm.SaveDeal(lost with { Id = new DealId("dl_2"), AccountId = new CustomerId("C404") }, WriteMode.Create).ShouldBe(WriteOutcome.UnknownCustomer);
        store.Crm.DeleteDeal(deal.Id).ShouldBe(WriteOutcome.Done);
        store.Crm.FindDeal(deal.Id).ShouldBeNull();
        store.Crm.DeleteDeal(deal.Id).ShouldBe(WriteOutcome.NotFound);
    }

    [StoreFact]
    public void Activities_targets_pipelines_and_payments_round_trip()
    {
        using var store = _store.Open();
        var at = new DateTimeOffset(2026, 1, 10, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        var activity = new Activity(new ActivityId("ac_1"), ActivityKind.Meeting, at, "QBR", "Line 1\nLine 2", C1, null, null, "calendar", "uid-1@cal");
        store.Crm.SaveActivity(activity, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Crm.FindActivity(activity.Id).ShouldBe(activity);
        store.Crm.SaveActivity(activity with { Id = new ActivityId("ac_2") }, WriteMode.Create).ShouldBe(WriteOutcome.Conflict); // same external id

        var quarter = new SalesTarget("Alice", new YearMonth(2026, 4), 3, 250000.50m, CurrencyCode.Usd);
        var month = new SalesTarget("Alice", new YearMonth(2026, 5), 1, 0.0001m, CurrencyCode.Parse("GBP"));
        store.Crm.SaveTarget(quarter).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveTarget(month).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveTarget(quarter with { Arr = 300000m }).ShouldBe(WriteOutcome.Done);
        store.Crm.Load().Targets.ShouldBe([quarter with { Arr = 300000m }, month]);
        store.Crm.DeleteTarget("Alice", new YearMonth(2026, 5), 1).ShouldBe(WriteOutcome.Done);
        store.Crm.DeleteTarget("Alice", new YearMonth(2026, 5), 1).ShouldBe(WriteOutcome.NotFound);

        var pipeline = new Pipeline([new("demo", "Demo booked", 0.125m, StageOutcome.Open), new("won", "Won", 1m, StageOutcome.Won), new("lost", "Lost", 0m, StageOutcome.Lost)]);
        store.Crm.SavePipeline(pipeline).ShouldBe(WriteOutcome.Done);
        store.Crm.Load().Pipeline.Stages.ShouldBe(pipeline.Stages);

        var outcome = store.Crm.ApplyBillingEvent("evt_1", "invoice.paid", at, writer =>
        {
            writer.Record("inv_1", new Payment(C1, new DateOnly(2026, 1, 10), true, new Money(99.990m, CurrencyCode.Usd), "inv_1"));
            return "paid";
        });
        outcome.ShouldBe(new BillingOutcome(true, "paid"));
        store.Crm.Load().Payments.ShouldBe([new Payment(C1, new DateOnly(2026, 1, 10), true, new Money(99.990m, CurrencyCode.Usd), "inv_1")]);
        store.Crm.BillingEvents(10).ShouldBe([new BillingEventRecord("evt_1", "invoice.paid", at, "paid")]);
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class CrmRoundTripTestsOnSqlite() : CrmRoundTripTests(new SqliteEngine());

public sealed class CrmRoundTripTestsOnPostgres(PostgresEngine engine) : CrmRoundTripTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
