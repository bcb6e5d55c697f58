using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Cohorts;
using Spectre.Console;

namespace RunRate.Cli.Cohorts;

/// <summary><c>runrate cohorts</c>: revenue or logo retention of each month's new customers.</summary>
internal sealed class CohortsCommand(CliContext context)
{
    private readonly MonthRangeOptions _range = new("First cohort month (default: 11 months before --to)", to => to.AddMonths(-11));
    private readonly Option<bool> _logo = new("--logo") { Description = "Show logo (customer count) retention instead of revenue retention" };
    private readonly ReportOptions _report = new(withBreakdown: false);

    public Command Build()
    {
        var command = new Command("cohorts", "Cohort retention: MRR and logos of each month's new customers, month by month");
        _range.AddTo(command);
        command.Options.Add(_logo);
        _report.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var (from, to) = _range.Resolve(parse, context);
        var format = _report.Format(parse);
        var report = _report.Bridge(context, parse, new ReportRequest(_report.Currency(parse), from, to, _report.Filter(parse)));
        if (format == OutputFormat.Json)
        {
            CohortsReport.Json(context.Output, report);
        }
        else if (format == OutputFormat.Csv)
        {
            CohortsReport.Csv(context.Output, report);
        }
        else
        {
            Table(report, parse.GetValue(_logo));
        }

        return ExitCodes.Success;
    }

    private void Table(BridgeReport report, bool logo)
    {
        var ages = report.Cohorts.Count == 0 ? 0 : report.Cohorts.Max(c => c.Mrr.Count);
        var shown = Math.Min(ages, Math.Max(4, (context.Console.Profile.Width - 40) / 7));
        var table = new Table().RoundedBorder()
            .Title($"{(logo ? "Logo" : "Revenue")} retention by cohort ({report.Currency}){(ages > shown ? $", first {shown} months (use --json for all)" : "")}");
        table.AddColumn("Cohort").AddColumn(new TableColumn("Customers").RightAligned()).AddColumn(new TableColumn("MRR at start").RightAligned());
        for (var k = 0; k < shown; k++)
        {
            table.AddColumn(new TableColumn($"M{k}").RightAligned());
        }

        foreach (var c in report.Cohorts)
        {
            var cells = new List<string> { c.Cohort.ToString(), Format.Count(c.Customers), Format.Money(c.Mrr[0]) };
            var values = logo ? c.LogoRetention : c.RevenueRetention;
            for (var k = 0; k < shown; k++)
            {
                cells.Add(k < values.Count ? Heat(values[k]) : "");
            }

            table.AddRow(cells.ToArray());
        }

        context.Console.Write(table);
    }

    private static string Heat(Exact? value)
    {
        if (value is not { } v)
        {
            return Format.None;
        }

        var percent = (v * 100).Round(0);
        var color = percent switch
        {
            >= 100 => "green",
            >= 80 => "chartreuse3",
            >= 60 => "yellow",
            >= 40 => "orange1",
            _ => "red",
        };
        return $"[{color}]{percent:0}%[/]";
    }
}
