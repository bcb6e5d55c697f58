using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Sales;

/// <summary>Deals in the reporting currency, converted once each, exactly.</summary>
internal sealed class DealValues(FxTable fx, Pipeline pipeline, CurrencyCode currency, DateOnly asOf)
{
    private readonly Dictionary<DealId, Exact> _arr = [];

    public Pipeline Pipeline => pipeline;

    /// <summary>The deal's ARR in the reporting currency: at the close-day rate once closed, today's while open.</summary>
    public Exact Arr(Deal deal)
    {
        if (_arr.TryGetValue(deal.Id, out var cached))
        {
            return cached;
        }

        var day = deal.ClosedOn(pipeline) ?? asOf;
        var rate = fx.RateOn(deal.Currency, currency, day)
            ?? throw new LedgerConversionException($"deal {deal.Id}: no exchange rate from {deal.Currency} to {currency} on or before {day:yyyy-MM-dd}; add one to fx.csv");
        var value = Exact.FromDecimal(deal.Arr) * Exact.FromDecimal(rate);
        _arr[deal.Id] = value;
        return value;
    }

    /// <summary>ARR × the stage's win probability.</summary>
    public Exact Weighted(Deal deal) => Arr(deal) * Exact.FromDecimal(pipeline.Find(deal.Stage)?.Probability ?? 0m);

    public StageOutcome Outcome(Deal deal) => pipeline.Find(deal.Stage)?.Outcome ?? StageOutcome.Open;

    /// <summary>
    /// How far down the funnel the deal got: the highest open-stage index it ever entered, or the number
    /// of open stages when it was won (a won deal passed every open stage, even ones it skipped).
    /// </summary>
    public int Furthest(Deal deal)
    {
        var open = pipeline.OpenStages.Select(s => s.Key).ToList();
        if (Outcome(deal) == StageOutcome.Won)
        {
            return open.Count;
        }

        var furthest = -1;
        foreach (var change in deal.History.Append(new StageChange(deal.Stage, deal.Created)))
        {
            furthest = Math.Max(furthest, open.IndexOf(change.Stage));
        }

        return furthest;
    }
}
