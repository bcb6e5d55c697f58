using RunRate.Cli.Common;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using Spectre.Console;

namespace RunRate.Cli.Forecast;

/// <summary>The forecast for people: the layers month by month, a chart, the trend's rates, skipped deals and the backtest.</summary>
internal static class ForecastRender
{
    public static void Report(IAnsiConsole console, string name, ForecastReport report)
    {
        var r = report.Request;
        var wide = console.Profile.Width >= 120;
        Func<Exact, string> money = wide ? Format.Money : Format.Compact;
        var scenario = report.Request.EffectiveRules.IsEmpty ? "" : $", scenario {Markup.Escape(name)}";
        console.MarkupLine($"[bold]Forecast[/] ({r.Currency}) after {r.AsOf}, {r.Months} months; trend from the {r.WindowMonths} months to {r.AsOf} by {Markup.Escape(r.SegmentBy)}{scenario}");
        console.MarkupLine($"ARR {Format.Money(report.Arr)} at {r.AsOf} · contracted ARR (CARR) {Format.Money(report.Carr)} once every signed change has happened");

        var table = new Table().RoundedBorder().Title($"MRR by layer ({r.Currency})").AddColumn("Month");
        var headers = wide ? new[] { "Contracted", "Trend", "Pipeline", "MRR", "ARR", "Low MRR", "High MRR" } : ["Contr.", "Trend", "Pipe.", "MRR", "ARR", "Low", "High"];
        foreach (var column in headers)
        {
            table.AddColumn(new TableColumn(column).RightAligned().NoWrap());
        }

        foreach (var m in report.Months)
        {
            table.AddRow(m.Month.ToString(), money(m.Contracted), Signed(m.Trend, money), money(m.Pipeline), $"[bold]{money(m.Total)}[/]", money(m.Arr), money(m.Low), money(m.High));
        }

        console.Write(table);
        var chart = new BarChart().Label($"[bold]Forecast ARR ({r.Currency})[/]").Width(Math.Min(100, console.Profile.Width));
        foreach (var m in report.History)
        {
            chart.AddItem(m.Month.ToString(), (double)m.Arr.Round(), Color.Grey);
        }

        foreach (var m in report.Months)
        {
            chart.AddItem(m.Month.ToString(), (double)m.Arr.Round(), Color.SteelBlue);
        }

        chart.ValueFormatter = (value, _) => Format.Compact(Exact.FromDecimal((decimal)value));
        console.Write(chart);
        console.MarkupLine("[grey]Grey: actual ARR; blue: forecast ARR (contracted + trend + pipeline).[/]");
        Rates(console, report);
        foreach (var deal in report.SkippedDeals)
        {
            console.MarkupLine($"[yellow]Deal {Markup.Escape(deal.Id.Value)} left out of the pipeline layer:[/] {Markup.Escape(deal.Reason)}");
        }

        Backtest(console, report.Backtest);
    }

    public static void Compare(IAnsiConsole console, IReadOnlyList<(string Name, ForecastReport Report)> reports)
    {
        var first = reports[0].Report.Request;
        console.MarkupLine($"[bold]Forecast ARR side by side[/] ({first.Currency}) after {first.AsOf}, {first.Months} months");
        var table = new Table().RoundedBorder().AddColumn("Month");
        foreach (var (name, _) in reports)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }

        for (var i = 0; i < first.Months; i++)
        {
            table.AddRow([reports[0].Report.Months[i].Month.ToString(), .. reports.Select(x => Format.Money(x.Report.Months[i].Arr))]);
        }

        console.Write(table);
        var baseArr = reports[0].Report.Months[^1].Arr;
        foreach (var (name, report) in reports.Skip(1))
        {
            var arr = report.Months[^1].Arr;
            console.MarkupLine($"{Markup.Escape(name)}: {Format.Money(arr)} ARR in {report.Request.LastMonth}, {Format.SignedMoney(arr - baseArr)} against {Markup.Escape(reports[0].Name)}");
        }
    }

    private static void Rates(IAnsiConsole console, ForecastReport report)
    {
        var table = new Table().RoundedBorder().Title($"Trend rates per {Markup.Escape(report.Request.SegmentBy)} (per month, from the window)")
            .AddColumn(Markup.Escape(report.Request.SegmentBy));
        var wide = console.Profile.Width >= 120;
        Func<Exact, string> money = wide ? Format.Money : Format.Compact;
        foreach (var column in wide ? new[] { "MRR", "New", "Reactivation", "Expansion", "Contraction", "Churn" } : ["MRR", "New", "React.", "Exp.", "Contr.", "Churn"])
        {
            table.AddColumn(new TableColumn(column).RightAligned().NoWrap());
        }

        foreach (var s in report.Rates)
        {
            table.AddRow(
                s.Segment.Length == 0 ? "[grey](none)[/]" : Markup.Escape(s.Segment),
                money(s.Mrr),
                money(s.NewPerMonth),
                money(s.ReactivationPerMonth),
                Format.Percent(s.ExpansionRate),
                Format.Percent(s.ContractionRate),
                Format.Percent(s.ChurnRate));
        }

        console.Write(table);
    }

    private static void Backtest(IAnsiConsole console, Engine.Forecast.Backtest? backtest)
    {
        if (backtest is null)
        {
            return;
        }

        if (backtest.Points.Count == 0)
        {
            console.MarkupLine("[grey]Backtest: the ledger is too young to replay the method from 3, 6 or 12 months back.[/]");
            return;
        }

        var table = new Table().RoundedBorder().Title("Backtest: the method replayed from 3, 6 and 12 months back")
            .AddColumn(new TableColumn("Horizon").RightAligned()).AddColumn(new TableColumn("MAPE").RightAligned()).AddColumn(new TableColumn("Samples").RightAligned());
        foreach (var h in backtest.Mape.Where(h => h.Samples > 0))
        {
            table.AddRow($"{h.Horizon} mo", Format.Percent(h.Mape), Format.Count(h.Samples));
        }

        console.Write(table);
    }

    private static string Signed(Exact value, Func<Exact, string> money) => value.Sign switch
    {
        > 0 => $"[green]+{money(value)}[/]",
        < 0 => $"[red]{money(value)}[/]",
        _ => "[grey]0[/]",
    };
}
