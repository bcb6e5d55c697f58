using System.Text.RegularExpressions;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Ingest.Tests.Demo;

/// <summary>Every generated row obeys spec section 1, so the demo imports without a single error.</summary>
public sealed partial class DemoLedgerValidityTests(DemoLedgerFixture fixture) : IClassFixture<DemoLedgerFixture>
{
    private static readonly CurrencyCode[] Reporting = [CurrencyCode.Usd, CurrencyCode.Parse("EUR"), CurrencyCode.Parse("GBP")];

    [Fact]
    public void Every_line_satisfies_the_ledger_rules()
    {
        var customers = fixture.Demo.Customers.Select(c => c.Id).ToHashSet();
        fixture.Lines.Count.ShouldBeGreaterThan(fixture.Demo.Customers.Count);

        foreach (var line in fixture.Lines)
        {
            customers.ShouldContain(line.CustomerId, line.Id.Value);
            line.Amount.ShouldBeGreaterThanOrEqualTo(0m, line.Id.Value);
            line.Quantity.ShouldBeGreaterThan(0m, line.Id.Value);
            Reporting.ShouldContain(line.Currency, line.Id.Value);
            line.Product.ShouldNotBeNullOrWhiteSpace(line.Id.Value);
            if (line.Kind == LineKind.OneTime)
            {
                line.End.ShouldBeNull(line.Id.Value);
                line.IntervalMonths.ShouldBeNull(line.Id.Value);
            }
            else
            {
                line.IntervalMonths.ShouldNotBeNull(line.Id.Value);
                line.IntervalMonths.Value.ShouldBeInRange(1, 120, line.Id.Value);
                if (line.End is { } end)
                {
                    end.ShouldBeGreaterThan(line.Start, line.Id.Value);
                }
            }
        }
    }

    [Fact]
    public void Amounts_have_at_most_two_decimals_and_quantities_are_whole()
    {
        fixture.Lines.ShouldAllBe(l => l.Amount.Scale <= 2);
        fixture.Lines.ShouldAllBe(l => decimal.IsInteger(l.Quantity) && l.Quantity.Scale == 0);
    }

    [Fact]
    public void Ids_are_unique_fixed_width_and_in_order()
    {
        var customerIds = fixture.Demo.Customers.Select(c => c.Id.Value).ToList();
        var lineIds = fixture.Lines.Select(l => l.Id.Value).ToList();

        customerIds.ShouldAllBe(id => CustomerIdFormat().IsMatch(id));
        lineIds.ShouldAllBe(id => LineIdFormat().IsMatch(id));
        customerIds.ShouldBeUnique();
        lineIds.ShouldBeUnique();
        customerIds.ShouldBe(customerIds.Order(StringComparer.Ordinal));
        lineIds.ShouldBe(lineIds.Order(StringComparer.Ordinal));
        customerIds[0].ShouldBe("C000001");
        lineIds[0].ShouldBe("L0000001");
    }

    [Fact]
    public void Fx_has_every_ordered_pair_of_usd_eur_gbp_on_the_first_of_each_month()
    {
        var fx = fixture.Demo.Fx;
        var pairs = fx.GroupBy(r => (r.From, r.To)).ToDictionary(g => g.Key, g => g.Select(r => r.Date).ToList());

        pairs.Count.ShouldBe(6);
        foreach (var from in Reporting)
        {
            foreach (var to in Reporting.Where(t => t != from))
            {
                var dates = pairs[(from, to)];
                dates.ShouldAllBe(d => d.Day == 1);
                dates.Zip(dates.Skip(1)).ShouldAllBe(p => p.First.AddMonths(1) == p.Second);
            }
        }

        fx.ShouldAllBe(r => r.Rate > 0m && r.Rate.Scale <= 6);
    }

    [Fact]
    public void Fx_covers_every_line_for_usd_eur_and_gbp_reporting()
    {
        var table = new FxTable(fixture.Demo.Fx);

        foreach (var line in fixture.Lines)
        {
            foreach (var currency in Reporting)
            {
                table.RateOn(line.Currency, currency, line.Start).ShouldNotBeNull($"{line.Id} {line.Currency}->{currency} on {line.Start}");
            }
        }

        // From before the first line to after the last one.
        fixture.Demo.Fx.Min(r => r.Date).ShouldBeLessThan(fixture.Lines.Min(l => l.Start));
        fixture.Demo.Fx.Max(r => r.Date).ShouldBeGreaterThan(fixture.Lines.Max(l => l.Start));
    }

    [Fact]
    public void Fx_rates_drift_plausibly_and_agree_with_their_inverse()
    {
        var byPair = fixture.Demo.Fx.GroupBy(r => (r.From, r.To)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Date).ToList());

        foreach (var (pair, rates) in byPair)
        {
            rates.Select(r => r.Rate).Distinct().Count().ShouldBeGreaterThan(rates.Count / 2, $"{pair} should move");
            foreach (var (before, after) in rates.Zip(rates.Skip(1)))
            {
                Math.Abs((after.Rate / before.Rate) - 1m).ShouldBeLessThan(0.10m, $"{pair} {after.Date}");
            }

            var inverse = byPair[(pair.To, pair.From)];
            foreach (var (rate, back) in rates.Zip(inverse))
            {
                Math.Abs((rate.Rate * back.Rate) - 1m).ShouldBeLessThan(0.00001m, $"{pair} {rate.Date}");
            }
        }

        var eurUsd = byPair[(CurrencyCode.Parse("EUR"), CurrencyCode.Usd)];
        eurUsd.ShouldAllBe(r => r.Rate > 0.9m && r.Rate < 1.3m);
    }

    [GeneratedRegex("^C[0-9]{6}$")]
    private static partial Regex CustomerIdFormat();

    [GeneratedRegex("^L[0-9]{7}$")]
    private static partial Regex LineIdFormat();
}
