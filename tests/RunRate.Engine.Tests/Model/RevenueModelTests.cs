using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Model;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Forecast;
using Shouldly;

namespace RunRate.Engine.Tests.Model;

public sealed class RevenueModelTests
{
    private static readonly CurrencyCode Usd = CurrencyCode.Usd;
    private static readonly ReportRequest Year2025 = new(Usd, new YearMonth(2025, 1), new YearMonth(2025, 12));

    private static RevenueLine Line(string id, string customer, string start, string? end, decimal amount, int interval = 1, LineKind kind = LineKind.Subscription) =>
        new(new LineId(id), new CustomerId(customer), kind, "Pro", DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), amount, 1m, Usd, kind == LineKind.OneTime ? null : interval);

    private static RevenueLedger Ledger(params RevenueLine[] lines) =>
        new([new Customer(new CustomerId("A")), new Customer(new CustomerId("B"))], lines);

    [Theory]
    [InlineData("seed-examples")]
    [InlineData("random-small")]
    [InlineData("random-medium")]
    public void The_contract_samples_give_the_reference_engines_figures(string sample)
    {
        var ledger = SampleLedgers.Load(sample);
        var months = ledger.Lines.Select(l => YearMonth.Of(l.Start)).ToList();
        var request = new ReportRequest(Usd, months.Min(), months.Max().AddMonths(12));
        var model = RevenueModel.Build(ledger, Usd);

        model.Report(request).ShouldEqualFigures(RevenueEngine.Compute(ledger, request));
        model.Compute(request).ShouldEqualFigures(RevenueEngine.Compute(ledger, request));
    }

    [Fact]
    public void A_new_monthly_line_is_applied_in_place_and_shows_as_new_business()
    {
        var model = RevenueModel.Build(Ledger(Line("L1", "A", "2025-01-01", null, 100m)), Usd);
        var added = Line("L2", "B", "2025-03-10", null, 49.99m, interval: 12);

        model.TryApply(null, added).ShouldBeTrue();

        var march = model.Report(Year2025).Months[2];
        march.New.ShouldBe(new Exact(4999, 1200)); // 49.99 ÷ 12, exact
        march.Customers.ShouldBe(2);
        model.Report(Year2025).ShouldEqualFigures(RevenueEngine.Compute(Ledger(Line("L1", "A", "2025-01-01", null, 100m), added), Year2025));
    }

    [Fact]
    public void Ending_and_deleting_lines_moves_churn_into_the_right_months()
    {
        var original = Line("L1", "A", "2025-01-01", null, 100m);
        var ended = original with { End = new DateOnly(2025, 6, 15) };
        var model = RevenueModel.Build(Ledger(original, Line("L2", "B", "2025-02-01", null, 50m)), Usd);

        model.TryApply(original, ended).ShouldBeTrue();
        model.Report(Year2025).Months[5].Churn.ShouldBe(new Exact(-100, 1));

        model.TryApply(ended, null).ShouldBeTrue();
        model.Report(Year2025).ShouldEqualFigures(RevenueEngine.Compute(Ledger(Line("L2", "B", "2025-02-01", null, 50m)), Year2025));
        model.LineCount.ShouldBe(1);
    }

    [Fact]
    public void A_line_of_a_customer_the_model_does_not_hold_adds_the_customer()
    {
        var model = RevenueModel.Build(Ledger(Line("L1", "A", "2025-01-01", null, 100m)), Usd);

        model.TryApply(null, Line("L9", "NEW", "2025-04-01", null, 10m)).ShouldBeTrue();

        model.CustomerCount.ShouldBe(3);
        model.Report(Year2025).Months[3].NewCustomers.ShouldBe(1);
    }

    [Fact]
    public void One_time_charges_change_one_time_revenue_only()
    {
        var model = RevenueModel.Build(Ledger(Line("L1", "A", "2025-01-01", null, 100m)), Usd);
        var fee = Line("F1", "A", "2025-05-20", null, 250m, kind: LineKind.OneTime);

        model.TryApply(null, fee).ShouldBeTrue();
        model.Report(Year2025).Months[4].OneTimeRevenue.ShouldBe(new Exact(250, 1));
        model.Report(Year2025).Months[4].ClosingMrr.ShouldBe(new Exact(100, 1));

        model.TryApply(fee, null).ShouldBeTrue();
        model.Report(Year2025).Months[4].OneTimeRevenue.ShouldBe(Exact.Zero);
    }

    [Fact]
    public void A_before_the_model_never_held_is_refused_and_changes_nothing()
    {
        var model = RevenueModel.Build(Ledger(Line("L1", "A", "2025-01-01", null, 100m)), Usd);
        var before = RevenueEngine.Compute(Ledger(Line("L1", "A", "2025-01-01", null, 100m)), Year2025);

        model.TryApply(Line("GHOST", "B", "2025-02-01", null, 70m), null).ShouldBeFalse();

        model.Report(Year2025).ShouldEqualFigures(before);
        model.LineCount.ShouldBe(1);
    }

    [Fact]
    public void A_line_needing_a_finer_denominator_or_an_earlier_month_asks_for_a_rebuild()
    {
        var model = RevenueModel.Build(Ledger(Line("L1", "A", "2025-01-01", null, 100m)), Usd);

        model.TryApply(null, Line("L2", "B", "2025-02-01", null, 70m, interval: 13)).ShouldBeFalse();
        model.TryApply(null, Line("L3", "B", "2019-02-01", null, 70m)).ShouldBeFalse();
        model.TryApply(null, Line("L4", "B", "2025-02-01", null, 0.0000001m)).ShouldBeFalse(); // finer than 10^-6

        model.LineCount.ShouldBe(1);
    }

    [Fact]
    public void Filtered_requests_and_other_currencies_are_refused()
    {
        var model = RevenueModel.Build(Ledger(Line("L1", "A", "2025-01-01", null, 100m)), Usd);

        Should.Throw<ArgumentException>(() => model.Report(new ReportRequest(Usd, new YearMonth(2025, 1), new YearMonth(2025, 2), LedgerFilter.All.Where("segment", "smb"))));
        Should.Throw<ArgumentException>(() => model.Compute(new ReportRequest(CurrencyCode.Parse("EUR"), new YearMonth(2025, 1), new YearMonth(2025, 2))));
    }

    [Fact]
    public void A_line_without_an_exchange_rate_fails_the_build_like_the_engine()
    {
        var eur = Line("L1", "A", "2025-01-01", null, 100m) with { Currency = CurrencyCode.Parse("EUR") };

        var error = Should.Throw<RunRate.Engine.Movements.LedgerConversionException>(() => RevenueModel.Build(Ledger(eur), Usd));

        error.Message.ShouldContain("line L1: no EUR→USD exchange rate");
    }
}
