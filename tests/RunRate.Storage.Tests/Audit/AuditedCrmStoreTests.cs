using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Audit;
using RunRate.Storage.Crm;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Audit;

public abstract class AuditedCrmStoreTests : IDisposable
{
    private static readonly CustomerId C1 = new("C1");
    private static readonly DateOnly Day = new(2026, 2, 2);
    private readonly AuditedStore _store;

    protected AuditedCrmStoreTests(IStoreEngine engine)
    {
        _store = new AuditedStore(engine);
        using var store = _store.Open(null);
        store.SaveCustomer(new Customer(C1, "Acme"), WriteMode.Create).ShouldBe(WriteOutcome.Done);
    }

    [StoreFact]
    public void Contacts_domains_deals_and_activities_record_their_writes_and_refusals_record_nothing()
    {
        using var store = _store.Open();
        var contact = new Contact(new ContactId("ct1"), C1, "Ada", "ada@acme.test", null, "CFO");
        store.Crm.SaveContact(contact, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveContact(contact with { Role = "CEO" }, WriteMode.Replace).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveContact(contact with { Id = new ContactId("ct2") }, WriteMode.Create).ShouldBe(WriteOutcome.Conflict);
        store.Crm.SaveDomains(C1, ["acme.test"]).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveDomains(new CustomerId("nobody"), ["x.test"]).ShouldBe(WriteOutcome.UnknownCustomer);
        var deal = new Deal(new DealId("d1"), C1, "Pro", "lead", 1200m, CurrencyCode.Usd, DealKind.NewBusiness, Day, "sam", null, null, Day, [new StageChange("lead", Day)]);
        store.Crm.SaveDeal(deal, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveDeal(deal with { Stage = "nowhere" }, WriteMode.Replace).ShouldBe(WriteOutcome.Invalid);
        store.Crm.SaveDeal(deal with { Stage = "won", History = [new StageChange("lead", Day), new StageChange("won", Day)] }, WriteMode.Replace).ShouldBe(WriteOutcome.Done);
        store.Crm.AddDealLines(deal.Id, [new RevenueLine(new LineId("L9"), C1, LineKind.Subscription, null, Day, null, 100m, 1, CurrencyCode.Usd, 1)]).ShouldBe(WriteOutcome.Done);
        var activity = new Activity(new ActivityId("a1"), ActivityKind.Call, new DateTimeOffset(2026, 2, 2, 10, 0, 0, TimeSpan.Zero), "Intro", null, C1, contact.Id, null, "manual", null);
        store.Crm.SaveActivity(activity, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Crm.DeleteActivity(activity.Id).ShouldBe(WriteOutcome.Done);
        store.Crm.DeleteActivity(activity.Id).ShouldBe(WriteOutcome.NotFound);
        store.Crm.DeleteDeal(deal.Id).ShouldBe(WriteOutcome.Done);
        store.Crm.DeleteContact(contact.Id).ShouldBe(WriteOutcome.Done);

        var entries = store.Audit.List(new AuditQuery()).Reverse().ToList();
        entries.Select(e => e.Action).ShouldBe(
            ["contact.create", "contact.update", "domains.update", "deal.create", "deal.update", "deal.lines", "activity.create", "activity.delete", "deal.delete", "contact.delete"]);
        entries[1].Before.ShouldBe(entries[0].After);
        entries[1].After!.ShouldContain("\"role\":\"CEO\"");
        entries[2].Before.ShouldBeNull();
        entries[2].After.ShouldBe("""{"account_id":"C1","domains":"acme.test"}""");
        entries[4].Before!.ShouldContain("\"stage\":\"lead\"");
        entries[4].After!.ShouldContain("\"stage\":\"won\"");
        entries[5].EntityId.ShouldBe("d1");
        entries[5].After.ShouldBe("""{"deal_id":"d1","lines":["L9"]}""");
        entries[7].Before.ShouldBe(entries[6].After);
        entries[9].Before.ShouldBe(entries[1].After);
    }

    [StoreFact]
    public void Capture_records_its_counts_once_and_nothing_when_everything_was_logged_before()
    {
        using var store = _store.Open("cli:ada");
        Activity Mail(string id) => new(new ActivityId(id), ActivityKind.Email, new DateTimeOffset(2026, 2, 2, 10, 0, 0, TimeSpan.Zero), "Re: renewal", "body", C1, null, null, "email", "<" + id + "@mail>");
        store.Crm.Capture([Mail("m1"), Mail("m2")]).ShouldBe(new CaptureOutcome(2, 0));
        store.Crm.Capture([Mail("m1"), Mail("m2")]).ShouldBe(new CaptureOutcome(0, 2));

        var entry = store.Audit.List(new AuditQuery()).ShouldHaveSingleItem();
        entry.Action.ShouldBe("activity.capture");
        entry.Detail.ShouldBe("2 activities added, 0 already logged");
        entry.After.ShouldBe("""{"added":2,"already_logged":0}""");
    }

    [StoreFact]
    public void Targets_pipeline_and_scenarios_record_before_and_after()
    {
        using var store = _store.Open();
        var target = new SalesTarget("sam", new YearMonth(2026, 1), 3, 50_000m, CurrencyCode.Usd);
        store.Crm.SaveTarget(target).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveTarget(target with { Arr = 60_000m }).ShouldBe(WriteOutcome.Done);
        store.Crm.DeleteTarget("sam", new YearMonth(2026, 1), 3).ShouldBe(WriteOutcome.Done);
        store.Crm.DeleteTarget("sam", new YearMonth(2026, 1), 3).ShouldBe(WriteOutcome.NotFound);
        var stages = Pipeline.Default.Stages.Select(s => s.Key == "lead" ? s with { Probability = 0.05m } : s);
        store.Crm.SavePipeline(new Pipeline(stages)).ShouldBe(WriteOutcome.Done);
        store.Scenarios.Save(new Scenario("Bear", new ScenarioRules { ChurnPoints = 1m })).ShouldBe(WriteOutcome.Done);
        store.Scenarios.Save(new Scenario(" ", ScenarioRules.None)).ShouldBe(WriteOutcome.Invalid);
        store.Scenarios.Delete("bear").ShouldBeTrue();
        store.Scenarios.Delete("bear").ShouldBeFalse();

        var entries = store.Audit.List(new AuditQuery()).Reverse().ToList();
        entries.Select(e => e.Action).ShouldBe(["target.set", "target.set", "target.delete", "pipeline.update", "scenario.save", "scenario.delete"]);
        entries[0].EntityId.ShouldBe("sam@2026-Q1");
        entries[1].Before.ShouldBe(entries[0].After);
        entries[1].After!.ShouldContain("\"arr\":60000");
        entries[2].Before.ShouldBe(entries[1].After);
        entries[3].Before!.ShouldContain("\"lead\":\"Lead (0.10, open)\"");
        entries[3].After!.ShouldContain("\"lead\":\"Lead (0.05, open)\"");
        entries[4].After.ShouldBe("""{"name":"Bear","churn_points":1}""");
        entries[5].EntityId.ShouldBe("Bear");
        entries[5].Before.ShouldBe(entries[4].After);
    }

    [StoreFact]
    public void A_billing_event_is_recorded_once_with_its_id_type_and_summary_but_never_its_payload()
    {
        const string Payload = """{"secret":"whsec_do_not_log","card":"4242"}""";
        using var store = _store.Open("webhook:stripe");
        string Apply(ILedgerWriter writer)
        {
            _ = Payload.Length; // the handler holds the payload; the store only sees what it writes
            writer.Upsert(new RevenueLine(new LineId("stripe:si_1"), C1, LineKind.Subscription, "Pro", Day, null, 49m, 1, CurrencyCode.Usd, 1));
            return "si_1 started at 49 USD/month";
        }

        store.Crm.ApplyBillingEvent("evt_1", "customer.subscription.created", DateTimeOffset.UnixEpoch, Apply).Applied.ShouldBeTrue();
        store.Crm.ApplyBillingEvent("evt_1", "customer.subscription.created", DateTimeOffset.UnixEpoch, Apply).Applied.ShouldBeFalse();

        var entry = store.Audit.List(new AuditQuery()).ShouldHaveSingleItem();
        entry.Actor.ShouldBe("webhook:stripe");
        entry.Action.ShouldBe("billing.event");
        entry.EntityId.ShouldBe("evt_1");
        entry.Detail.ShouldBe("customer.subscription.created: si_1 started at 49 USD/month");
        entry.After.ShouldBe("""{"event_id":"evt_1","type":"customer.subscription.created","summary":"si_1 started at 49 USD/month","lines":["stripe:si_1"]}""");
        string.Concat(entry.Before, entry.After, entry.Detail).ShouldNotContain("whsec");
    }

    [StoreFact]
    public void Replacing_the_whole_crm_records_one_entry_with_counts()
    {
        using var store = _store.Open();
        var data = CrmData.Empty with { Contacts = [new Contact(new ContactId("ct1"), C1, "Ada", null, null, null)] };
        store.Crm.ReplaceAll(data with { Contacts = [.. data.Contacts, new Contact(new ContactId("ct9"), new CustomerId("nobody"), "X", null, null, null)] }).ShouldBe(WriteOutcome.UnknownCustomer);
        store.Crm.ReplaceAll(data).ShouldBe(WriteOutcome.Done);

        var entry = store.Audit.List(new AuditQuery()).ShouldHaveSingleItem();
        entry.Action.ShouldBe("crm.replace_all");
        entry.Detail!.ShouldStartWith("1 contacts, 0 deals");
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AuditedCrmStoreTestsOnSqlite() : AuditedCrmStoreTests(new SqliteEngine());

public sealed class AuditedCrmStoreTestsOnPostgres(PostgresEngine engine) : AuditedCrmStoreTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
