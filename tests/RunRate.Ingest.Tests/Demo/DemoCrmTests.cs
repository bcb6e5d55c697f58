using RunRate.Engine.Crm;
using RunRate.Engine.Movements;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Demo;
using RunRate.Ingest.Validation;
using Shouldly;

namespace RunRate.Ingest.Tests.Demo;

/// <summary>The demo's CRM records: reproducible, consistent with the demo ledger, and valid by the CRM's own rules.</summary>
public sealed class DemoCrmTests(DemoLedgerFixture fixture) : IClassFixture<DemoLedgerFixture>
{
    private readonly CrmData _crm = DemoCrm.Generate(fixture.Demo);

    [Fact]
    public void The_same_ledger_gives_the_same_CRM_and_another_seed_another()
    {
        var again = DemoCrm.Generate(DemoLedgerGenerator.Generate(new DemoOptions()));
        Describe(again).ShouldBe(Describe(_crm));

        var other = DemoCrm.Generate(DemoLedgerGenerator.Generate(new DemoOptions(Seed: 7)));
        Describe(other).ShouldNotBe(Describe(_crm));
    }

    [Fact]
    public void Every_record_refers_to_a_customer_of_the_ledger_and_deals_belong_to_owned_accounts()
    {
        var customers = fixture.Ledger.CustomersById;
        _crm.Deals.ShouldAllBe(d => customers.ContainsKey(d.AccountId));
        _crm.Contacts.ShouldAllBe(c => customers.ContainsKey(c.AccountId));
        _crm.Activities.ShouldAllBe(a => customers.ContainsKey(a.AccountId));
        _crm.Accounts.Select(a => a.AccountId).ShouldBe(fixture.Demo.Customers.Select(c => c.Id));
        foreach (var deal in _crm.Deals)
        {
            var customer = customers[deal.AccountId];
            deal.Owner.ShouldNotBeNull();
            deal.Owner.ShouldBe(customer.Owner);
            deal.Channel.ShouldBe(customer.Channel);
        }
    }

    [Fact]
    public void The_pipeline_has_deals_in_every_stage_and_each_passes_the_deal_rules()
    {
        _crm.Deals.Length.ShouldBeInRange(60, 150);
        _crm.Deals.Select(d => d.Stage).Distinct().Order(StringComparer.Ordinal).ShouldBe(["lead", "lost", "negotiation", "proposal", "qualified", "won"]);
        _crm.Deals.Select(d => d.Kind).Distinct().Count().ShouldBe(4);
        _crm.Deals.Select(d => d.Id.Value).ShouldBeUnique();
        var asOf = fixture.AsOf;
        foreach (var deal in _crm.Deals)
        {
            var problems = new List<FieldProblem>();
            var fields = new DealFields(deal.Id.Value, deal.AccountId.Value, deal.Title, deal.Stage, deal.Arr.ToString(System.Globalization.CultureInfo.InvariantCulture), deal.Currency.Value,
                deal.Kind.ToText(), deal.ExpectedClose.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), deal.Owner, deal.Channel, deal.LostReason,
                deal.Created.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            DealRules.Validate(fields, Pipeline.Default, asOf, _ => true, problems).ShouldNotBeNull(string.Join("; ", problems));
            deal.History[0].ShouldBe(new StageChange(deal.History[0].Stage, deal.Created));
            deal.History[^1].Stage.ShouldBe(deal.Stage);
            deal.History.Select(h => h.On).ShouldBeInOrder();
            deal.History[^1].On.ShouldBeLessThanOrEqualTo(asOf);
            if (deal.ClosedOn(Pipeline.Default) is { } closed)
            {
                deal.ExpectedClose.ShouldBe(closed);
            }
        }
    }

