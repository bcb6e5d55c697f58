using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>Each scenario rule moves the worked example's forecast by exactly what it implies.</summary>
public sealed class ForecastScenarioTests
{
    private readonly ForecastReport _base = ForecastFixtures.Worked();

    [Fact]
    public void Price_rule_multiplies_every_layer_from_its_month_and_leaves_earlier_months_alone()
    {
        var priced = ForecastFixtures.Worked(new ScenarioRules { PricePercent = 5m, PriceFrom = T.Month("2025-05") });
        var factor = T.X(1.05m);

        priced.Months[0].ShouldBe(_base.Months[0]);
        for (var t = 1; t < 3; t++)
        {
            var (b, p) = (_base.Months[t], priced.Months[t]);
            p.Contracted.ShouldBe(b.Contracted * factor);
            p.Trend.ShouldBe(b.Trend * factor);
            p.Pipeline.ShouldBe(b.Pipeline * factor);
            p.Low.ShouldBe(b.Low * factor);
            p.High.ShouldBe(b.High * factor);
            p.Total.ShouldBe(b.Total * factor);
            p.Movements.ShouldBe(b.Movements.Times(factor));
        }

        priced.Rates.ShouldBe(_base.Rates); // a price change is applied last and leaves the rates alone
        priced.Arr.ShouldBe(_base.Arr);
    }

    [Fact]
    public void Price_rule_without_a_month_applies_from_the_first_forecast_month()
    {
        var priced = ForecastFixtures.Worked(new ScenarioRules { PricePercent = -10m });

        priced.Months.Select(m => m.Total).ShouldBe(_base.Months.Select(m => m.Total * T.X(0.9m)));
    }

    [Fact]
    public void One_point_less_churn_raises_the_first_months_trend_by_one_percent_of_the_churning_base()
    {
        // smb: churn 1/8 → 0.115 on a base of 1,300: 13.00 less decrease. ent churns 0 and stays at 0
        // (a rate is floored at zero), so its 2,000 adds nothing.
        var less = ForecastFixtures.Worked(new ScenarioRules { ChurnPoints = -1m });

        (less.Months[0].Trend - _base.Months[0].Trend).ShouldBe(T.X(13.00m));
        less.Months[0].Trend.ShouldBe(T.X(91.13m)); // 200 + 40.625 − 149.5 = 91.125
        less.Rates.Single(r => r.Segment == "ent").ChurnRate.ShouldBe(Exact.Zero);
        less.Rates.Single(r => r.Segment == "smb").ChurnRate.ShouldBe(T.X(0.115m));
    }

    [Fact]
    public void One_point_more_churn_lowers_the_first_months_trend_by_one_percent_of_the_whole_base()
    {
        var more = ForecastFixtures.Worked(new ScenarioRules { ChurnPoints = 1m });

        (more.Months[0].Trend - _base.Months[0].Trend).ShouldBe(-(T.X(0.01m) * T.X(3300m)));
        more.Months[0].Movements.Decrease.ShouldBe(_base.Months[0].Movements.Decrease - T.X(33m));
    }

    [Fact]
    public void Twenty_percent_more_new_business_adds_a_fifth_to_the_trends_new_mrr()
    {
        var more = ForecastFixtures.Worked(new ScenarioRules { NewPercent = 20m });

        more.Months[0].Movements.New.ShouldBe(_base.Months[0].Movements.New * T.X(1.2m));
        more.Months[0].Movements.New.ShouldBe(T.X(240m));
        (more.Months[0].Trend - _base.Months[0].Trend).ShouldBe(T.X(40m));
        more.Rates.Single(r => r.Segment == "smb").NewPerMonth.ShouldBe(T.X(240m));
    }

    [Fact]
    public void Expansion_percent_scales_the_expansion_rate()
    {
        var more = ForecastFixtures.Worked(new ScenarioRules { ExpansionPercent = 10m });

        more.Months[0].Movements.Expansion.ShouldBe(_base.Months[0].Movements.Expansion * T.X(1.1m));
        more.Rates.Single(r => r.Segment == "smb").ExpansionRate.ShouldBe(T.X(1, 32) * T.X(1.1m));
    }

    [Fact]
    public void Fifty_percent_more_pipeline_multiplies_the_layer_by_one_and_a_half()
    {
        var more = ForecastFixtures.Worked(new ScenarioRules { PipelinePercent = 50m });

        more.Months.Select(m => m.Pipeline).ShouldBe(_base.Months.Select(m => m.Pipeline * T.X(1.5m)));
        more.Months[1].Pipeline.ShouldBe(T.X(750m)); // 1,000 × 0.75
        more.Months.Select(m => m.Contracted + m.Trend).ShouldBe(_base.Months.Select(m => m.Contracted + m.Trend));
    }

    [Fact]
    public void Pipeline_percent_caps_a_stages_probability_at_one()
    {
        var ledger = ForecastFixtures.WorkedLedger();
        var crm = ForecastFixtures.WithDeals(ForecastFixtures.OpenDeal("N1", "E", "negotiation", 12_000m, "2025-04-10")); // 75 %
        var request = ForecastFixtures.WorkedRequest();

        var plus50 = ForecastEngine.Forecast(ledger, crm, request with { Rules = new ScenarioRules { PipelinePercent = 50m } });
        var plus100 = ForecastEngine.Forecast(ledger, crm, request with { Rules = new ScenarioRules { PipelinePercent = 100m } });

        plus50.Months[0].Pipeline.ShouldBe(T.X(1000m)); // 0.75 × 1.5 = 1.125 → 1
        plus100.Months[0].Pipeline.ShouldBe(T.X(1000m));
    }

    [Fact]
    public void Scenario_rules_move_the_band_with_the_central_forecast()
    {
        var less = ForecastFixtures.Worked(new ScenarioRules { ChurnPoints = -1m, NewPercent = 10m });

        less.Months.Zip(_base.Months).ShouldAllBe(p => p.First.Low >= p.Second.Low && p.First.High >= p.Second.High);
        less.Rates.Single(r => r.Segment == "smb").Low.ChurnRate.ShouldBe(T.X(4, 13) - T.X(0.01m));
    }

    [Fact]
    public void A_percent_below_minus_100_is_rejected_naming_the_rule()
    {
        var error = Should.Throw<ArgumentException>(() => ForecastFixtures.Worked(new ScenarioRules { NewPercent = -101m }));
        error.ParamName.ShouldBe("NewPercent");
        error.Message.ShouldContain("-101");
    }
}
