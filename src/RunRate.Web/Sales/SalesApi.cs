using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Engine.Crm.Renewals;
using RunRate.Engine.Crm.Sales;
using RunRate.Engine.Crm.Signals;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Crm;
using RunRate.Web.Infrastructure;
using RunRate.Web.Reports;

namespace RunRate.Web.Sales;

/// <summary>
/// <c>/api/sales</c>, <c>/api/renewals</c> and <c>/api/signals</c>: the CRM analytics, with the same JSON
/// and CSV as <c>runrate sales</c>, <c>renewals</c> and <c>signals</c>.
/// </summary>
internal static class SalesApi
{
    public static RouteGroupBuilder MapSales(this RouteGroupBuilder api)
    {
        api.MapGet("/sales", Sales).Report(
            "GetSales",
            "Sales analytics of a period",
            "Pipeline by stage (count, ARR, weighted ARR), stage-to-stage conversion, win rate overall and by channel and owner, sales cycle, new ARR by channel and owner, targets vs attainment. Same JSON as `runrate sales --json`.");
        api.MapGet("/renewals", Renewals).Report(
            "GetRenewals",
            "ARR up for renewal per month",
            "Term ends of recurring lines month by month: renewed, lost, open or ending, with the renewal rate. Same JSON as `runrate renewals --json`.");
        api.MapGet("/signals", Signals).Report(
            "GetSignals",
            "Churn-risk, upsell and cross-sell scores with their reasons",
            "Every active account with at least one reason, per kind; the score is the sum of the reasons' points (at most 100). Same JSON as `runrate signals --json`.");
        return api;
    }

    /// <summary>The OpenAPI description the three reports share: JSON or CSV, 400 for bad parameters, 422 for missing exchange rates.</summary>
    private static void Report(this RouteHandlerBuilder endpoint, string name, string summary, string description) => endpoint
        .WithName(name)
        .WithTags("Sales")
        .WithSummary(summary)
        .WithDescription(description)
        .Produces<string>(StatusCodes.Status200OK, "application/json", "text/csv")
        .ProducesValidationProblem(StatusCodes.Status400BadRequest)
        .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    private static ContentHttpResult Sales(
        [Description("First month, YYYY-MM (default: the first month of `to`'s quarter).")] string? from,
        [Description("Last month, YYYY-MM (default: the current month).")] string? to,
        [Description("Reporting currency (default USD).")] string? currency,
        [Description("json (default) or csv.")] string? format,
        LedgerStores stores,
        TimeProvider clock)
    {
        var query = new ReportQuery { Currency = currency, Format = format };
        var code = query.ReportCurrency();
        var (first, last) = ReportMonths.Range(from, to, clock, t => new YearMonth(t.Year, (((t.Month - 1) / 3) * 3) + 1));
        query.Csv();
        var (ledger, crm) = Load(stores);
        var report = SalesAnalytics.Compute(ledger, crm, new SalesRequest(code, first, last, Today(clock)));
        return query.Render(w => SalesOutput.Json(w, report), w => SalesOutput.Csv(w, report));
    }

    private static ContentHttpResult Renewals(
        [Description("First month, YYYY-MM (default: 3 months before the current month).")] string? from,
        [Description("Last month, YYYY-MM (default: 8 months after the current month).")] string? to,
        [Description("Only lines billed on terms of at least this many months (1-120, default 12)."), Microsoft.AspNetCore.Mvc.FromQuery(Name = "min_interval")] int? minInterval,
        [Description("Reporting currency (default USD).")] string? currency,
        [Description("json (default) or csv.")] string? format,
        LedgerStores stores,
        TimeProvider clock)
    {
        var query = new ReportQuery { Currency = currency, Format = format };
        var code = query.ReportCurrency();
        var now = ReportMonths.Current(clock);
        var (first, last) = ReportMonths.Range(from, to ?? now.AddMonths(8).ToString(), clock, _ => now.AddMonths(-3));
        if (minInterval is < 1 or > 120)
        {
            throw ApiException.BadRequest("min_interval", $"expected a whole number of months from 1 to 120, found {minInterval}");
        }

        query.Csv();
        var ledger = stores.Snapshot().Ledger;
        var months = RenewalSchedule.Compute(ledger, new RenewalRequest(code, first, last, Today(clock), minInterval ?? 12));
        return query.Render(w => RenewalsOutput.Json(w, code, months), w => RenewalsOutput.Csv(w, months));
    }

    private static ContentHttpResult Signals(
        [Description("churn_risk, upsell or cross_sell (default: all).")] string? kind,
        [Description("Day to score on, YYYY-MM-DD (default: today)."), Microsoft.AspNetCore.Mvc.FromQuery(Name = "as_of")] string? asOf,
        [Description("Only scores of at least this (0-100)."), Microsoft.AspNetCore.Mvc.FromQuery(Name = "min_score")] int? minScore,
        [Description("Reporting currency (default USD).")] string? currency,
        [Description("json (default) or csv.")] string? format,
        LedgerStores stores,
        TimeProvider clock)
    {
        var query = new ReportQuery { Currency = currency, Format = format };
        var code = query.ReportCurrency();
        SignalKind? only = null;
        if (!string.IsNullOrEmpty(kind))
        {
            only = SignalKinds.Parse(kind) ?? throw ApiException.BadRequest("kind", $"expected churn_risk, upsell or cross_sell, found '{kind}'");
        }

        var day = Today(clock);
        if (!string.IsNullOrEmpty(asOf) && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            throw ApiException.BadRequest("as_of", $"expected a date YYYY-MM-DD, found '{asOf}'");
        }

        if (minScore is < 0 or > 100)
        {
            throw ApiException.BadRequest("min_score", $"expected 0 to 100, found {minScore}");
        }

        query.Csv();
        var (ledger, crm) = Load(stores);
        var signals = SignalEngine.Compute(ledger, crm, new SignalOptions(code, day))
            .Where(s => (only is null || s.Kind == only) && s.Score >= (minScore ?? 0)).ToList();
        return query.Render(w => SignalsOutput.Json(w, code, day, signals), w => SignalsOutput.Csv(w, signals));
    }

    private static (Engine.Ledger.RevenueLedger Ledger, Engine.Crm.CrmData Crm) Load(LedgerStores stores)
    {
        using var store = stores.Open();
        return (stores.Snapshot(store).Ledger, store.Crm.Load());
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
