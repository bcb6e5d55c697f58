using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Reporting.ArrBridge;
using RunRate.Reporting.Common;
using RunRate.Reporting.Customers;

namespace RunRate.Reporting.Board;

/// <summary>The HTML sections computed from the ledger alone: summary, charts, ARR bridge, monthly bridge, cohorts, customers.</summary>
internal static class HtmlLedgerSections
{
    /// <summary>How many customers the printed list shows (the workbook has them all).</summary>
    public const int TopCustomers = 25;

    public static void Summary(HtmlOut html, BoardReportData data)
    {
        var s = data.Summary;
        html.Raw("<section id=\"summary\"><h2>Summary</h2><div class=\"kpis\">");
        foreach (var field in BoardLabels.SummaryFields.Take(19))
        {
            html.Raw("<div class=\"kpi\">")
                .Element("span", BoardLabels.Of(field.Name), "class=\"kpi-label\"")
                .Element("span", BoardText.Field(field.Name, field.Kind, field.Value(s)), $"class=\"kpi-value\" data-field=\"{field.Name}\"")
                .Raw("</div>");
        }

        html.Raw("</div><div class=\"charts\"><figure>");
        html.Svg(SvgCharts.ArrOverTime(data.Bridge.Months), "ARR by month, subscriptions and add-ons");
        html.Element("figcaption", "ARR by month: subscriptions and add-ons").Raw("</figure><figure>");
        html.Svg(SvgCharts.Movements(data.Bridge.Months), "MRR movements by month");
        html.Element("figcaption", "MRR movements: gains above zero, losses below, net new MRR as a line").Raw("</figure></div></section>");
    }

    public static void ArrBridge(HtmlOut html, BoardReportData data)
    {
        var r = data.Request;
        html.Raw("<section id=\"arr-bridge\" class=\"keep\">").Element("h2", $"ARR bridge {r.From} – {r.Month}");
        html.Raw("<div class=\"side\"><div>").Svg(SvgCharts.Waterfall(data.ArrBridge), "ARR bridge waterfall").Raw("</div><div>");
        var rows = ArrPeriod.FieldNames.Zip(data.ArrBridge.Values())
            .Select(p => (IReadOnlyList<Cell>)[Cell.Label(BoardLabels.Of(p.First)), new(BoardText.Figure(p.Second.Kind, p.Second.Value), p.First)]);
        html.Table($"ARR bridge {r.From} – {r.Month} ({r.Currency})", ["Step", "Value"], rows, "arr-bridge-table");
        html.Raw("</div></div></section>");
    }

    /// <summary>The twelve months side by side, one row per figure (every field of the month object).</summary>
    public static void Monthly(HtmlOut html, BoardReportData data)
    {
        var months = data.Bridge.Months;
        html.Raw("<section id=\"monthly\"><h2>Monthly bridge</h2>");
        var rows = MonthFields.All.Select(f => (IReadOnlyList<Cell>)
            [Cell.Label(BoardLabels.Of(f.Name)), .. months.Select(m => new Cell(BoardText.Field(f.Name, f.Kind, f.Value(m)), f.Name))]);
        html.Raw("<div class=\"wide\">").Table($"Monthly bridge ({data.Request.Currency}): opening + movements = closing", ["Figure", .. months.Select(m => m.Month.ToString())], rows, "monthly-table").Raw("</div>");
        html.Raw("</section>");
    }

    public static void Cohorts(HtmlOut html, BoardReportData data)
    {
        var cohorts = data.Bridge.Cohorts;
        var ages = cohorts.Count == 0 ? 0 : cohorts.Max(c => c.Mrr.Count);
        html.Raw("<section id=\"cohorts\"><h2>Cohorts</h2>");
        if (cohorts.Count == 0)
        {
            html.Element("p", $"No customer was acquired from {data.Request.From} to {data.Request.Month}.", "class=\"muted\"");
        }

        foreach (var (title, values) in new (string, Func<Engine.Metrics.CohortRow, IReadOnlyList<Exact?>>)[]
        {
            (CohortBlocks.RevenueRetention, c => c.RevenueRetention),
            (CohortBlocks.LogoRetention, c => c.LogoRetention),
        })
        {
            if (cohorts.Count == 0)
            {
                break;
            }

            var rows = cohorts.Select(c => (IReadOnlyList<Cell>)
                [Cell.Label(c.Cohort.ToString()), new(BoardText.Count(c.Customers)), new(BoardText.Money(c.Mrr[0])), .. values(c).Select(v => new Cell(BoardText.Percent(v)))]);
            html.Table(title, ["Cohort", "Customers", "MRR at start", .. Enumerable.Range(0, ages).Select(k => $"M{k}")], rows);
        }

        html.Raw("</section>");
    }

    public static void Customers(HtmlOut html, BoardReportData data)
    {
        html.Raw("<section id=\"customers\"><h2>Customers</h2><p class=\"muted\">");
        var counts = CustomerList.Statuses.Skip(1)
            .Select(status => $"{status}: {BoardText.Count(data.Customers.Count(c => CustomerList.StatusText(c.Status) == status))}");
        html.Element("span", $"{BoardText.Count(data.Customers.Count)} customers at the close of {data.Request.Month} ({string.Join(", ", counts)}). The {TopCustomers} largest by ARR; the workbook lists every customer.");
        html.Raw("</p>");
        var rows = data.Customers.Where(c => c.Status == CustomerStatus.Active).Take(TopCustomers).Select(s => (IReadOnlyList<Cell>)
        [
            Cell.Label(s.Customer.Id.Value), new(s.Customer.Name ?? "", null, false), new(s.Customer.Segment ?? "", null, false),
            new(s.Customer.Channel ?? "", null, false), new(BoardText.Date(s.Since), null, false), new(BoardText.Money(s.Mrr), "mrr"), new(BoardText.Money(s.Arr), "arr"),
        ]);
        html.Table($"Largest customers ({data.Request.Currency})", ["Customer", "Name", "Segment", "Channel", "Since", "MRR", "ARR"], rows, "customers-table");
        html.Raw("</section>");
    }
}