    [Fact]
    public void Won_deals_are_new_business_at_exactly_the_customers_first_ARR()
    {
        var won = _crm.Deals.Where(d => d.Stage == "won").ToList();
        won.Count.ShouldBeGreaterThan(10);
        foreach (var deal in won)
        {
            deal.Kind.ShouldBe(DealKind.NewBusiness);
            var standing = CustomerRevenue.Analyze(fixture.Ledger, deal.Currency, fixture.AsOf.AddDays(60), deal.AccountId)!;
            var first = standing.Movements.First(m => m.Type == MovementType.New);
            deal.Arr.ShouldBe((first.Amount * 12).Round(), deal.Id.Value);
            first.Date.ShouldBeGreaterThan(fixture.AsOf.AddDays(-DemoCrm.RecentWinDays));
            deal.ExpectedClose.ShouldBeLessThanOrEqualTo(first.Date);
        }

        _crm.Deals.Where(d => d.Stage == "lost").ShouldAllBe(d => !string.IsNullOrEmpty(d.LostReason));
    }

    [Fact]
    public void Contacts_have_unique_valid_addresses_at_their_accounts_domain()
    {
        var domains = _crm.Accounts.ToDictionary(a => a.AccountId, a => a.Domains.ShouldHaveSingleItem());
        domains.Values.ShouldBeUnique();
        _crm.Contacts.Select(c => c.Email).ShouldBeUnique();
        foreach (var contact in _crm.Contacts)
        {
            EmailAddress.Normalize(contact.Email).ShouldBe(contact.Email);
            EmailAddress.DomainOf(contact.Email!).ShouldBe(domains[contact.AccountId]);
        }

        _crm.Contacts.GroupBy(c => c.AccountId).Count().ShouldBe(fixture.Demo.Customers.Count);
    }

    [Fact]
    public void Activities_cover_six_months_and_leave_some_owned_accounts_quiet()
    {
        var asOf = fixture.AsOf;
        _crm.Activities.ShouldAllBe(a => DateOnly.FromDateTime(a.At.UtcDateTime) < asOf && DateOnly.FromDateTime(a.At.UtcDateTime) >= asOf.AddDays(-182));
        _crm.Activities.Select(a => a.Kind).Distinct().Order().ShouldBe([ActivityKind.Call, ActivityKind.Meeting, ActivityKind.Note]);
        _crm.Activities.Select(a => a.Id.Value).ShouldBeUnique();
        var contacts = _crm.Contacts.ToDictionary(c => c.Id);
        _crm.Activities.Where(a => a.ContactId is not null).ShouldAllBe(a => contacts[a.ContactId!.Value].AccountId == a.AccountId);
        var deals = _crm.Deals.ToDictionary(d => d.Id);
        _crm.Activities.Where(a => a.DealId is not null).ShouldAllBe(a => deals[a.DealId!.Value].AccountId == a.AccountId);

        var owned = fixture.Demo.Customers.Where(c => c.Owner is not null).Select(c => c.Id).ToList();
        var recent = _crm.Activities.Where(a => a.At >= new DateTimeOffset(asOf.AddDays(-90).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).Select(a => a.AccountId).ToHashSet();
        var quiet = owned.Count(id => !recent.Contains(id));
        quiet.ShouldBeInRange(owned.Count / 8, owned.Count / 2);
    }

    [Fact]
    public void Every_owner_has_a_target_for_each_of_five_quarters()
    {
        var owners = fixture.Demo.Customers.Select(c => c.Owner).OfType<string>().Distinct().Count();
        _crm.Targets.Length.ShouldBe(owners * 5);
        _crm.Targets.ShouldAllBe(t => t.Months == 3 && t.Arr >= 5000m && t.Arr % 5000m == 0 && t.Currency.Value == "USD");
        _crm.Targets.Select(t => t.Period).Distinct().Count().ShouldBe(5);
    }

    private static string Describe(CrmData crm) => string.Join(
        "\n",
        crm.Accounts.Select(a => $"{a.AccountId}:{string.Join(",", a.Domains)}")
            .Concat(crm.Contacts.Select(c => c.ToString()))
            .Concat(crm.Deals.Select(d => d with { History = [] } + string.Join(",", d.History)))
            .Concat(crm.Activities.Select(a => a.ToString()))
            .Concat(crm.Targets.Select(t => t.ToString())));
}
