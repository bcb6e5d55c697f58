using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.ArrBridge;
using RunRate.Reporting.Filters;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Reports;

/// <summary><c>GET /api/arr-bridge</c>: the ARR bridge of a period, as <c>runrate arr-bridge --json</c>.</summary>
internal static class ArrBridgeApi
{
    public static RouteGroupBuilder MapArrBridge(this RouteGroupBuilder api)
    {
        api.MapGet("/arr-bridge", Get)
            .WithName("GetArrBridge")
            .WithSummary("ARR bridge of a period")
            .WithDescription("Opening ARR (subscription and add-on) + new + expansion + contraction + churn + reactivation = closing ARR, with customer counts, from `from` (default: January of `to`'s year) to `to` (default: the current month); with `by`, one bridge per group. Same JSON as `runrate arr-bridge --json`.")
            .Produces<ArrBridgeResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static ContentHttpResult Get(
        [AsParameters] ReportQuery query,
        [Description("First month of the period, YYYY-MM (default: January of `to`'s year).")] string? from,
        [Description("Last month of the period, YYYY-MM (default: the current month).")] string? to,
        [Description("Break down by segment, channel, country, owner, product or a custom attribute.")] string? by,
        LedgerStores stores,
        TimeProvider clock)
    {
        var (first, last) = ReportMonths.Range(from, to, clock, t => new YearMonth(t.Year, 1));
        var currency = query.ReportCurrency();
        var filter = query.Filter();
        query.Csv();
        by = string.IsNullOrWhiteSpace(by) ? null : by.Trim();
        var groups = by is null ? [("", filter)] : ReportFilters.Groups(stores.Snapshot().Ledger, filter, by);
        var bridges = groups
            .Select(g => (g.Label, Bridge: ArrPeriod.From(stores.Bridge(new ReportRequest(currency, first.AddMonths(-1), last, g.Filter)))))
            .ToList();
        return query.Render(w => ArrBridgeReport.Json(w, currency, first, last, by, bridges), w => ArrBridgeReport.Csv(w, by, bridges));
    }
}
