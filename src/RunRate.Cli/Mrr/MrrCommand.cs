using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Metrics;
using RunRate.Reporting.Mrr;
using Spectre.Console;

namespace RunRate.Cli.Mrr;

/// <summary><c>runrate mrr</c>: the monthly MRR bridge with every figure of the contract.</summary>
internal sealed class MrrCommand(CliContext context)
{
    private readonly MonthRangeOptions _range = new("First month (default: 11 months before --to)", to => to.AddMonths(-11));
    private readonly ReportOptions _report = new(withBreakdown: true);

    public Command Build()
    {
        var command = new Command("mrr", "Monthly MRR bridge: opening, new, expansion, contraction, churn, reactivation, closing, and every ratio");
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
        var request = new ReportRequest(currency, from, to, filter);
        if (by is null)
        {
            var report = _report.Bridge(context, parse, request);
            if (format == OutputFormat.Json)
            {
                MrrReport.Json(context.Output, report);
            }
            else if (format == OutputFormat.Csv)
            {
                MrrReport.Csv(context.Output, [("", report)], by: null);
            }
            else
            {
                MrrOutput.Table(context.Console, report, title: null);
            }

            return ExitCodes.Success;
        }

        var ledger = _report.Load(context, parse);
        var groups = LedgerAccess.Groups(ledger, filter, by)
            .Select(g => (g.Label, Report: LedgerAccess.Compute(() => RevenueEngine.Compute(ledger, new ReportRequest(currency, from, to, g.Filter)))))
            .ToList();
        if (format == OutputFormat.Json)
        {
            MrrReport.GroupsJson(context.Output, currency, by, groups);
        }
        else if (format == OutputFormat.Csv)
        {
            MrrReport.Csv(context.Output, groups, by);
        }
        else
        {
            MrrOutput.BreakdownTable(context.Console, by, groups);
        }

        return ExitCodes.Success;
    }
}
