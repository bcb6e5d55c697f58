using System.Globalization;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>
/// The MRR forecast in three layers (docs/forecast.md): <b>contracted</b> (the ledger as recorded,
/// exactly the engine's closing MRR), <b>trend</b> (each segment's trailing rates applied beyond what
/// is scheduled), <b>pipeline</b> (open deals weighted by their stage's probability); with a band,
/// the scenario rules, the contracted ARR and a backtest of the method. Pure and deterministic.
/// </summary>
public static class ForecastEngine
{
    /// <summary>Forecasts <paramref name="ledger"/> (and the open deals of <paramref name="crm"/>) as <paramref name="request"/> asks.</summary>
    /// <exception cref="ArgumentException">A scenario percent below −100.</exception>
    /// <exception cref="Movements.LedgerConversionException">A line in scope has no exchange rate to the reporting currency.</exception>
    public static ForecastReport Forecast(RevenueLedger ledger, CrmData crm, ForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(request);
        var rules = request.EffectiveRules;
        CheckRules(rules);
        var filter = request.EffectiveFilter;
        var asOf = request.AsOf;
        var w = request.WindowMonths;

        // One run over the whole scope: the contracted layer, the history and the backtest's actuals.
        var total = RevenueEngine.Compute(ledger, new ReportRequest(
            request.Currency, asOf.AddMonths(1 - Math.Max(w, BacktestRunner.MaxHorizon)), request.LastMonth, filter));
        var plan = new SegmentPlan(ledger, filter, request.SegmentBy);

        var trend = Zeros(request.Months);
        var low = Zeros(request.Months);
        var high = Zeros(request.Months);
        var movements = Enumerable.Repeat(TrendMovements.None, request.Months).ToArray();
        var rates = new List<SegmentRates>();
        foreach (var segment in plan.Bridges(request.Currency, asOf.AddMonths(1 - w), request.LastMonth))
        {
            var window = segment.Bridge.Months.Take(w).ToList();
            var ahead = segment.Bridge.Months.Skip(w).ToList();
            var start = window[^1].ClosingMrr;
            var segmentRates = TrendWindow.Measure(segment.Segment, start, window, rules);
            rates.Add(segmentRates);
            var central = TrendProjection.Project(start, ahead, segmentRates.Base);
            var lowPath = TrendProjection.Project(start, ahead, segmentRates.Low);
            var highPath = TrendProjection.Project(start, ahead, segmentRates.High);
            for (var t = 0; t < request.Months; t++)
            {
                trend[t] += central.Trend[t];
                low[t] += lowPath.Trend[t];
                high[t] += highPath.Trend[t];
                movements[t] = movements[t].Plus(central.Movements[t]);
            }
        }

        var pipeline = PipelineLayer.Build(ledger, crm, request);
        var priceFrom = rules.PriceFrom ?? request.FirstMonth;
        var price = TrendWindow.Factor(rules.PricePercent);
        var months = new List<ForecastMonth>(request.Months);
        for (var t = 0; t < request.Months; t++)
        {
            var month = request.FirstMonth.AddMonths(t);
            var contracted = total[month].ClosingMrr;
            var factor = month >= priceFrom ? price : Exact.One;
            var pipe = pipeline.Mrr[t];
            months.Add(new ForecastMonth(
                month,
                contracted * factor,
                trend[t] * factor,
                pipe * factor,
                (contracted + low[t] + pipe) * factor,
                (contracted + high[t] + pipe) * factor,
                movements[t].Times(factor)));
        }

        var history = Enumerable.Range(0, w).Select(i => asOf.AddMonths(i + 1 - w)).Select(m => new ActualMonth(m, total[m].ClosingMrr)).ToList();
        var arr = total[asOf].Arr;
        var carr = ContractedArr.Compute(plan.Lines, ledger.Fx, request.Currency, asOf, arr);
        var backtest = request.Backtest ? BacktestRunner.Run(plan, request, m => total[m].ClosingMrr) : null;
        return new ForecastReport(request, history, months, arr, carr, rates, pipeline.Skipped, backtest);
    }

    private static void CheckRules(ScenarioRules rules)
    {
        void AtLeastMinus100(decimal? percent, string name)
        {
            if (percent is < -100m)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be at least -100, found {percent}."), name);
            }
        }

        AtLeastMinus100(rules.NewPercent, nameof(rules.NewPercent));
        AtLeastMinus100(rules.ExpansionPercent, nameof(rules.ExpansionPercent));
        AtLeastMinus100(rules.PricePercent, nameof(rules.PricePercent));
        AtLeastMinus100(rules.PipelinePercent, nameof(rules.PipelinePercent));
    }

    private static Exact[] Zeros(int count)
    {
        var values = new Exact[count];
        Array.Fill(values, Exact.Zero);
        return values;
    }
}
