using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>Bad requests fail early, naming the field and the value.</summary>
public sealed class ForecastRequestTests
{
    private static readonly ForecastRequest Valid = new(CurrencyCode.Usd, T.Month("2025-03"), 12);

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    [InlineData(-1)]
    public void Months_outside_1_to_36_are_rejected(int months)
    {
        var error = Should.Throw<ArgumentException>(() => new ForecastRequest(CurrencyCode.Usd, T.Month("2025-03"), months));
        error.ParamName.ShouldBe("Months");
        error.Message.ShouldContain("between 1 and 36");
        Should.Throw<ArgumentException>(() => Valid with { Months = months }).ParamName.ShouldBe("Months");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void Window_months_outside_1_to_24_are_rejected(int window)
    {
        Should.Throw<ArgumentException>(() => new ForecastRequest(CurrencyCode.Usd, T.Month("2025-03"), 12, window)).ParamName.ShouldBe("WindowMonths");
        Should.Throw<ArgumentException>(() => Valid with { WindowMonths = window }).ParamName.ShouldBe("WindowMonths");
    }

    [Fact]
    public void The_limits_themselves_are_accepted_and_defaults_apply()
    {
        var longest = Valid with { Months = 36, WindowMonths = 24 };
        var report = ForecastEngine.Forecast(ForecastFixtures.WorkedLedger(), CrmData.Empty, longest);

        report.Months.Count.ShouldBe(36);
        report.History.Count.ShouldBe(24);
        (Valid with { Months = 1, WindowMonths = 1 }).Months.ShouldBe(1);
        Valid.WindowMonths.ShouldBe(6);
        Valid.SegmentBy.ShouldBe("segment");
        Valid.EffectiveFilter.ShouldBe(LedgerFilter.All);
        Valid.EffectiveRules.IsEmpty.ShouldBeTrue();
        Valid.Backtest.ShouldBeTrue();
    }

    [Fact]
    public void An_empty_segment_attribute_is_rejected()
    {
        Should.Throw<ArgumentException>(() => Valid with { SegmentBy = " " }).ParamName.ShouldBe("SegmentBy");
    }

    [Fact]
    public void Customers_without_the_attribute_form_a_segment_of_their_own_and_values_ignore_case()
    {
        var ledger = new LedgerBuilder()
            .Customer("A", segment: "SMB").Customer("B", segment: "smb").Customer("C")
            .Subscription("A", "2024-01-01", null, 100m).Subscription("B", "2024-01-01", null, 100m).Subscription("C", "2024-01-01", null, 50m)
            .Build();

        var report = ForecastEngine.Forecast(ledger, CrmData.Empty, Valid with { Backtest = false });

        report.Rates.Select(r => (r.Segment, r.Mrr)).ShouldBe([("", T.X(50m)), ("SMB", T.X(200m))]);
        ForecastEngine.Forecast(ledger, CrmData.Empty, Valid with { SegmentBy = "channel", Backtest = false }).Rates.ShouldHaveSingleItem().Segment.ShouldBe("");
    }
}
