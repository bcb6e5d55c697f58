using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Crm;
using Shouldly;

using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Crm;

/// <summary>Writes that would break the CRM's links to the ledger change nothing and say why.</summary>
public abstract class CrmIntegrityTests : IDisposable
{
    private const string Customers = "customer_id,name\nC1,Acme\nC2,Globex\n";
    private const string Lines = "line_id,customer_id,kind,start_date,end_date,amount,currency,interval_months\nL1,C1,subscription,2024-01-01,,100,USD,1\n";
    private static readonly CustomerId C1 = new("C1");
    private static readonly CustomerId C2 = new("C2");

    private readonly TestStore _store;

    protected CrmIntegrityTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
        _store.Import(Customers, Lines).Succeeded.ShouldBeTrue();
    }

    [StoreFact]
    public void A_won_deal_adds_its_lines_all_or_nothing()
    {
        using var store = _store.Open();
        var deal = Deal("dl_1", C2, "won");
        store.Crm.SaveDeal(deal, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        var fresh = Line("dl_1-1", C2, 1000.10m);
        var revision = store.Revision();

        store.Crm.AddDealLines(deal.Id, [fresh, Line("L1", C2, 5m)]).ShouldBe(WriteOutcome.AlreadyExists);
        store.FindLine(fresh.Id).ShouldBeNull();
        store.Crm.DealLines(deal.Id).ShouldBeEmpty();
        store.Revision().ShouldBe(revision);

        store.Crm.AddDealLines(deal.Id, [fresh, Line("dl_1-2", new CustomerId("C404"), 5m)]).ShouldBe(WriteOutcome.UnknownCustomer);
        store.FindLine(fresh.Id).ShouldBeNull();
        store.Crm.AddDealLines(new DealId("dl_404"), [fresh]).ShouldBe(WriteOutcome.NotFound);
        store.Revision().ShouldBe(revision);

        store.Crm.AddDealLines(deal.Id, [fresh, Line("dl_1-2", C2, 20m)]).ShouldBe(WriteOutcome.Done);
        store.Crm.DealLines(deal.Id).Select(l => l.Value).ShouldBe(["dl_1-1", "dl_1-2"]);
        store.FindLine(fresh.Id).ShouldBe(fresh);
        store.Revision().ShouldBe(revision + 1);

        // The lines stay in the ledger when the deal goes.
        store.Crm.DeleteDeal(deal.Id).ShouldBe(WriteOutcome.Done);
        store.FindLine(fresh.Id).ShouldBe(fresh);
    }

    [StoreFact]
    public void Only_a_won_deal_adds_lines()
    {
        using var store = _store.Open();
        store.Crm.SaveDeal(Deal("dl_open", C2, "proposal"), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        var revision = store.Revision();
        store.Crm.AddDealLines(new DealId("dl_open"), [Line("X", C2, 1m)]).ShouldBe(WriteOutcome.Invalid);
        store.FindLine(new LineId("X")).ShouldBeNull();
        store.Revision().ShouldBe(revision);
    }

    [StoreFact]
    public void Capturing_the_same_messages_twice_logs_each_once()
    {
        using var store = _store.Open();
        Activity Mail(string id, string external) => new(new ActivityId(id), ActivityKind.Email, new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero), "Hello", null, C1, null, null, "email", external);

        store.Crm.Capture([Mail("ac_1", "<m1@acme.com>"), Mail("ac_2", "<m2@acme.com>")]).ShouldBe(new CaptureOutcome(2, 0));
        var revision = store.Revision();
        store.Crm.Capture([Mail("ac_3", "<m1@acme.com>"), Mail("ac_4", "<m2@acme.com>")]).ShouldBe(new CaptureOutcome(0, 2));
        store.Revision().ShouldBe(revision);
        store.Crm.Capture([Mail("ac_5", "<m2@acme.com>"), Mail("ac_6", "<m3@acme.com>")]).ShouldBe(new CaptureOutcome(1, 1));
        store.Crm.Load().Activities.Select(a => a.ExternalId).ShouldBe(["<m1@acme.com>", "<m2@acme.com>", "<m3@acme.com>"]);
    }

    [StoreFact]
    public void A_pipeline_cannot_drop_a_stage_a_deal_uses_or_used()
    {
        using var store = _store.Open();
        store.Crm.SaveDeal(Deal("dl_1", C1, "won"), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        var revision = store.Revision();
        var withoutLead = new Pipeline(Pipeline.Default.Stages.Where(s => s.Key != "lead"));

        store.Crm.SavePipeline(withoutLead).ShouldBe(WriteOutcome.InUse); // lead is in the deal's history
        store.Crm.Load().Pipeline.Stages.ShouldBe(Pipeline.Default.Stages);
        store.Revision().ShouldBe(revision);
    }

    [StoreFact]
    public void A_customer_with_CRM_records_cannot_be_deleted()
    {
        using var store = _store.Open();
        store.Crm.SaveContact(new Contact(new ContactId("ct_1"), C2, "Hank", null, null, null), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        var revision = store.Revision();

        store.DeleteCustomer(C2).ShouldBe(WriteOutcome.InUse);
        store.FindCustomer(C2).ShouldNotBeNull();
        store.Revision().ShouldBe(revision);

        store.Crm.DeleteContact(new ContactId("ct_1")).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveDomains(C2, ["globex.com"]).ShouldBe(WriteOutcome.Done);
        store.DeleteCustomer(C2).ShouldBe(WriteOutcome.Done); // domains alone go with the customer
        store.Crm.Load().Accounts.ShouldBeEmpty();
    }

    [StoreFact]
    public void A_replacement_ledger_that_drops_a_customer_the_CRM_uses_changes_nothing()
    {
        using (var store = _store.Open())
        {
            store.Crm.SaveDeal(Deal("dl_1", C2, "proposal"), WriteMode.Create).ShouldBe(WriteOutcome.Done);
            store.Crm.SaveDomains(C2, ["globex.com"]).ShouldBe(WriteOutcome.Done);
        }

        long revision;
        string before;
        using (var store = _store.Open())
        {
            revision = store.Revision();
            before = Describe(store);
        }

        var failure = Should.Throw<StoreException>(() => _store.Import("customer_id,name\nC1,Acme\n", Lines, replace: true));
        failure.Message.ShouldBe("The replacement ledger leaves out customers that CRM records refer to: C2 (deals), C2 (e-mail domains). Keep those customers in customers.csv, or delete their CRM records first. Nothing was changed.");

        using (var store = _store.Open())
        {
            store.Revision().ShouldBe(revision);
            Describe(store).ShouldBe(before);
            store.Crm.DeleteDeal(new DealId("dl_1")).ShouldBe(WriteOutcome.Done);
            store.Crm.SaveDomains(C2, []).ShouldBe(WriteOutcome.Done);
        }

        _store.Import("customer_id,name\nC1,Acme\n", Lines, replace: true).Succeeded.ShouldBeTrue();
    }

    private static string Describe(ILedgerStore store)
    {
        var ledger = store.Load();
        var crm = store.Crm.Load();
        return string.Join("|", ledger.Customers.Select(c => c.Id.Value)) + ";" + string.Join("|", ledger.Lines.Select(l => l.Id.Value)) + ";" +
            string.Join("|", crm.Deals.Select(d => d.Id.Value + ":" + d.AccountId)) + ";" + string.Join("|", crm.Accounts.Select(a => a.AccountId + ":" + string.Join(",", a.Domains)));
    }

    private static Deal Deal(string id, CustomerId account, string stage) => new(
        new DealId(id), account, "Deal", stage, 1000.10m, CurrencyCode.Usd, DealKind.NewBusiness, new DateOnly(2026, 1, 12), null, null, null, new DateOnly(2026, 1, 2),
        stage == "lead" ? [new("lead", new(2026, 1, 2))] : [new("lead", new(2026, 1, 2)), new(stage, new(2026, 1, 12))]);

    private static RevenueLine Line(string id, CustomerId customer, decimal amount) =>
        new(new LineId(id), customer, LineKind.Subscription, "Platform", new DateOnly(2026, 1, 12), null, amount, 1m, CurrencyCode.Usd, 12);

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class CrmIntegrityTestsOnSqlite() : CrmIntegrityTests(new SqliteEngine());

public sealed class CrmIntegrityTestsOnPostgres(PostgresEngine engine) : CrmIntegrityTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
