using RunRate.Cli.Common;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using Spectre.Console;

namespace RunRate.Cli.Mrr;

/// <summary>Renders the bridge as a table with a chart; JSON and CSV come from <see cref="RunRate.Reporting.Mrr.MrrReport"/>.</summary>
internal static class MrrOutput
{
    public static void Table(IAnsiConsole console, BridgeReport report, string? title)
    {
        // Thirteen money columns need ~170 characters; a narrow terminal gets compact amounts and the
        // essential columns rather than wrapped digits. --json and --csv always carry every figure.
        var wide = console.Profile.Width >= 170;
        var table = new Table().Title(title ?? $"MRR bridge ({report.Currency})");
        table = wide ? table.RoundedBorder() : table.SimpleBorder();
        Func<Exact, string> money = wide ? Format.Money : Format.Compact;
        var columns = wide
            ? new[] { "Month", "Opening", "New", "Expansion", "Contraction", "Churn", "Reactivation", "Closing", "ARR", "Customers", "Churn %", "NRR", "Growth YoY" }
            : ["Month", "New", "Expans.", "Contr.", "Churn", "React.", "MRR", "ARR", "Cust.", "NRR"];
        table.AddColumns(columns);
        foreach (var column in table.Columns)
        {
            column.NoWrap();
            if (!wide)
            {
                column.Padding(1, 0, 0, 0);
            }
        }

        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var m in report.Months)
        {
            var cells = new List<string> { m.Month.ToString() };
            if (wide)
            {
                cells.Add(money(m.OpeningMrr));
            }

            cells.AddRange([Colored(m.New, money), Colored(m.Expansion, money), Colored(m.Contraction, money), Colored(m.Churn, money), Colored(m.Reactivation, money)]);
            cells.AddRange([money(m.ClosingMrr), money(m.Arr), Format.Count(m.Customers)]);
            if (wide)
            {
                cells.Add(Format.Percent(m.CustomerChurnRate));
            }

            cells.Add(Format.Percent(m.Nrr));
            if (wide)
            {
                cells.Add(Format.Percent(m.GrowthYoy));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        var chart = new BarChart().Label($"[bold]ARR by month ({report.Currency})[/]").Width(Math.Min(100, console.Profile.Width));
        foreach (var m in report.Months)
        {
            chart.AddItem(m.Month.ToString(), (double)m.Arr.Round(), Color.SteelBlue);
        }

        chart.ValueFormatter = (value, _) => Format.Compact(Exact.FromDecimal((decimal)value));
        console.Write(chart);
    }

    public static void BreakdownTable(IAnsiConsole console, string by, IReadOnlyList<(string Label, BridgeReport Report)> groups)
    {
        var first = groups.Count > 0 ? groups[0].Report : null;
        var range = first is null ? "" : $"{first.Request.From}..{first.Request.To}";
        var table = new Table().RoundedBorder().Title($"MRR bridge by {by}, {range} ({first?.Currency})");
        table.AddColumns(by, "Opening", "New", "Expansion", "Contraction", "Churn", "Reactivation", "Closing", "ARR", "Customers");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var (label, report) in groups)
        {
            var months = report.Months;
            Exact Sum(Func<MonthFigures, Exact> pick) => months.Aggregate(Exact.Zero, (acc, m) => acc + pick(m));
            table.AddRow(
                Markup.Escape(label),
                Format.Money(months[0].OpeningMrr),
                Colored(Sum(m => m.New)),
                Colored(Sum(m => m.Expansion)),
                Colored(Sum(m => m.Contraction)),
                Colored(Sum(m => m.Churn)),
                Colored(Sum(m => m.Reactivation)),
                Format.Money(months[^1].ClosingMrr),
                Format.Money(months[^1].Arr),
                Format.Count(months[^1].Customers));
        }

        console.Write(table);
    }

    private static string Colored(Exact value) => Colored(value, Format.Money);

    private static string Colored(Exact value, Func<Exact, string> money) => value.Sign switch
    {
        > 0 => $"[green]+{money(value)}[/]",
        < 0 => $"[red]{money(value)}[/]",
        _ => "[grey]0[/]",
    };
}
