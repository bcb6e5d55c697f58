using RunRate.Engine.Crm;
using RunRate.Engine.Economics;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Movements;
using RunRate.Engine.Valuation;
using RunRate.Reporting.ArrBridge;
using RunRate.Reporting.Customers;

namespace RunRate.Reporting.Board;

/// <summary>Assembles a board report from the same engine calls the CLI's JSON reports make.</summary>
public static class BoardReportBuilder
{
    /// <summary>
    /// Computes every part of the report. Throws <see cref="LedgerConversionException"/> when a line
    /// cannot be converted to the reporting currency, like the reports it is made of.
    /// </summary>
    public static BoardReportData Assemble(RevenueLedger ledger, CrmData crm, BoardRequest request)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(request);
        var currency = request.Currency;
        var bridge = RevenueEngine.Compute(ledger, new ReportRequest(currency, request.From, request.Month));
        var arrBridge = ArrPeriod.From(RevenueEngine.Compute(ledger, new ReportRequest(currency, request.From.AddMonths(-1), request.Month)));
        var customers = CustomerList.Select(CustomerRevenue.Analyze(ledger, currency, request.Month.LastDay), "all", "mrr");
        var forecast = ForecastEngine.Forecast(ledger, crm, ForecastRequest(request));
        var economics = UnitEconomics.Compute(ledger, new EconomicsRequest(currency, request.From, request.Month));
        var valuation = ValuationEngine.Compute(ledger, new ValuationRequest(currency, request.Month));
        return new BoardReportData(request, bridge, arrBridge, customers, forecast, economics, valuation);
    }

    /// <summary>The forecast the report shows: the base forecast (no scenario) from the report month with the CLI's defaults.</summary>
    public static ForecastRequest ForecastRequest(BoardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ForecastRequest(request.Currency, request.Month, request.ForecastMonths);
    }
}
