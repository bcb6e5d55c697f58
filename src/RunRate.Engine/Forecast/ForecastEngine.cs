using System.Globalization;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
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
        var asOf = request.AsOf;
        var plan = new SegmentPlan(ledger, request.EffectiveFilter, request.SegmentBy);

        // One engine run per segment, from the window (for the backtest, from the window of the
        // earliest origin) to the horizon's end: rates, contracted movements and every replayed origin.
        var skip = request.Backtest ? BacktestRunner.MaxHorizon : 0;
        var from = asOf.AddMonths(1 - request.WindowMonths - skip);
        var segments = plan.Bridges(request.Currency, from, request.LastMonth);
        var layers = new TrendLayers(segments, from, skip, request);

        var pipeline = PipelineLayer.Build(ledger, crm, request);
        var priceFrom = rules.PriceFrom ?? request.FirstMonth;
        var price = TrendWindow.Factor(rules.PricePercent);
        var months = new List<ForecastMonth>(request.Months);
        for (var t = 0; t < request.Months; t++)
        {
            var month = request.FirstMonth.AddMonths(t);
            var contracted = layers.Closing(month);
            var factor = month >= priceFrom ? price : Exact.One;
            var pipe = pipeline.Mrr[t];
            months.Add(new ForecastMonth(
                month,
                contracted * factor,
                layers.Trend[t] * factor,
                pipe * factor,
                (contracted + layers.Low[t] + pipe) * factor,
                (contracted + layers.High[t] + pipe) * factor,
                layers.Movements[t].Times(factor)));
        }

        var w = request.WindowMonths;
        var actuals = Enumerable.Range(0, w).Select(i => asOf.AddMonths(i + 1 - w)).Select(m => new ActualMonth(m, layers.Closing(m))).ToList();
        var arr = layers.Closing(asOf) * 12;
        var carr = ContractedArr.Compute(plan.Lines, ledger.Fx, request.Currency, asOf, arr);
        var backtest = request.Backtest
            ? BacktestRunner.Run(segments, request, plan.Lines.Select(l => (DateOnly?)l.Start).Min(), layers.Closing)
            : null;
        return new ForecastReport(request, actuals, months, arr, carr, layers.Rates, pipeline.Skipped, backtest);
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
}
