using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Crm.Sales;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Crm;
using Spectre.Console;

namespace RunRate.Cli.Sales;

/// <summary><c>runrate sales</c>: pipeline, conversion, win rates, sales cycle, new ARR by channel and owner, targets.</summary>
internal sealed class SalesCommand(CliContext context)
{
    private readonly MonthRangeOptions _range = new("First month (default: the first month of --to's quarter)", to => new YearMonth(to.Year, (((to.Month - 1) / 3) * 3) + 1));
    private readonly CrmReportOptions _report = new();

    public Command Build()
    {
        var command = new Command("sales", "Sales analytics: pipeline by stage, stage conversion, win rate by channel and owner, sales cycle, new ARR by channel and owner, targets vs attainment");
        _range.AddTo(command);
        _report.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var (from, to) = _range.Resolve(parse, context);
        var currency = _report.Currency(parse);
        var (ledger, crm) = _report.Load(context, parse);
        var report = LedgerAccess.Compute(() => SalesAnalytics.Compute(ledger, crm, new SalesRequest(currency, from, to, context.Today)));
        switch (_report.Format(parse))
        {
            case OutputFormat.Json:
                SalesOutput.Json(context.Output, report);
                break;
            case OutputFormat.Csv:
                SalesOutput.Csv(context.Output, report);
                break;
            default:
                Render(report);
                break;
        }

        return ExitCodes.Success;
    }

    private void Render(SalesReport report)
    {
        var console = context.Console;
        var pipeline = new Table().RoundedBorder().Title($"Pipeline ({report.Request.Currency}; won and lost: closed {report.Request.From} to {report.Request.To})")
            .AddColumn("Stage").AddColumn(new TableColumn("Probability").RightAligned()).AddColumn(new TableColumn("Deals").RightAligned())
            .AddColumn(new TableColumn("ARR").RightAligned()).AddColumn(new TableColumn("Weighted ARR").RightAligned());
        foreach (var s in report.Stages)
        {
            pipeline.AddRow(Markup.Escape(s.Stage.Name), Format.Percent(Exact.FromDecimal(s.Stage.Probability)), Format.Count(s.Deals), Format.Money(s.Arr), Format.Money(s.WeightedArr));
        }

        pipeline.AddRow("[bold]Open[/]", "", Format.Count(report.Open.Deals), Format.Money(report.Open.Arr), Format.Money(report.Open.WeightedArr));
        console.Write(pipeline);

        var conversion = new Table().RoundedBorder().Title("Stage conversion (deals created in the period)").AddColumn("From").AddColumn("To")
            .AddColumn(new TableColumn("Entered").RightAligned()).AddColumn(new TableColumn("Advanced").RightAligned()).AddColumn(new TableColumn("Rate").RightAligned());
        foreach (var c in report.Conversion)
        {
            conversion.AddRow(Markup.Escape(c.From), Markup.Escape(c.To), Format.Count(c.Entered), Format.Count(c.Advanced), Format.Percent(c.Rate));
        }

        console.Write(conversion);
        var wins = new Table().RoundedBorder().Title("Win rate (deals closed in the period)").AddColumn("By").AddColumn("Group")
            .AddColumn(new TableColumn("Won").RightAligned()).AddColumn(new TableColumn("Lost").RightAligned()).AddColumn(new TableColumn("Rate").RightAligned()).AddColumn(new TableColumn("Won ARR").RightAligned());
        void WinRow(string by, string group, WinRate w) => wins.AddRow(by, Markup.Escape(group), Format.Count(w.Won), Format.Count(w.Lost), Format.Percent(w.Rate), Format.Money(w.WonArr));
        WinRow("all", "", report.WinRate);
        report.WinRateByChannel.ToList().ForEach(g => WinRow("channel", g.Group, g.Figures));
        report.WinRateByOwner.ToList().ForEach(g => WinRow("owner", g.Group, g.Figures));
        console.Write(wins);
        console.MarkupLine($"Sales cycle of {Format.Count(report.Cycle.Deals)} won deals: average {Days(report.Cycle.AverageDays)}, median {Days(report.Cycle.MedianDays)}");

        var newArr = new Table().RoundedBorder().Title("New ARR (landed in the ledger; booked from won new-business deals)").AddColumn("By").AddColumn("Group")
            .AddColumn(new TableColumn("Customers").RightAligned()).AddColumn(new TableColumn("New ARR").RightAligned()).AddColumn(new TableColumn("Deals").RightAligned()).AddColumn(new TableColumn("Booked ARR").RightAligned());
        foreach (var (by, groups) in new[] { ("channel", report.NewArrByChannel), ("owner", report.NewArrByOwner) })
        {
            foreach (var g in groups)
            {
                newArr.AddRow(by, Markup.Escape(g.Group), Format.Count(g.Customers), Format.Money(g.Arr), Format.Count(g.Deals), Format.Money(g.BookedArr));
            }
        }

        console.Write(newArr);
        if (report.Targets.Count > 0)
        {
            var targets = new Table().RoundedBorder().Title("Targets").AddColumn("Owner").AddColumn("Period")
                .AddColumn(new TableColumn("Target").RightAligned()).AddColumn(new TableColumn("Won").RightAligned()).AddColumn(new TableColumn("Attainment").RightAligned());
            foreach (var t in report.Targets)
            {
                targets.AddRow(Markup.Escape(t.Target.Owner), t.Target.Period, Format.Money(Exact.FromDecimal(t.Target.Arr)) + " " + t.Target.Currency, Format.Money(t.WonArr), Format.Percent(t.Attainment));
            }

            console.Write(targets);
        }
    }

    private static string Days(Exact? days) => days is { } d ? d.Round(1).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " days" : Format.None;
}
