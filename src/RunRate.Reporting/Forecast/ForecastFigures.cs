using System.Globalization;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Crm;

namespace RunRate.Reporting.Forecast;

/// <summary>The forecast's figures by name, shared by its JSON and CSV so both say the same thing.</summary>
internal static class ForecastFigures
{
    public static readonly string[] Header = ["section", "key", "metric", "value"];

    /// <summary>A forecast month's money figures: the layers, their total and ARR, the band, the trend's movements.</summary>
    public static IEnumerable<(string Name, Exact Value)> MonthFigures(ForecastMonth m) =>
    [
        ("contracted", m.Contracted), ("trend", m.Trend), ("pipeline", m.Pipeline), ("total", m.Total), ("arr", m.Arr),
        ("low", m.Low), ("high", m.High),
        ("trend_new", m.Movements.New), ("trend_reactivation", m.Movements.Reactivation),
        ("trend_expansion", m.Movements.Expansion), ("trend_decrease", m.Movements.Decrease),
    ];

    /// <summary>A set of rates: the two amounts per month (money) and the three monthly rates (ratios).</summary>
    public static IEnumerable<(string Name, Exact Value, bool IsMoney)> RateFigures(TrendRates r) =>
    [
        ("new_per_month", r.NewPerMonth, true), ("reactivation_per_month", r.ReactivationPerMonth, true),
        ("expansion_rate", r.ExpansionRate, false), ("contraction_rate", r.ContractionRate, false), ("churn_rate", r.ChurnRate, false),
    ];

    /// <summary>The numeric scenario rules (null = not set).</summary>
    public static IEnumerable<(string Name, decimal? Value)> Rules(ScenarioRules rules) =>
    [
        ("churn_points", rules.ChurnPoints), ("new_percent", rules.NewPercent), ("expansion_percent", rules.ExpansionPercent),
        ("price_percent", rules.PricePercent), ("pipeline_percent", rules.PipelinePercent),
    ];

    public static void Rows(ForecastReport report, Action<string[]> row)
    {
        var asOf = report.Request.AsOf.ToString();
        row(["summary", asOf, "arr", JsonFigures.Money(report.Arr)]);
        row(["summary", asOf, "carr", JsonFigures.Money(report.Carr)]);
        foreach (var (name, value) in Rules(report.Request.EffectiveRules))
        {
            row(["scenario", name, "value", value?.ToString(CultureInfo.InvariantCulture) ?? ""]);
        }

        row(["scenario", "price_from", "value", report.Request.EffectiveRules.PriceFrom?.ToString() ?? ""]);
        foreach (var h in report.History)
        {
            row(["history", h.Month.ToString(), "mrr", JsonFigures.Money(h.Mrr)]);
        }

        foreach (var m in report.Months)
        {
            foreach (var (name, value) in MonthFigures(m))
            {
                row(["forecast", m.Month.ToString(), name, JsonFigures.Money(value)]);
            }
        }

        foreach (var r in report.Rates)
        {
            var segment = ForecastOutput.SegmentLabel(r.Segment);
            row(["rates", segment, "mrr", JsonFigures.Money(r.Mrr)]);
            foreach (var (prefix, rates) in new[] { ("", r.Base), ("low_", r.Low), ("high_", r.High) })
            {
                foreach (var (name, value, isMoney) in RateFigures(rates))
                {
                    row(["rates", segment, prefix + name, isMoney ? JsonFigures.Money(value) : JsonFigures.Ratio(value)]);
                }
            }
        }

        foreach (var s in report.SkippedDeals)
        {
            row(["skipped_deals", s.Id.Value, "reason", s.Reason]);
        }

        foreach (var p in report.Backtest?.Points ?? [])
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{p.Origin}+{p.Horizon}");
            row(["backtest", key, "forecast", JsonFigures.Money(p.Forecast)]);
            row(["backtest", key, "actual", JsonFigures.Money(p.Actual)]);
            row(["backtest", key, "ape", JsonFigures.Ratio(p.AbsolutePercentError)]);
        }

        foreach (var e in report.Backtest?.Mape ?? [])
        {
            var key = e.Horizon.ToString(CultureInfo.InvariantCulture);
            row(["mape", key, "mape", JsonFigures.Ratio(e.Mape)]);
            row(["mape", key, "samples", e.Samples.ToString(CultureInfo.InvariantCulture)]);
        }
    }
}
