using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using Spectre.Console;

namespace RunRate.Cli.Mrr;

/// <summary><c>runrate mrr</c>: the monthly MRR bridge with every figure of the contract.</summary>
internal sealed class MrrCommand(CliContext context)
{
    private readonly Option<YearMonth?> _from = Options.Month("--from", "First month (default: 11 months before --to)");
    private readonly Option<YearMonth?> _to = Options.Month("--to", "Last month (default: the current month)");
    private readonly Option<CurrencyCode> _currency = Options.Currency();
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();
    private readonly Option<bool> _csv = Options.Csv();
    private readonly FilterOptions _filters = new(withBreakdown: true);

    public Command Build()
    {
        var command = new Command("mrr", "Monthly MRR bridge: opening, new, expansion, contraction, churn, reactivation, closing, and every ratio")
        {
            _from, _to, _currency, _db,
        };
        Options.AddFormats(command, _json, _csv);
        _filters.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var to = parse.GetValue(_to) ?? YearMonth.Of(context.Today);
        var from = parse.GetValue(_from) ?? to.AddMonths(-11);
        if (to < from)
        {
            throw new CliException($"--to {to} is before --from {from}", ExitCodes.Usage);
        }

        var currency = parse.GetValue(_currency);
        var filter = _filters.Build(parse);
        var by = _filters.Breakdown(parse);
        var ledger = LedgerAccess.Load(context, parse.GetValue(_db));
        var request = new ReportRequest(currency, from, to, filter);
        if (by is null)
        {
            var report = LedgerAccess.Compute(() => RevenueEngine.Compute(ledger, request));
            if (parse.GetValue(_json))
            {
                MrrOutput.Json(context.Output, report);
            }
            else if (parse.GetValue(_csv))
            {
                MrrOutput.Csv(context.Output, [("", report)], by: null);
            }
            else
            {
                MrrOutput.Table(context.Console, report, title: null);
            }

            return ExitCodes.Success;
        }

        var groups = LedgerAccess.Groups(ledger, filter, by)
            .Select(g => (g.Label, Report: LedgerAccess.Compute(() => RevenueEngine.Compute(ledger, new ReportRequest(currency, from, to, g.Filter)))))
            .ToList();
        if (parse.GetValue(_json))
        {
            MrrOutput.GroupsJson(context.Output, currency, by, groups);
        }
        else if (parse.GetValue(_csv))
        {
            MrrOutput.Csv(context.Output, groups, by);
        }
        else
        {
            MrrOutput.BreakdownTable(context.Console, by, groups);
        }

        return ExitCodes.Success;
    }
}
