using RunRate.Engine.Primitives;

namespace RunRate.Engine.Valuation;

/// <summary>The rule-of-thumb valuation of one month, its history, its sensitivity and its limits.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="Arr">ARR at the end of the month (12 × closing MRR).</param>
/// <param name="Growth">Year-over-year growth of closing MRR; null without a year-ago base.</param>
/// <param name="Nrr">Net revenue retention of the customers active twelve months earlier; null without them.</param>
/// <param name="Valuation">10 × ARR × growth × NRR; null when growth or NRR is.</param>
/// <param name="History">The twelve months up to the month, oldest first.</param>
/// <param name="GrowthValues">The grid's growth values: the actual growth and Steps steps either side, ascending; empty without growth or NRR.</param>
/// <param name="NrrValues">The grid's NRR values, likewise.</param>
/// <param name="Sensitivity"><c>[growth][nrr]</c> = 10 × ARR × g × n for the values above.</param>
/// <param name="Limits">Plain statements of what the rule does not say here: always the general one first, then those that apply.</param>
public sealed record ValuationReport(
    ValuationRequest Request,
    Exact Arr,
    Exact? Growth,
    Exact? Nrr,
    Exact? Valuation,
    IReadOnlyList<ValuationMonth> History,
    IReadOnlyList<Exact> GrowthValues,
    IReadOnlyList<Exact> NrrValues,
    IReadOnlyList<IReadOnlyList<Exact>> Sensitivity,
    IReadOnlyList<string> Limits)
{
    /// <summary>Reporting currency.</summary>
    public CurrencyCode Currency => Request.Currency;
}

/// <summary>One month of the valuation history.</summary>
/// <param name="Month">The month.</param>
/// <param name="Arr">ARR at its end.</param>
/// <param name="Growth">Year-over-year growth, or null.</param>
/// <param name="Nrr">Net revenue retention, or null.</param>
/// <param name="Valuation">10 × ARR × growth × NRR, or null.</param>
public sealed record ValuationMonth(YearMonth Month, Exact Arr, Exact? Growth, Exact? Nrr, Exact? Valuation);
