using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Engine.Economics;
using RunRate.Engine.Valuation;
using RunRate.Reporting.Economics;
using RunRate.Reporting.Valuation;
using RunRate.Web.Infrastructure;
using RunRate.Web.Reports;

namespace RunRate.Web.Economics;

/// <summary>
/// <c>GET /api/economics</c> (unit economics from the ledger and costs.csv) and <c>GET /api/valuation</c>
/// (10 × ARR × growth × NRR with its sensitivity), as <c>runrate economics</c> and <c>runrate valuation</c>.
/// </summary>
internal static class EconomicsApi
{
    public static RouteGroupBuilder MapEconomics(this RouteGroupBuilder api)
    {
        api.MapGet("/economics", Economics).Report(
            "GetEconomics",
            "Unit economics per month",
            "Revenue, gross margin, CAC (overall and by channel), customer churn, ARPA, LTV, LTV:CAC and CAC payback, each pooled over the `window` months ending at the month. A figure that needs costs the ledger has not got is null with a sibling `<name>_missing` saying why (e.g. \"needs costs.csv (cogs)\"), never 0. Same JSON as `runrate economics --json`.");
        api.MapGet("/valuation", Valuation).Report(
            "GetValuation",
            "Valuation by the rule of thumb 10 × ARR × growth × NRR",
            "ARR, growth, NRR and valuation of `month` and the 12 months before it, a sensitivity grid (growth and NRR each ± `steps` steps) and the plain limits of the rule that apply. Same JSON as `runrate valuation --json`.");
        return api;
    }

    private static void Report(this RouteHandlerBuilder endpoint, string name, string summary, string description) => endpoint
        .WithName(name)
        .WithTags("Economics")
        .WithSummary(summary)
        .WithDescription(description)
        .Produces<string>(StatusCodes.Status200OK, "application/json", "text/csv")
        .ProducesValidationProblem(StatusCodes.Status400BadRequest)
        .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    private static ContentHttpResult Economics(
        [Description("First month, YYYY-MM (default: 11 months before `to`).")] string? from,
        [Description("Last month, YYYY-MM (default: the current month).")] string? to,
        [Description("Trailing months each figure pools, 1 to 36 (default 12).")] string? window,
        [Description("Reporting currency (default USD); costs convert at the rate in force on their month's first day.")] string? currency,
        [Description("json (default) or csv.")] string? format,
        LedgerStores stores,
        TimeProvider clock)
    {
        var query = new ReportQuery { Currency = currency, Format = format };
        var code = query.ReportCurrency();
        var (first, last) = ReportMonths.Range(from, to, clock, t => t.AddMonths(-11));
        var months = EconomicsInputs.Window(window);
        query.Csv();
        var report = UnitEconomics.Compute(stores.Snapshot().Ledger, new EconomicsRequest(code, first, last, months));
        return query.Render(w => EconomicsOutput.ToJson(w, report), w => EconomicsOutput.ToCsv(w, report));
    }

    private static ContentHttpResult Valuation(
        [AsParameters] ReportQuery query,
        [Description("The month, YYYY-MM (default: the current month).")] string? month,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "growth_step"), Description("Growth points between the grid's rows, above 0 (default 10).")] string? growthStep,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "nrr_step"), Description("NRR points between the grid's columns, above 0 (default 5).")] string? nrrStep,
        [Description("Steps each side of the actual growth and NRR, 0 to 10 (default 2).")] string? steps,
        LedgerStores stores,
        TimeProvider clock)
    {
        var currency = query.ReportCurrency();
        var filter = query.Filter();
        var m = ReportMonths.Month(month, "month", clock);
        var request = new ValuationRequest(currency, m, filter, EconomicsInputs.GrowthStep(growthStep), EconomicsInputs.NrrStep(nrrStep), EconomicsInputs.Steps(steps));
        query.Csv();
        var report = ValuationEngine.Compute(stores.Snapshot().Ledger, request);
        return query.Render(w => ValuationOutput.ToJson(w, report), w => ValuationOutput.ToCsv(w, report));
    }
}
