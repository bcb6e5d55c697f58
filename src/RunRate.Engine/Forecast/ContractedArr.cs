using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>
/// Contracted ARR (CARR): the ARR the business will have once every change already signed has
/// happened: future-dated starts counted, known end dates counted as lost. It is 12 × MRR on the
/// day after the last start or end date after the as-of month, and ARR itself when nothing is
/// scheduled.
/// </summary>
internal static class ContractedArr
{
    public static Exact Compute(IEnumerable<RevenueLine> lines, FxTable fx, CurrencyCode currency, YearMonth asOf, Exact arr)
    {
        var inScope = lines.ToList();
        var cutoff = asOf.LastDay;
        DateOnly? last = null;
        foreach (var line in inScope)
        {
            foreach (var day in new[] { line.Start, line.End })
            {
                if (day is { } d && d > cutoff && (last is null || d > last))
                {
                    last = d;
                }
            }
        }

        if (last is not { } lastChange)
        {
            return arr;
        }

        var settled = lastChange.AddDays(1);
        var mrr = Exact.Zero;
        foreach (var line in inScope.Where(l => l.IsActiveOn(settled)))
        {
            var rate = fx.RateOn(line.Currency, currency, line.Start)
                ?? throw new LedgerConversionException($"line {line.Id}: no {line.Currency}→{currency} exchange rate in fx.csv on or before {line.Start:yyyy-MM-dd}");
            mrr += Exact.FromDecimal(line.Amount) * Exact.FromDecimal(line.Quantity) * Exact.FromDecimal(rate) / line.IntervalMonths!.Value;
        }

        return mrr * 12;
    }
}
