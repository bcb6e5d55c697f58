namespace RunRate.Reporting.Board;

/// <summary>The HTML sections of the forward-looking engines: forecast (and, with costs, unit economics and valuation).</summary>
internal static class HtmlFinanceSections
{
    public static void Forecast(HtmlOut html, BoardReportData data)
    {
        var f = data.Forecast;
        var r = f.Request;
        var last = f.Months[^1];
        html.Raw("<section id=\"forecast\"><h2>Forecast</h2><div class=\"kpis\">");
        Kpi(html, $"ARR at {r.AsOf}", BoardText.Money(f.Arr), "forecast_arr");
        Kpi(html, "Contracted ARR (CARR)", BoardText.Money(f.Carr), "carr");
        Kpi(html, $"Forecast ARR {last.Month}", BoardText.Money(last.Arr), "forecast_last_arr");
        Kpi(html, $"Band {last.Month} (ARR)", $"{BoardText.Money(last.Low * 12)} – {BoardText.Money(last.High * 12)}", "forecast_last_band");
        html.Raw("</div><figure>");
        html.Svg(SvgCharts.Forecast(f), "Forecast ARR by month: actual, contracted, trend, pipeline and band");
        html.Element("figcaption", $"Contracted = the ledger as recorded; + trend = the last {r.WindowMonths} months' rates by {r.SegmentBy}; + pipeline = open deals × stage probability. The band uses the least and most favourable single month's rates.").Raw("</figure>");
        var rows = f.Months.Select(m => (IReadOnlyList<Cell>)
        [
            Cell.Label(m.Month.ToString()), new(BoardText.Money(m.Contracted), "contracted"), new(BoardText.Money(m.Trend), "trend"),
            new(BoardText.Money(m.Pipeline), "pipeline"), new(BoardText.Money(m.Total), "total"), new(BoardText.Money(m.Low), "low"),
            new(BoardText.Money(m.High), "high"), new(BoardText.Money(m.Arr), "arr"),
        ]);
        html.Table($"Forecast MRR by layer ({r.Currency})", ["Month", "Contracted", "Trend", "Pipeline", "Total MRR", "Low", "High", "Forecast ARR"], rows, "forecast-table");
        if (f.Backtest is { } backtest)
        {
            var errors = backtest.Mape.Where(h => h.Samples > 0).Select(h => (IReadOnlyList<Cell>)
                [Cell.Label(h.Horizon.ToString(System.Globalization.CultureInfo.InvariantCulture)), new(BoardText.Percent(h.Mape), "mape"), new(BoardText.Count(h.Samples))]);
            html.Table("Backtest: how far the method was off, replayed from 3, 6 and 12 months back", ["Months ahead", "MAPE", "Samples"], errors, "backtest-table");
        }

        if (f.SkippedDeals.Count > 0)
        {
            html.Element("p", $"{f.SkippedDeals.Count} open deal(s) left out of the pipeline layer (see the workbook for each reason).", "class=\"note\"");
        }

        html.Raw("</section>");
    }

    private static void Kpi(HtmlOut html, string label, string value, string field) =>
        html.Raw("<div class=\"kpi\">").Element("span", label, "class=\"kpi-label\"").Element("span", value, $"class=\"kpi-value\" data-field=\"{field}\"").Raw("</div>");
}
