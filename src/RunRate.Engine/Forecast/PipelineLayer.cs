using System.Globalization;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>The pipeline layer per forecast month, and the open deals it had to leave out.</summary>
/// <param name="Mrr">Weighted MRR per forecast month.</param>
/// <param name="Skipped">Deals not counted, with the reason.</param>
internal sealed record PipelinePath(Exact[] Mrr, IReadOnlyList<SkippedDeal> Skipped);

/// <summary>
/// Open deals as weighted MRR: ARR ÷ 12 × the stage's win probability (scaled by the scenario's
/// pipeline percent, capped at 1), in the reporting currency at the ledger's rate on the expected
/// close day, counted from the month the deal is expected to close (an overdue deal from the first
/// forecast month) to the end of the horizon. Won and lost deals are in the ledger already or never
/// will be, so they are not part of it.
/// </summary>
internal static class PipelineLayer
{
    public static PipelinePath Build(RevenueLedger ledger, CrmData crm, ForecastRequest request)
    {
        var mrr = new Exact[request.Months];
        Array.Fill(mrr, Exact.Zero);
        var skipped = new List<SkippedDeal>();
        var filter = request.EffectiveFilter;
        var factor = TrendWindow.Factor(request.EffectiveRules.PipelinePercent);
        foreach (var deal in crm.Deals.OrderBy(d => d.Id.Value, StringComparer.Ordinal))
        {
            var stage = crm.Pipeline.Find(deal.Stage);
            if (stage is null)
            {
                skipped.Add(new SkippedDeal(deal.Id, $"stage '{deal.Stage}' is not in the pipeline, so it has no win probability"));
                continue;
            }

            if (stage.Outcome != StageOutcome.Open)
            {
                continue; // won: its lines are in the ledger; lost: never revenue
            }

            var customer = ledger.CustomersById.GetValueOrDefault(deal.AccountId);
            if (!filter.Products.IsEmpty)
            {
                skipped.Add(new SkippedDeal(deal.Id, "a deal has no product, so a product filter leaves it out"));
                continue;
            }

            if (customer is null && !filter.Attributes.IsEmpty)
            {
                skipped.Add(new SkippedDeal(deal.Id, $"account {deal.AccountId} is not a ledger customer, so the filter cannot be checked"));
                continue;
            }

            if (customer is not null && !filter.Matches(customer))
            {
                continue; // outside the forecast's scope, like the account's ledger lines
            }

            var close = YearMonth.Of(deal.ExpectedClose);
            if (close > request.LastMonth)
            {
                skipped.Add(new SkippedDeal(deal.Id, string.Create(CultureInfo.InvariantCulture, $"expected to close in {close}, after the horizon ({request.LastMonth})")));
                continue;
            }

            var rate = ledger.Fx.RateOn(deal.Currency, request.Currency, deal.ExpectedClose);
            if (rate is null)
            {
                skipped.Add(new SkippedDeal(deal.Id, string.Create(CultureInfo.InvariantCulture,
                    $"no {deal.Currency}→{request.Currency} exchange rate on or before its expected close {deal.ExpectedClose:yyyy-MM-dd}; add one to fx.csv")));
                continue;
            }

            var probability = Exact.Min(Exact.FromDecimal(stage.Probability) * factor, Exact.One);
            var weighted = Exact.FromDecimal(deal.Arr) * Exact.FromDecimal(rate.Value) / 12 * probability;
            var from = close <= request.AsOf ? 0 : close.MonthsSince(request.FirstMonth);
            for (var t = from; t < mrr.Length; t++)
            {
                mrr[t] += weighted;
            }
        }

        return new PipelinePath(mrr, skipped);
    }
}
