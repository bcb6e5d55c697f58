using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Valuation;

/// <summary>
/// The rule-of-thumb valuation of the contract (10 × ARR × growth × NRR), with what moves it and what it
/// cannot say. The figures come from <see cref="RevenueEngine.Compute"/>, so they equal the monthly report's
/// <c>valuation</c> to the cent; the sensitivity grid shows how much rides on growth and NRR, and the limits
/// keep a rule of thumb from being read as a price.
/// </summary>
public static class ValuationEngine
{
    /// <summary>The rule's multiple.</summary>
    public const int Multiple = 10;

    /// <summary>Values the request's month.</summary>
    /// <exception cref="LedgerConversionException">A line in scope has no exchange rate into the reporting currency.</exception>
    public static ValuationReport Compute(RevenueLedger ledger, ValuationRequest request)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        var bridge = RevenueEngine.Compute(ledger, new ReportRequest(request.Currency, request.Month.AddMonths(-12), request.Month, request.EffectiveFilter));
        var month = bridge[request.Month];
        var history = bridge.Months.Skip(1).Select(m => new ValuationMonth(m.Month, m.Arr, m.GrowthYoy, m.Nrr, m.Valuation)).ToList();

        var growthValues = new List<Exact>();
        var nrrValues = new List<Exact>();
        var grid = new List<IReadOnlyList<Exact>>();
        if (month.GrowthYoy is { } growth && month.Nrr is { } nrr)
        {
            growthValues = Around(growth, request.GrowthStepPoints, request.Steps);
            nrrValues = Around(nrr, request.NrrStepPoints, request.Steps);
            grid = [.. growthValues.Select(g => (IReadOnlyList<Exact>)[.. nrrValues.Select(n => Multiple * month.Arr * g * n)])];
        }

        var limits = ValuationLimits.For(request, month, bridge[request.Month.AddMonths(-12)].Customers);
        return new ValuationReport(request, month.Arr, month.GrowthYoy, month.Nrr, month.Valuation, history, growthValues, nrrValues, grid, limits);
    }

    private static List<Exact> Around(Exact center, decimal stepPoints, int steps)
    {
        var step = Exact.FromDecimal(stepPoints) / 100;
        return [.. Enumerable.Range(-steps, (2 * steps) + 1).Select(k => center + (step * k))];
    }
}
