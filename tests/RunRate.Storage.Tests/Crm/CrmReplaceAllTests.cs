using System.Collections.Immutable;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using Shouldly;

using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Crm;

/// <summary>A whole CRM replaces the stored one in one transaction, or nothing changes.</summary>
public abstract class CrmReplaceAllTests : IDisposable
{
    private static readonly CustomerId C1 = new("C1");
    private static readonly CustomerId C2 = new("C2");
    private readonly TestStore _store;

    protected CrmReplaceAllTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
        _store.Import("customer_id\nC1\nC2\n", "line_id,customer_id,kind,start_date,amount,currency,interval_months\nL1,C1,addon,2025-01-01,10,USD,1\n").Succeeded.ShouldBeTrue();
    }

    [StoreFact]
    public void Everything_but_payments_is_replaced_in_one_commit_and_lines_from_deals_stay()
    {
        using var store = _store.Open();
        var old = Deal("dl_old", C1, "won");
        store.Crm.SaveDeal(old, WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Crm.AddDealLines(old.Id, [new RevenueLine(new LineId("dl_old-1"), C1, LineKind.Subscription, null, new DateOnly(2026, 1, 12), null, 100m, 1m, CurrencyCode.Usd, 12)]).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveContact(new Contact(new ContactId("ct_old"), C2, "Old", "old@c2.com", null, null), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveTarget(new SalesTarget("Alice", new YearMonth(2026, 1), 3, 1m, CurrencyCode.Usd)).ShouldBe(WriteOutcome.Done);
        store.Crm.ApplyBillingEvent("evt", "invoice.paid", DateTimeOffset.UnixEpoch, w =>
        {
            w.Record("inv", new Payment(C1, new DateOnly(2026, 1, 1), true, null, "inv"));
            return "paid";
        });
        var revision = store.Revision();

        var pipeline = new Pipeline([new("demo", "Demo", 0.3m, StageOutcome.Open), new("won", "Won", 1m, StageOutcome.Won), new("lost", "Lost", 0m, StageOutcome.Lost)]);
        var crm = new CrmData(
            pipeline,
            [new AccountProfile(C1, ["c1.com"]), new AccountProfile(C2, [])],
            [new Contact(new ContactId("ct_new"), C1, "New", "new@c1.com", null, "CFO")],
            [Deal("dl_new", C2, "demo")],
            [new Activity(new ActivityId("ac_new"), ActivityKind.Note, new DateTimeOffset(2026, 1, 3, 10, 0, 0, TimeSpan.Zero), "Hi", null, C1, new ContactId("ct_new"), null, "manual", null)],
            [new SalesTarget("Ben", new YearMonth(2026, 4), 3, 20000.50m, CurrencyCode.Usd)],
            []);
        store.Crm.ReplaceAll(crm).ShouldBe(WriteOutcome.Done);
        store.Revision().ShouldBe(revision + 1);

        var stored = store.Crm.Load();
        stored.Pipeline.Stages.ShouldBe(pipeline.Stages);
        stored.Accounts.ShouldBe([new AccountProfile(C1, ["c1.com"])], ignoreOrder: false, comparer: new ProfileComparer());
        stored.Contacts.ShouldBe(crm.Contacts);
        stored.Deals.ShouldHaveSingleItem().Id.Value.ShouldBe("dl_new");
        stored.Deals[0].History.ShouldBe(crm.Deals[0].History);
        stored.Activities.ShouldBe(crm.Activities);
        stored.Targets.ShouldBe(crm.Targets);
        stored.Payments.ShouldHaveSingleItem().Reference.ShouldBe("inv");
        store.Crm.DealLines(old.Id).ShouldBeEmpty();
        store.FindLine(new LineId("dl_old-1")).ShouldNotBeNull();

        store.Crm.ReplaceAll(CrmData.Empty).ShouldBe(WriteOutcome.Done);
        var empty = store.Crm.Load();
        (empty.Contacts.Length + empty.Deals.Length + empty.Activities.Length + empty.Targets.Length + empty.Accounts.Length).ShouldBe(0);
        empty.Pipeline.Stages.ShouldBe(Pipeline.Default.Stages);
    }

    [StoreFact]
    public void A_CRM_that_breaks_a_rule_changes_nothing()
    {
        using var store = _store.Open();
        store.Crm.SaveContact(new Contact(new ContactId("ct_keep"), C1, "Keep", null, null, null), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        var revision = store.Revision();
        var contact = new Contact(new ContactId("ct_x"), C1, "X", "x@c1.com", null, null);

        store.Crm.ReplaceAll(CrmData.Empty with { Contacts = [contact with { AccountId = new CustomerId("C404") }] }).ShouldBe(WriteOutcome.UnknownCustomer);
        store.Crm.ReplaceAll(CrmData.Empty with { Deals = [Deal("dl_x", C1, "closing")] }).ShouldBe(WriteOutcome.Invalid);
        store.Crm.ReplaceAll(CrmData.Empty with { Contacts = [contact, contact with { Id = new ContactId("ct_y") }] }).ShouldBe(WriteOutcome.Conflict);

        store.Revision().ShouldBe(revision);
        store.Crm.Load().Contacts.Select(c => c.Id.Value).ShouldBe(["ct_keep"]);
    }

    private static Deal Deal(string id, CustomerId account, string stage) => new(
        new DealId(id), account, "Deal", stage, 1000.10m, CurrencyCode.Usd, DealKind.NewBusiness, new DateOnly(2026, 1, 12), null, null, null, new DateOnly(2026, 1, 2),
        ImmutableArray.Create(new StageChange(stage == "demo" ? "demo" : "lead", new DateOnly(2026, 1, 2)), new StageChange(stage, new DateOnly(2026, 1, 12))));

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class ProfileComparer : IEqualityComparer<AccountProfile>
    {
        public bool Equals(AccountProfile? x, AccountProfile? y) => x?.AccountId == y?.AccountId && x!.Domains.SequenceEqual(y!.Domains);

        public int GetHashCode(AccountProfile obj) => obj.AccountId.GetHashCode();
    }
}

public sealed class CrmReplaceAllTestsOnSqlite() : CrmReplaceAllTests(new SqliteEngine());

public sealed class CrmReplaceAllTestsOnPostgres(PostgresEngine engine) : CrmReplaceAllTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
