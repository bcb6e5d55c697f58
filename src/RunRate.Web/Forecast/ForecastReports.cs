using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Reporting.Forecast;

namespace RunRate.Web.Forecast;

/// <summary>
/// One forecast per requested scenario, and their JSON and CSV: the single report when one was asked
/// for, the side-by-side comparison (base first) when several were. <c>GET /api/forecast</c> and
/// <c>runrate forecast</c> both go through here, so they cannot differ by a byte.
/// </summary>
internal static class ForecastReports
{
    /// <summary>Forecasts <paramref name="request"/> once per run, each with its scenario's rules.</summary>
    public static IReadOnlyList<(string Name, ForecastReport Report)> Compute(
        RevenueLedger ledger, CrmData crm, ForecastRequest request, IReadOnlyList<(string Name, ScenarioRules? Rules)> runs)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runs);
        return [.. runs.Select(r => (r.Name, ForecastEngine.Forecast(ledger, crm, request with { Rules = r.Rules })))];
    }

    public static void Json(TextWriter output, IReadOnlyList<(string Name, ForecastReport Report)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 1)
        {
            ForecastOutput.ToJson(output, reports[0].Report);
        }
        else
        {
            ForecastOutput.CompareJson(output, reports);
        }
    }

    public static void Csv(TextWriter output, IReadOnlyList<(string Name, ForecastReport Report)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 1)
        {
            ForecastOutput.ToCsv(output, reports[0].Report);
        }
        else
        {
            ForecastOutput.CompareCsv(output, reports);
        }
    }
}
