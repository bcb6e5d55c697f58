using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Engine.Metrics;
using RunRate.Reporting.Summary;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Reports;

/// <summary><c>GET /api/summary</c>: the KPI card of one month, as <c>runrate summary --json</c>.</summary>
internal static class SummaryApi
{
    public static RouteGroupBuilder MapSummary(this RouteGroupBuilder api)
    {
        api.MapGet("/summary", Get)
            .WithName("GetSummary")
            .WithSummary("KPI card of one month")
            .WithDescription("ARR (subscription and add-on), MRR, customers, growth, NRR, GRR, churn, ARPA, quick ratio, one-time revenue and valuation of `month` (default: the current month). Same JSON as `runrate summary --json`.")
            .Produces<SummaryResponse>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static ContentHttpResult Get(
        [AsParameters] ReportQuery query,
        [Description("The month, YYYY-MM (default: the current month).")] string? month,
        LedgerStores stores,
        TimeProvider clock)
    {
        var m = ReportMonths.Month(month, "month", clock);
        var currency = query.ReportCurrency();
        var filter = query.Filter();
        query.Csv();
        var report = stores.Bridge(new ReportRequest(currency, m, m, filter));
        var figures = report.Months[0];
        return query.Render(w => SummaryReport.Json(w, currency, figures), w => SummaryReport.Csv(w, figures));
    }
}
