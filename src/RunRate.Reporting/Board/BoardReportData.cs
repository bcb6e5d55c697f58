using RunRate.Engine.Economics;
using RunRate.Engine.Forecast;
using RunRate.Engine.Metrics;
using RunRate.Engine.Movements;
using RunRate.Engine.Valuation;
using RunRate.Reporting.ArrBridge;

namespace RunRate.Reporting.Board;

/// <summary>
/// Everything a board report shows, as the engine computed it. Each part is the very object a CLI
/// <c>--json</c> report is written from (see <see cref="BoardReportBuilder"/>), so the workbook, the
/// HTML and the JSON reports cannot disagree on a figure.
/// </summary>
/// <param name="Request">What was asked.</param>
/// <param name="Bridge">The twelve months to the report month and their cohorts, as <c>runrate mrr</c> and <c>runrate cohorts</c> with <c>--from</c> = month − 11.</param>
/// <param name="ArrBridge">The ARR bridge of those twelve months, as <c>runrate arr-bridge</c>.</param>
/// <param name="Customers">Every customer at the close of the month, largest MRR first, as <c>runrate customers</c>.</param>
/// <param name="Forecast">The base forecast from the month, as <c>runrate forecast --as-of M --months N</c> (window 6, by segment, with backtest).</param>
/// <param name="Economics">Unit economics of the twelve months (each pooled over 12 months), as <c>runrate economics --from M−11 --to M</c>.</param>
/// <param name="Valuation">The valuation of the month with its history and sensitivity grid, as <c>runrate valuation --month M</c>.</param>
public sealed record BoardReportData(
    BoardRequest Request,
    BridgeReport Bridge,
    ArrPeriod ArrBridge,
    IReadOnlyList<CustomerStanding> Customers,
    ForecastReport Forecast,
    EconomicsReport Economics,
    ValuationReport Valuation)
{
    /// <summary>The KPI card: the figures of the report month, as <c>runrate summary</c>.</summary>
    public MonthFigures Summary => Bridge.Months[^1];
}
