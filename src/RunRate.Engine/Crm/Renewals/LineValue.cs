using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Renewals;

/// <summary>A recurring line's ARR in the reporting currency, converted like the engine does: once, at the rate on its start day.</summary>
internal static class LineValue
{
    public static Exact Arr(RevenueLine line, FxTable fx, CurrencyCode currency)
    {
        var rate = fx.RateOn(line.Currency, currency, line.Start)
            ?? throw new LedgerConversionException($"line {line.Id}: no exchange rate from {line.Currency} to {currency} on or before {line.Start:yyyy-MM-dd}; add one to fx.csv");
        return Exact.FromDecimal(line.Amount) * Exact.FromDecimal(line.Quantity) * Exact.FromDecimal(rate) * 12 / line.IntervalMonths!.Value;
    }
}
