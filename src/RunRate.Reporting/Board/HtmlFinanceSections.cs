using RunRate.Engine.Economics;
using RunRate.Engine.Primitives;

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

    public static void Economics(HtmlOut html, BoardReportData data)
    {
        var e = data.Economics;
        html.Raw("<section id=\"economics\"><h2>Unit economics</h2>");
        if (!e.HasCosts)
        {
            html.Element("p", "This ledger has no costs.csv: gross margin, CAC, LTV, LTV:CAC and payback need the month's costs (cogs, sales, marketing), so they are shown as missing, never as 0. Import a costs.csv to see them.", "class=\"note\" data-field=\"costs_missing\"");
        }

        if (e.Months.Count > 0)
        {
            var m = e.Months[^1];
            html.Raw("<div class=\"kpis\">");
            Kpi(html, "Gross margin", m.GrossMargin, BoardText.Percent, "gross_margin");
            Kpi(html, "Customer churn (monthly)", m.CustomerChurnRate, BoardText.Percent, "customer_churn_rate");
            Kpi(html, "CAC", m.Cac, BoardText.Money, "cac");
            Kpi(html, "LTV", m.Ltv, BoardText.Money, "ltv");
            Kpi(html, "LTV:CAC", m.LtvToCac, BoardText.Multiple, "ltv_to_cac");
            Kpi(html, "Payback (months)", m.PaybackMonths, Months, "payback_months");
            html.Raw("</div>");
            html.Element("p", $"Figures of {m.Month}, each pooled over the {e.Request.WindowMonths} months ending with it.", "class=\"muted\"");
        }

        IEnumerable<IReadOnlyList<Cell>> rows;
        string[] headers;
        if (e.HasCosts)
        {
            headers = ["Month", "Revenue", "COGS", "Sales + marketing", "New customers", "Gross margin", "CAC", "LTV", "LTV:CAC", "Payback"];
            rows = e.Months.Select(m => (IReadOnlyList<Cell>)
            [
                Cell.Label(m.Month.ToString()), new(BoardText.Money(m.Revenue), "revenue"), new(BoardText.Money(m.Cogs), "cogs"),
                new(BoardText.Money(Sum(m.SalesSpend, m.MarketingSpend)), "acquisition_spend"), new(BoardText.Count(m.NewCustomers), "new_customers"),
                new(Show(m.GrossMargin, BoardText.Percent), "gross_margin"), new(Show(m.Cac, BoardText.Money), "cac"), new(Show(m.Ltv, BoardText.Money), "ltv"),
                new(Show(m.LtvToCac, BoardText.Multiple), "ltv_to_cac"), new(Show(m.PaybackMonths, Months), "payback_months"),
            ]);
        }
        else
        {
            // Without costs every cost-based column would only repeat the note above.
            headers = ["Month", "Revenue", "New customers", "New MRR", "ARPA", "Customer churn (monthly)"];
            rows = e.Months.Select(m => (IReadOnlyList<Cell>)
            [
                Cell.Label(m.Month.ToString()), new(BoardText.Money(m.Revenue), "revenue"), new(BoardText.Count(m.NewCustomers), "new_customers"),
                new(BoardText.Money(m.NewMrr), "new_mrr"), new(BoardText.Money(m.Arpa), "arpa"), new(Show(m.CustomerChurnRate, BoardText.Percent), "customer_churn_rate"),
            ]);
        }

        html.Raw("<div class=\"wide\">").Table($"Unit economics by month ({e.Currency})", headers, rows, "economics-table").Raw("</div>");
        if (e.Channels.Count > 0)
        {
            var channels = e.Channels.Select(c => (IReadOnlyList<Cell>)
                [Cell.Label(c.Channel), new(BoardText.Money(c.Spend), "spend"), new(BoardText.Count(c.NewCustomers), "new_customers"), new(Show(c.Cac, BoardText.Money), "cac")]);
            html.Table("CAC by channel (window ending at the report month)", ["Channel", "Spend", "New customers", "CAC"], channels, "channels-table");
        }

        html.Raw("</section>");
    }

    public static void Valuation(HtmlOut html, BoardReportData data)
    {
        var v = data.Valuation;
        html.Raw("<section id=\"valuation\" class=\"keep\"><h2>Valuation</h2><div class=\"kpis\">");
        Kpi(html, "Valuation (10 × ARR × growth × NRR)", BoardText.Money(v.Valuation), "valuation");
        Kpi(html, "ARR", BoardText.Money(v.Arr), "valuation_arr");
        Kpi(html, "Growth YoY", BoardText.Percent(v.Growth), "valuation_growth");
        Kpi(html, "NRR", BoardText.Percent(v.Nrr), "valuation_nrr");
        html.Raw("</div>");
        if (v.GrowthValues.Count > 0)
        {
            var rows = v.GrowthValues.Select((g, i) => (IReadOnlyList<Cell>)
                [Cell.Label(BoardText.Percent(g)), .. v.Sensitivity[i].Select(x => new Cell(BoardText.Money(x), "sensitivity"))]);
            html.Table($"Sensitivity ({v.Currency}): growth (rows) × NRR (columns)", ["Growth \\ NRR", .. v.NrrValues.Select(n => BoardText.Percent(n))], rows, "sensitivity-table");
        }

        html.Raw("<ul class=\"limits\">");
        foreach (var limit in v.Limits)
        {
            html.Element("li", limit);
        }

        html.Raw("</ul></section>");
    }

    private static string Show(Figure figure, Func<Exact?, string> format) =>
        figure.Value is { } value ? format(value) : "— " + (figure.Missing ?? "");

    private static string Months(Exact? value) => value is { } x ? x.Round(1).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : BoardText.None;

    /// <summary>A tile for a unit-economics figure: its value, or a dash with the reason underneath.</summary>
    private static void Kpi(HtmlOut html, string label, Figure figure, Func<Exact?, string> format, string field)
    {
        html.Raw("<div class=\"kpi\">").Element("span", label, "class=\"kpi-label\"")
            .Element("span", figure.Value is { } v ? format(v) : BoardText.None, $"class=\"kpi-value\" data-field=\"{field}\"");
        if (figure.Value is null)
        {
            html.Element("span", figure.Missing ?? "missing", $"class=\"kpi-note\" data-missing=\"{field}\"");
        }

        html.Raw("</div>");
    }

    private static Exact? Sum(Exact? a, Exact? b) => a is { } x && b is { } y ? x + y : null;

    private static void Kpi(HtmlOut html, string label, string value, string field) =>
        html.Raw("<div class=\"kpi\">").Element("span", label, "class=\"kpi-label\"").Element("span", value, $"class=\"kpi-value\" data-field=\"{field}\"").Raw("</div>");
}
