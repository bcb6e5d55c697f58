using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Ingest.Tests.Demo;

/// <summary>The demo looks like a real SaaS business and exercises every movement the product reports.</summary>
public sealed class DemoLedgerRealismTests(DemoLedgerFixture fixture) : IClassFixture<DemoLedgerFixture>
{
    [Fact]
    public void History_spans_five_years_with_some_contracted_future_starts()
    {
        var starts = fixture.Lines.Select(l => l.Start).ToList();

        starts.Min().ShouldBeGreaterThan(fixture.AsOf.AddYears(-5));
        starts.Min().ShouldBeLessThan(fixture.AsOf.AddYears(-5).AddMonths(2));
        starts.Max().ShouldBeLessThanOrEqualTo(fixture.AsOf.AddDays(61));
        starts.Count(s => s > fixture.AsOf).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Ledger_has_every_plan_add_on_fee_and_billing_interval()
    {
        Products(LineKind.Subscription).ShouldBe(["Enterprise", "Free", "Growth", "Scale", "Starter"], ignoreOrder: true);
        Products(LineKind.Addon).ShouldBe(["Extra Storage", "Maintenance", "Premium Support", "SSO"], ignoreOrder: true);
        Products(LineKind.OneTime).ShouldBe(["Onboarding", "Setup", "Training"], ignoreOrder: true);

        var intervals = fixture.Lines.Where(l => l.Kind.IsRecurring()).Select(l => l.IntervalMonths!.Value).ToHashSet();
        intervals.ShouldBeSubsetOf([1, 3, 12, 24, 36]);
        intervals.ShouldContain(1);
        intervals.ShouldContain(3);
        intervals.ShouldContain(12);
        (intervals.Contains(24) || intervals.Contains(36)).ShouldBeTrue();
    }

    [Fact]
    public void Free_plans_cost_nothing_and_paid_plans_do()
    {
        var subscriptions = fixture.Lines.Where(l => l.Kind == LineKind.Subscription).ToList();

        subscriptions.Where(l => l.Product == "Free").ShouldAllBe(l => l.Amount == 0m);
        subscriptions.Where(l => l.Product != "Free").ShouldAllBe(l => l.Amount > 0m);
        subscriptions.Count(l => l.Product == "Free").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Changes_end_one_line_and_start_its_successor_the_same_day()
    {
        var byCustomer = fixture.Lines.Where(l => l.Kind == LineKind.Subscription).ToLookup(l => l.CustomerId);
        var seatChanges = 0;
        var planChanges = 0;
        var renewals = 0;
        foreach (var lines in byCustomer)
        {
            foreach (var ended in lines.Where(l => l.End is not null))
            {
                var successor = lines.FirstOrDefault(l => l.Start == ended.End);
                if (successor is null)
                {
                    continue;
                }

                if (successor.Product != ended.Product)
                {
                    planChanges++;
                }
                else if (successor.Quantity != ended.Quantity)
                {
                    seatChanges++;
                }
                else if (successor.Amount == ended.Amount && successor.IntervalMonths == ended.IntervalMonths)
                {
                    renewals++;
                }
            }
        }

        seatChanges.ShouldBeGreaterThan(20);
        planChanges.ShouldBeGreaterThan(10);
        renewals.ShouldBeGreaterThan(5);
    }

    [Fact]
    public void Most_lines_are_in_usd_with_some_in_eur_and_gbp()
    {
        var byCurrency = fixture.Lines.GroupBy(l => l.Currency.Value).ToDictionary(g => g.Key, g => g.Count());

        byCurrency.Keys.ShouldBe(["EUR", "GBP", "USD"], ignoreOrder: true);
        byCurrency["USD"].ShouldBeGreaterThan(fixture.Lines.Count / 2);
        byCurrency["EUR"].ShouldBeGreaterThan(fixture.Lines.Count / 20);
        byCurrency["GBP"].ShouldBeGreaterThan(fixture.Lines.Count / 20);
    }

    [Fact]
    public void Customers_have_country_segment_channel_owner_and_industry()
    {
        var customers = fixture.Demo.Customers;

        customers.Select(c => c.Segment).Distinct().ShouldBe(["SMB", "Mid-Market", "Enterprise"], ignoreOrder: true);
        customers.Select(c => c.Channel).Distinct().ShouldBe(["inbound", "outbound", "partner", "self-serve"], ignoreOrder: true);
        customers.Select(c => c.Country).Distinct().Count().ShouldBeGreaterThan(5);
        customers.ShouldAllBe(c => !string.IsNullOrEmpty(c.Name) && c.Country!.Length == 2);
        customers.Where(c => c.Channel != "self-serve").Select(c => c.Owner).Distinct().Count().ShouldBeInRange(4, 8);
        customers.Where(c => c.Channel == "self-serve").ShouldAllBe(c => c.Owner == null);
        customers.ShouldAllBe(c => c.Attributes.Count == 1 && !string.IsNullOrEmpty(c.Attributes["industry"]));
        customers.Select(c => c.Attributes["industry"]).Distinct().Count().ShouldBeGreaterThan(5);
    }

    [Fact]
    public void Customers_are_numbered_in_sign_up_order()
    {
        var firstStarts = fixture.Lines.GroupBy(l => l.CustomerId).Select(g => (g.Key, First: g.Min(l => l.Start))).ToList();

        firstStarts.Count.ShouldBe(fixture.Demo.Customers.Count);
        firstStarts.Select(f => f.Key).ShouldBe(fixture.Demo.Customers.Select(c => c.Id));
        firstStarts.Zip(firstStarts.Skip(1)).ShouldAllBe(p => p.First.First <= p.Second.First);
    }

    [Fact]
    public void Last_three_years_show_every_movement_and_balance_each_month()
    {
        var report = fixture.LastThreeYears(CurrencyCode.Usd);

        report.Months.Count.ShouldBe(36);
        report.Months[^1].Month.ShouldBe(YearMonth.Of(fixture.AsOf));
        report.Months.Aggregate(Exact.Zero, (sum, m) => sum + m.New).Sign.ShouldBe(1);
        report.Months.Aggregate(Exact.Zero, (sum, m) => sum + m.Expansion).Sign.ShouldBe(1);
        report.Months.Aggregate(Exact.Zero, (sum, m) => sum + m.Contraction).Sign.ShouldBe(-1);
        report.Months.Aggregate(Exact.Zero, (sum, m) => sum + m.Churn).Sign.ShouldBe(-1);
        report.Months.Aggregate(Exact.Zero, (sum, m) => sum + m.Reactivation).Sign.ShouldBe(1);
        report.Months.Sum(m => m.ReactivatedCustomers).ShouldBeGreaterThan(0);
        report.Months.Sum(m => m.ChurnedCustomers).ShouldBeGreaterThan(0);
        foreach (var month in report.Months)
        {
            (month.OpeningMrr + month.New + month.Expansion + month.Contraction + month.Churn + month.Reactivation).ShouldBe(month.ClosingMrr, month.Month.ToString());
        }

        foreach (var (previous, next) in report.Months.Zip(report.Months.Skip(1)))
        {
            next.OpeningMrr.ShouldBe(previous.ClosingMrr);
        }

        // A growing business: more revenue and more customers at the end than at the start.
        report.Months[^1].ClosingMrr.ShouldBeGreaterThan(report.Months[0].OpeningMrr);
        report.Months[^1].Customers.ShouldBeGreaterThan(report.Months[0].Customers);
        report.Months[^1].AddonArr.Sign.ShouldBe(1);
    }

    [Theory]
    [InlineData("EUR")]
    [InlineData("GBP")]
    public void Reports_in_eur_and_gbp_convert_every_line(string currency)
    {
        var report = fixture.LastThreeYears(CurrencyCode.Parse(currency));

        report.Months[^1].ClosingMrr.Sign.ShouldBe(1);
        report.Months[^1].Customers.ShouldBe(fixture.LastThreeYears(CurrencyCode.Usd).Months[^1].Customers);
        report.Months.ShouldAllBe(m => m.OpeningMrr + m.NetMovement == m.ClosingMrr);
    }

    private List<string> Products(LineKind kind) =>
        [.. fixture.Lines.Where(l => l.Kind == kind).Select(l => l.Product!).Distinct()];
}
