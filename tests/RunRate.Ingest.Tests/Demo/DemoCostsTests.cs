using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Csv;
using RunRate.Ingest.Demo;
using RunRate.Ingest.Tests.Support;
using Shouldly;

namespace RunRate.Ingest.Tests.Demo;

/// <summary>The demo's costs.csv gives the unit-economics pages plausible figures and imports cleanly.</summary>
public sealed class DemoCostsTests(DemoLedgerFixture fixture) : IClassFixture<DemoLedgerFixture>
{
    private IReadOnlyList<CostEntry> Costs => fixture.Demo.Costs;

    private YearMonth AsOfMonth => YearMonth.Of(fixture.AsOf);

    [Fact]
    public void Every_month_of_history_has_cogs_acquisition_and_other_costs_up_to_the_as_of_month()
    {
        var first = YearMonth.Of(fixture.AsOf.AddYears(-5).AddDays(1));
        var months = Costs.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.Select(c => c.Category).ToHashSet());

        months.Keys.Min().ShouldBe(first);
        months.Keys.Max().ShouldBe(AsOfMonth);
        months.Count.ShouldBe(AsOfMonth.MonthsSince(first) + 1);
        months.Values.ShouldAllBe(categories => categories.Contains(CostCategory.Cogs) && categories.Contains(CostCategory.Marketing) && categories.Contains(CostCategory.Other));
        months.Values.Count(categories => categories.Contains(CostCategory.Sales)).ShouldBeGreaterThan(months.Count / 2);
        Costs.ShouldAllBe(c => c.Amount > 0m && c.Amount.Scale <= 2 && c.Description != null);
    }

    [Fact]
    public void Acquisition_spend_is_tagged_with_the_demos_channels_and_some_is_untagged()
    {
        var channels = fixture.Demo.Customers.Select(c => c.Channel).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var acquisition = Costs.Where(c => c.Category is CostCategory.Sales or CostCategory.Marketing).ToList();

        acquisition.Select(c => c.Channel).OfType<string>().ToHashSet(StringComparer.Ordinal).SetEquals(channels).ShouldBeTrue();
        acquisition.ShouldContain(c => c.Channel == null);
        Costs.Where(c => c.Category is CostCategory.Cogs or CostCategory.Other).ShouldAllBe(c => c.Channel == null);
        Costs.Select(c => c.Currency.Value).Distinct().Order(StringComparer.Ordinal).ShouldBe(["EUR", "USD"]);
    }

    [Fact]
    public void Unit_economics_of_the_demo_look_like_a_healthy_saas_business()
    {
        var ledger = new RevenueLedger(fixture.Demo.Customers, fixture.Lines, new FxTable(fixture.Demo.Fx), Costs);

        var report = UnitEconomics.Compute(ledger, new EconomicsRequest(CurrencyCode.Usd, AsOfMonth.AddMonths(-23), AsOfMonth));

        foreach (var month in report.Months)
        {
            var cogsShare = 1 - month.GrossMargin.Value!.Value;
            cogsShare.ShouldBeInRange(Exact.FromDecimal(0.15m), Exact.FromDecimal(0.25m), month.Month.ToString());
            month.LtvToCac.Value!.Value.ShouldBeInRange((Exact)2, (Exact)12, month.Month.ToString());
            month.PaybackMonths.Value!.Value.ShouldBeInRange((Exact)6, (Exact)30, month.Month.ToString());
        }

        report.Channels.Select(c => c.Channel).ShouldBe(["inbound", "outbound", "partner", "self-serve", ChannelEconomics.Untagged]);
        report.Channels.Take(4).ShouldAllBe(c => c.Cac.HasValue);
        var cac = report.Channels.ToDictionary(c => c.Channel, c => c.Cac.Value ?? Exact.Zero);
        cac["self-serve"].ShouldBeLessThan(cac["inbound"]);
        cac["inbound"].ShouldBeLessThan(cac["outbound"]);
    }

    [Fact]
    public void Demo_costs_are_deterministic_and_import_back_unchanged()
    {
        DemoLedgerGenerator.Generate(new DemoOptions()).Costs.ShouldBe(Costs);
        DemoLedgerGenerator.Generate(new DemoOptions(Seed: 7)).Costs.ShouldNotBe(Costs);

        using var text = new StringWriter();
        LedgerCsvWriter.WriteCosts(text, Costs);
        var target = new MemoryTarget();
        var result = Ledgers.Import(Ledgers.Customers, Ledgers.LinesHeader, target: target, costs: text.ToString());

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Errors.Items.Take(5)));
        target.Costs.ShouldBe(Costs, ignoreOrder: true);
    }
}
