using RunRate.Engine.Metrics;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Movements;

public sealed class FxConversionTests
{
    private static LedgerBuilder EuroLedger() => new LedgerBuilder()
        .Rate("2023-12-01", "EUR", "USD", 1.10m)
        .Rate("2024-03-01", "EUR", "USD", 1.25m)
        .Subscription("E", "2024-01-10", null, 1000m, currency: "EUR");

    [Fact]
    public void Line_is_converted_once_at_its_start_date_rate_and_later_rate_changes_create_no_movement()
    {
        var report = Report(EuroLedger().Build(), "2024-01", "2024-06");

        report.In("2024-01").New.ShouldBe(X(1100m));
        report.Months.ShouldAllBe(m => m.ClosingMrr == X(1100m));
        report.Months.Skip(1).ShouldAllBe(m => m.NetMovement == Exact.Zero);
    }

    [Fact]
    public void Line_starting_on_a_rate_date_uses_that_rate()
    {
        var ledger = EuroLedger().Subscription("F", "2024-03-01", null, 1000m, currency: "EUR").Build();

        Report(ledger, "2024-03", "2024-03").In("2024-03").New.ShouldBe(X(1250m));
    }

    [Fact]
    public void One_time_charges_are_converted_at_their_charge_date_rate()
    {
        var ledger = EuroLedger().OneTime("E", "2024-02-29", 100m, currency: "EUR").Build();

        Report(ledger, "2024-02", "2024-02").In("2024-02").OneTimeRevenue.ShouldBe(X(110m));
    }

    [Fact]
    public void Missing_rate_throws_a_conversion_exception_naming_the_line()
    {
        var ledger = EuroLedger()
            .Subscription("G", "2023-06-01", null, 10m, currency: "EUR", id: "early-eur")
            .Subscription("H", "2024-01-01", null, 10m, currency: "GBP", id: "pound-line")
            .Build();

        var error = Should.Throw<LedgerConversionException>(() => Report(ledger, "2024-01", "2024-02"));

        error.Problems.Count.ShouldBe(2);
        error.Problems.ShouldContain(p => p.Contains("early-eur", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.Contains("pound-line", StringComparison.Ordinal));
        error.Message.ShouldContain("early-eur");
    }

    [Fact]
    public void Rates_are_never_inverted_a_usd_line_in_a_eur_report_needs_its_own_rate()
    {
        var ledger = EuroLedger().Subscription("U", "2024-01-01", null, 10m, id: "dollar-line").Build();

        var error = Should.Throw<LedgerConversionException>(() =>
            RevenueEngine.Compute(ledger, Request("2024-01", "2024-01", currency: "EUR")));

        error.Problems.ShouldHaveSingleItem().ShouldContain("dollar-line");
    }

    [Fact]
    public void A_report_filtered_to_other_customers_does_not_need_the_missing_rate()
    {
        var ledger = EuroLedger()
            .Customer("G", segment: "other")
            .Subscription("G", "2020-01-01", null, 10m, currency: "EUR")
            .Build();

        var report = Report(ledger, "2024-01", "2024-01", LedgerFilter.All.Where("customer_id", "E"));

        report.In("2024-01").ClosingMrr.ShouldBe(X(1100m));
    }

    [Fact]
    public void Conversion_problems_are_listed_together_up_to_a_cap()
    {
        var builder = EuroLedger();
        for (var i = 0; i < 60; i++)
        {
            builder.Subscription("G", "2020-01-01", null, 1m, currency: "GBP");
        }

        var error = Should.Throw<LedgerConversionException>(() => Report(builder.Build(), "2024-01", "2024-01"));

        error.Problems.Count.ShouldBe(51);
        error.Problems.Take(50).ShouldAllBe(p => p.Contains("GBP", StringComparison.Ordinal));
        error.Problems[^1].ShouldContain("more");
    }
}
