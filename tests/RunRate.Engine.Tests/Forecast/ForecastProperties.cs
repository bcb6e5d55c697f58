using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Generators;
using Shouldly;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>A generated ledger, open deals on its customers, and a forecast request with random rules.</summary>
public sealed record ForecastCase(LedgerCase Ledger, CrmData Crm, ForecastRequest Request)
{
    public ForecastReport Run() => ForecastEngine.Forecast(Ledger.Ledger(), Crm, Request);

    public override string ToString() =>
        $"as of {Request.AsOf}, {Request.Months} months, window {Request.WindowMonths}, rules {Request.EffectiveRules}, {Crm.Deals.Length} deals{Environment.NewLine}{Ledger}";
}

public static class ForecastArbitraries
{
    private static Gen<decimal?> Percent(int min, int max) =>
        Gen.Frequency((1, Gen.Constant<decimal?>(null)), (1, Gen.Choose(min * 10, max * 10).Select(v => (decimal?)(v / 10m))));

    private static Gen<ScenarioRules?> Rules =>
        from churn in Percent(-5, 5)
        from growth in Percent(-100, 100)
        from expansion in Percent(-100, 100)
        from price in Percent(-100, 50)
        from priceFrom in Gen.Choose(0, 14)
        from pipeline in Percent(-100, 200)
        from none in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        select none ? null : new ScenarioRules
        {
            ChurnPoints = churn,
            NewPercent = growth,
            ExpansionPercent = expansion,
            PricePercent = price,
            PriceFrom = priceFrom == 0 ? null : LedgerGenerators.Epoch.AddMonths(priceFrom + 20) is var d ? YearMonth.Of(d) : null,
            PipelinePercent = pipeline,
        };

    private static Gen<Deal> DealGen(IReadOnlyList<string> accounts) =>
        from account in Gen.Elements(accounts.ToArray())
        from stage in Gen.Elements("lead", "qualified", "proposal", "negotiation", "won", "lost")
        from arr in Gen.Choose(0, 500_000)
        from euro in Gen.Elements(false, true)
        from close in Gen.Choose(0, 48).Select(LedgerGenerators.Epoch.AddMonths)
        select ForecastFixtures.OpenDeal("D" + account + arr, account, stage, arr, close.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), euro ? "EUR" : "USD");

    public static Arbitrary<ForecastCase> ForecastCase() => (
        from ledger in LedgerGenerators.Case
        from asOf in Gen.Choose(0, 40).Select(m => YearMonth.Of(LedgerGenerators.Epoch.AddMonths(m)))
        from months in Gen.Choose(1, 14)
        from window in Gen.Choose(1, 8)
        from rules in Rules
        from deals in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(DealGen([.. ledger.Customers.Select(c => c.Id.Value)]), n))
        select new ForecastCase(
            ledger,
            CrmData.Empty with { Deals = [.. deals.DistinctBy(d => d.Id)] },
            new ForecastRequest(CurrencyCode.Usd, asOf, months, window, Rules: rules))).ToArbitrary();

    public static Arbitrary<ShuffledLedgerCase> ShuffledLedgerCase() => LedgerGenerators.Shuffled.ToArbitrary();
}

[Properties(MaxTest = 100, Arbitrary = new[] { typeof(ForecastArbitraries) })]
public sealed class ForecastProperties
{
    [Property]
    public void Forecast_total_lies_inside_its_band_in_every_month(ForecastCase forecast)
    {
        foreach (var m in forecast.Run().Months)
        {
            m.Low.ShouldBeLessThanOrEqualTo(m.Total, m.Month.ToString());
            m.Total.ShouldBeLessThanOrEqualTo(m.High, m.Month.ToString());
        }
    }

    [Property]
    public void Forecast_contracted_plus_trend_is_never_negative(ForecastCase forecast)
    {
        foreach (var m in forecast.Run().Months)
        {
            (m.Contracted + m.Trend).Sign.ShouldBeGreaterThanOrEqualTo(0, m.Month.ToString());
            (m.Low - m.Pipeline).Sign.ShouldBeGreaterThanOrEqualTo(0, m.Month.ToString());
            m.Pipeline.Sign.ShouldBeGreaterThanOrEqualTo(0);
        }
    }

    [Property]
    public void Forecast_contracted_layer_is_the_engines_closing_mrr(ForecastCase forecast)
    {
        var report = forecast.Run();
        var price = forecast.Request.EffectiveRules;
        var bridge = RevenueEngine.Compute(forecast.Ledger.Ledger(), new ReportRequest(CurrencyCode.Usd, forecast.Request.FirstMonth, forecast.Request.LastMonth));
        foreach (var m in report.Months)
        {
            var factor = price.PricePercent is { } p && m.Month >= (price.PriceFrom ?? forecast.Request.FirstMonth) ? Exact.One + (Exact.FromDecimal(p) / 100) : Exact.One;
            m.Contracted.ShouldBe(bridge[m.Month].ClosingMrr * factor, m.Month.ToString());
        }
    }

    [Property]
    public void Forecast_is_deterministic(ForecastCase forecast)
    {
        ForecastFixtures.Dump(forecast.Run()).ShouldBe(ForecastFixtures.Dump(forecast.Run()));
    }

    [Property(MaxTest = 50)]
    public void Forecast_does_not_depend_on_the_order_of_the_input(ShuffledLedgerCase shuffled)
    {
        var request = new ForecastRequest(CurrencyCode.Usd, shuffled.Original.To, 6, 3);
        ForecastFixtures.Dump(ForecastEngine.Forecast(shuffled.Shuffled.Ledger(), CrmData.Empty, request))
            .ShouldBe(ForecastFixtures.Dump(ForecastEngine.Forecast(shuffled.Original.Ledger(), CrmData.Empty, request)));
    }
}
