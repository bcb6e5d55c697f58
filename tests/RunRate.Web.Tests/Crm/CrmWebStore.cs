using System.Collections.Immutable;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Crm;

/// <summary>
/// The random-medium sample with a little CRM data: C00001 has the domain c1.com, a contact, an open deal
/// (dl_open, in proposal since 2026-01-10), a won deal (dl_won) and an activity; CRMONLY is a customer with
/// a contact and no lines; Alice has a target for 2026-Q1.
/// </summary>
public sealed class CrmWebStore : WebStore
{
    public CrmWebStore()
        : base("random-medium")
    {
        using var store = OpenStore(create: false);
        var c1 = new CustomerId("C00001");
        Done(store.Crm.SaveDomains(c1, ["c1.com"]));
        Done(store.Crm.SaveContact(new Contact(new ContactId("ct_ann"), c1, "Ann", "ann@c1.com", null, "CTO"), WriteMode.Create));
        Done(store.SaveCustomer(new Customer(new CustomerId("CRMONLY"), "Prospect Ltd"), WriteMode.Create));
        Done(store.Crm.SaveContact(new Contact(new ContactId("ct_pat"), new CustomerId("CRMONLY"), "Pat", "pat@prospect.io", null, null), WriteMode.Create));
        Done(store.Crm.SaveDeal(Deal("dl_open", "proposal", [new("lead", new(2026, 1, 2)), new("proposal", new(2026, 1, 10))]), WriteMode.Create));
        Done(store.Crm.SaveDeal(Deal("dl_won", "won", [new("lead", new(2026, 1, 2)), new("won", new(2026, 1, 12))]), WriteMode.Create));
        Done(store.Crm.SaveActivity(new Activity(new ActivityId("ac_1"), ActivityKind.Call, new DateTimeOffset(2026, 1, 11, 9, 0, 0, TimeSpan.Zero), "Call", null, c1, new ContactId("ct_ann"), new DealId("dl_open"), "manual", null), WriteMode.Create));
        Done(store.Crm.SaveTarget(new SalesTarget("Alice", new YearMonth(2026, 1), 3, 50000m, CurrencyCode.Usd)));
    }

    private static Deal Deal(string id, string stage, ImmutableArray<StageChange> history) =>
        new(new DealId(id), new CustomerId("C00001"), "Deal " + id, stage, 1200m, CurrencyCode.Usd, DealKind.Expansion, new DateOnly(2026, 1, 31), "Alice", "inbound", null, new DateOnly(2026, 1, 2), history);

    private static void Done(WriteOutcome outcome) => outcome.ShouldBe(WriteOutcome.Done);
}
