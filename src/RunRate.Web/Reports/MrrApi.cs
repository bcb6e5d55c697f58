using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Engine.Metrics;
using RunRate.Reporting.Filters;
using RunRate.Reporting.Mrr;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Reports;

/// <summary><c>GET /api/mrr</c>: the monthly bridge, as <c>runrate mrr --json</c>.</summary>
internal static class MrrApi
{
    public static RouteGroupBuilder MapMrr(this RouteGroupBuilder api)
    {
        api.MapGet("/mrr", Get)
            .WithName("GetMrr")
            .WithSummary("Monthly MRR bridge")
            .WithDescription("One object per month from `from` (default: 11 months before `to`) to `to` (default: the current month), every figure of the contract; with `by`, one series per group. Same JSON as `runrate mrr --json`.")
            .Produces<MrrResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static ContentHttpResult Get(
        [AsParameters] ReportQuery query,
        [Description("First month, YYYY-MM (default: 11 months before `to`).")] string? from,
        [Description("Last month, YYYY-MM (default: the current month).")] string? to,
        [Description("Break down by segment, channel, country, owner, product or a custom attribute.")] string? by,
        LedgerStores stores,
        TimeProvider clock)
    {
        var (first, last) = ReportMonths.Range(from, to, clock, t => t.AddMonths(-11));
        var currency = query.ReportCurrency();
        var filter = query.Filter();
        query.Csv();
        by = string.IsNullOrWhiteSpace(by) ? null : by.Trim();
        if (by is null)
        {
            var report = stores.Bridge(new ReportRequest(currency, first, last, filter));
            return query.Render(w => MrrReport.Json(w, report), w => MrrReport.Csv(w, [("", report)], by: null));
        }

        var ledger = stores.Snapshot().Ledger;

        var groups = ReportFilters.Groups(ledger, filter, by)
            .Select(g => (g.Label, Report: RevenueEngine.Compute(ledger, new ReportRequest(currency, first, last, g.Filter))))
            .ToList();
        return query.Render(w => MrrReport.GroupsJson(w, currency, by, groups), w => MrrReport.Csv(w, groups, by));
    }
}
