using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.ArrBridge;
using Spectre.Console;

namespace RunRate.Cli.ArrBridge;

/// <summary>
/// <c>runrate arr-bridge</c>: the period view finance reports to the board, opening ARR by kind,
/// plus new, expansion, reactivation, minus contraction and churn, equals closing ARR.
/// </summary>
internal sealed class ArrBridgeCommand(CliContext context)
{
    private readonly MonthRangeOptions _range = new("First month of the period (default: January of --to's year)", to => new YearMonth(to.Year, 1));
    private readonly ReportOptions _report = new(withBreakdown: true);

    public Command Build()
    {
        var command = new Command("arr-bridge", "ARR bridge of a period: opening ARR by kind + new + expansion − contraction − churn + reactivation = closing ARR");
        _range.AddTo(command);
        _report.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var (from, to) = _range.Resolve(parse, context);
        var currency = _report.Currency(parse);
        var filter = _report.Filter(parse);
        var by = _report.Breakdown(parse);
        var format = _report.Format(parse);
        // Without --by there is one group and no snapshot: the bridge comes from the streamed model.
        var ledger = by is null ? null : _report.Load(context, parse);
        var groups = ledger is null ? [("", filter)] : LedgerAccess.Groups(ledger, filter, by!);
        var bridges = groups
            .Select(g => (g.Label, Bridge: ArrPeriod.From(ledger is null
                ? _report.Bridge(context, parse, new ReportRequest(currency, from.AddMonths(-1), to, g.Filter))
                : LedgerAccess.Compute(() => RevenueEngine.Compute(ledger, new ReportRequest(currency, from.AddMonths(-1), to, g.Filter))))))
            .ToList();

        if (format == OutputFormat.Json)
        {
            ArrBridgeReport.Json(context.Output, currency, from, to, by, bridges);
        }
        else if (format == OutputFormat.Csv)
        {
            ArrBridgeReport.Csv(context.Output, by, bridges);
        }
        else
        {
            foreach (var (label, bridge) in bridges)
            {
                Render(bridge, currency, from, to, by is null ? null : $"{by}: {label}");
            }
        }

        return ExitCodes.Success;
    }

    private void Render(ArrPeriod b, CurrencyCode currency, YearMonth from, YearMonth to, string? group)
    {
        var table = new Table().RoundedBorder().Title($"ARR bridge {from}..{to} ({currency}){(group is null ? "" : ", " + Markup.Escape(group))}");
        table.AddColumn("").AddColumn(new TableColumn("ARR").RightAligned()).AddColumn(new TableColumn("Customers").RightAligned());
        table.AddRow("Opening ARR", $"[bold]{Format.Money(b.OpeningArr)}[/]", Format.Count(b.OpeningCustomers));
        table.AddRow("  subscription", Format.Money(b.OpeningSubscriptionArr), "");
        table.AddRow("  add-on", Format.Money(b.OpeningAddonArr), "");
        table.AddRow("+ New", $"[green]{Format.SignedMoney(b.New)}[/]", "+" + Format.Count(b.NewCustomers));
        table.AddRow("+ Expansion", $"[green]{Format.SignedMoney(b.Expansion)}[/]", "");
        table.AddRow("− Contraction", $"[red]{Format.Money(b.Contraction)}[/]", "");
        table.AddRow("− Churn", $"[red]{Format.Money(b.Churn)}[/]", "−" + Format.Count(b.ChurnedCustomers));
        table.AddRow("+ Reactivation", $"[green]{Format.SignedMoney(b.Reactivation)}[/]", "+" + Format.Count(b.ReactivatedCustomers));
        table.AddRow("Closing ARR", $"[bold]{Format.Money(b.ClosingArr)}[/]", Format.Count(b.ClosingCustomers));
        table.AddRow("  subscription", Format.Money(b.ClosingSubscriptionArr), "");
        table.AddRow("  add-on", Format.Money(b.ClosingAddonArr), "");
        context.Console.Write(table);

        var chart = new BarChart().Width(Math.Min(90, context.Console.Profile.Width)).Label("[bold]Bridge[/]");
        chart.ValueFormatter = (value, _) => Format.Compact(Exact.FromDecimal((decimal)value));
        chart.AddItem("Opening", (double)b.OpeningArr.Round(), Color.SteelBlue);
        chart.AddItem("New", (double)b.New.Round(), Color.Green);
        chart.AddItem("Expansion", (double)b.Expansion.Round(), Color.Aqua);
        chart.AddItem("Contraction", (double)(-b.Contraction).Round(), Color.Orange1);
        chart.AddItem("Churn", (double)(-b.Churn).Round(), Color.Red);
        chart.AddItem("Reactivation", (double)b.Reactivation.Round(), Color.Blue);
        chart.AddItem("Closing", (double)b.ClosingArr.Round(), Color.SteelBlue);
        context.Console.Write(chart);
    }
}
