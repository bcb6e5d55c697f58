using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Summary;
using Spectre.Console;

namespace RunRate.Cli.Summary;

/// <summary><c>runrate summary</c>: the KPI card of one month.</summary>
internal sealed class SummaryCommand(CliContext context)
{
    private readonly Option<YearMonth?> _month = Options.Month("--month", "Month of the card (default: the current month)");
    private readonly ReportOptions _report = new(withBreakdown: false);

    public Command Build()
    {
        var command = new Command("summary", "KPI card: ARR (subscription + add-on), MRR, customers, growth, NRR, GRR, churn, ARPA, quick ratio, valuation") { _month };
        _report.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var month = parse.GetValue(_month) ?? YearMonth.Of(context.Today);
        var currency = _report.Currency(parse);
        var format = _report.Format(parse);
        var report = _report.Bridge(context, parse, new ReportRequest(currency, month, month, _report.Filter(parse)));
        var m = report.Months[0];
        if (format == OutputFormat.Json)
        {
            SummaryReport.Json(context.Output, currency, m);
        }
        else if (format == OutputFormat.Csv)
        {
            SummaryReport.Csv(context.Output, m);
        }
        else
        {
            Render(m, currency);
        }

        return ExitCodes.Success;
    }

    private void Render(MonthFigures m, CurrencyCode currency)
    {
        var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned()).AddColumn().AddColumn(new GridColumn().RightAligned());
        void Row(string a, string av, string b, string bv) => grid.AddRow($"[grey]{a}[/]", av, $"[grey]{b}[/]", bv);
        Row("ARR", $"[bold]{Format.Money(m.Arr)}[/]", "MRR", Format.Money(m.ClosingMrr));
        Row("  subscription", Format.Money(m.SubscriptionArr), "  add-on", Format.Money(m.AddonArr));
        Row("Customers", Format.Count(m.Customers), "ARPA (MRR)", Format.Money(m.Arpa));
        Row("Growth YoY", Format.Percent(m.GrowthYoy), "Quick ratio", Format.Ratio(m.QuickRatio));
        Row("NRR", Format.Percent(m.Nrr), "GRR", Format.Percent(m.Grr));
        Row("Customer churn", Format.Percent(m.CustomerChurnRate), "Gross MRR churn", Format.Percent(m.GrossMrrChurnRate));
        Row("Net MRR churn", Format.Percent(m.NetMrrChurnRate), "One-time revenue", Format.Money(m.OneTimeRevenue));
        Row("Valuation", $"[bold]{Format.Money(m.Valuation)}[/]", "(10 × ARR × growth × NRR)", "");
        context.Console.Write(new Panel(grid).Header($"RunRate summary, {m.Month} ({currency})").RoundedBorder());

        var movements = new BreakdownChart().Width(Math.Min(80, context.Console.Profile.Width)).HideTagValues();
        AddSegment(movements, "New", m.New, Color.Green);
        AddSegment(movements, "Expansion", m.Expansion, Color.Aqua);
        AddSegment(movements, "Reactivation", m.Reactivation, Color.Blue);
        AddSegment(movements, "Contraction", -m.Contraction, Color.Orange1);
        AddSegment(movements, "Churn", -m.Churn, Color.Red);
        if (movements.Data.Count > 0)
        {
            context.Console.MarkupLine($"[bold]MRR movements in {m.Month}[/]");
            context.Console.Write(movements);
        }
    }

    private static void AddSegment(BreakdownChart chart, string label, Exact value, Color color)
    {
        if (value.Sign > 0)
        {
            chart.AddItem($"{label} {Format.Money(value)}", (double)value.Round(), color);
        }
    }
}
