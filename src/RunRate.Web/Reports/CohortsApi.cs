using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Engine.Metrics;
using RunRate.Reporting.Cohorts;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Reports;

/// <summary><c>GET /api/cohorts</c>: revenue and logo retention by cohort, as <c>runrate cohorts --json</c>.</summary>
internal static class CohortsApi
{
    public static RouteGroupBuilder MapCohorts(this RouteGroupBuilder api)
    {
        api.MapGet("/cohorts", Get)
            .WithName("GetCohorts")
            .WithSummary("Cohort retention")
            .WithDescription("Each cohort month from `from` (default: 11 months before `to`) to `to` (default: the current month) with customers, MRR, revenue and logo retention at each age up to `to`. Same JSON as `runrate cohorts --json`.")
            .Produces<CohortsResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static ContentHttpResult Get(
        [AsParameters] ReportQuery query,
        [Description("First cohort month, YYYY-MM (default: 11 months before `to`).")] string? from,
        [Description("Last month, YYYY-MM (default: the current month).")] string? to,
        LedgerStores stores,
        TimeProvider clock)
    {
        var (first, last) = ReportMonths.Range(from, to, clock, t => t.AddMonths(-11));
        var currency = query.ReportCurrency();
        var filter = query.Filter();
        query.Csv();
        var report = stores.Bridge(new ReportRequest(currency, first, last, filter));
        return query.Render(w => CohortsReport.Json(w, report), w => CohortsReport.Csv(w, report));
    }
}
