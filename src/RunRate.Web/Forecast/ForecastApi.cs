using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunRate.Engine.Forecast;
using RunRate.Web.Infrastructure;
using RunRate.Web.Reports;

namespace RunRate.Web.Forecast;

/// <summary><c>GET /api/forecast</c>: the layered forecast, alone or scenarios side by side, as <c>runrate forecast --json</c>.</summary>
internal static class ForecastApi
{
    public static RouteGroupBuilder MapForecast(this RouteGroupBuilder api)
    {
        api.MapGet("/forecast", Get)
            .WithName("GetForecast")
            .WithTags("Forecast")
            .WithSummary("MRR and ARR forecast in layers, with band, CARR, trend rates and backtest")
            .WithDescription("Contracted (the ledger as signed), trend (each segment's trailing rates) and pipeline (open deals × stage probability) layers for the `months` after `as_of`, with a low/high band, ARR and contracted ARR, the rates used, deals left out and the backtest's MAPE per horizon. One `scenario` gives that scenario's forecast (`base` = none); several give them side by side, the base first. Same JSON as `runrate forecast --json`.")
            .Produces<string>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static ContentHttpResult Get(
        [AsParameters] ReportQuery query,
        [FromQuery(Name = "as_of"), Description("Last actual month, YYYY-MM; the forecast starts the month after (default: the current month).")] string? asOf,
        [Description("Months to forecast, 1 to 36 (default 12).")] string? months,
        [Description("Trailing months the trend rates come from, 1 to 24 (default 6).")] string? window,
        [Description("Customer attribute whose values get their own trend rates (default segment).")] string? by,
        [Description("A saved scenario's name (repeatable: several are compared side by side after the base; `base` is the forecast without one).")] string[]? scenario,
        [Description("false skips the backtest (default true).")] string? backtest,
        LedgerStores stores,
        TimeProvider clock)
    {
        var currency = query.ReportCurrency();
        var filter = query.Filter();
        var month = ReportMonths.Month(asOf, "as_of", clock);
        var horizon = ForecastInputs.Months(months);
        var trailing = ForecastInputs.Window(window);
        var withBacktest = backtest?.Trim().ToLowerInvariant() switch
        {
            null or "" or "true" => true,
            "false" => false,
            _ => throw ApiException.BadRequest("backtest", $"expected true or false, found '{backtest}'"),
        };
        query.Csv();
        using var store = stores.Open();
        var ledger = stores.Snapshot(store).Ledger;
        var segmentBy = ForecastInputs.SegmentBy(ledger, by);
        var runs = ForecastInputs.Scenarios(scenario ?? [], store.Scenarios.Find, name => ApiException.NotFound("scenario", $"no saved scenario named '{name}'"));
        var crm = store.Crm.Load();
        var request = new ForecastRequest(currency, month, horizon, trailing, filter, segmentBy, Backtest: withBacktest);
        var reports = ForecastReports.Compute(ledger, crm, request, runs);
        return query.Render(w => ForecastReports.Json(w, reports), w => ForecastReports.Csv(w, reports));
    }
}
