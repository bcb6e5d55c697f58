using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Crm.Renewals;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Crm;
using Spectre.Console;

namespace RunRate.Cli.Sales;

/// <summary><c>runrate renewals</c>: ARR up for renewal per month, renewed vs lost, renewal rate.</summary>
internal sealed class RenewalsCommand(CliContext context)
{
    private readonly Option<YearMonth?> _from = Options.Month("--from", "First month (default: 3 months before the current month)");
    private readonly Option<YearMonth?> _to = Options.Month("--to", "Last month (default: 8 months after the current month)");
    private readonly Option<int?> _minInterval = new("--min-interval")
    {
        Description = "Only lines billed on terms of at least this many months have renewals (default 12: annual contracts)",
        HelpName = "MONTHS",
    };

    private readonly CrmReportOptions _report = new();

    public Command Build()
    {
        var command = new Command("renewals", "Renewals calendar: ARR whose term ends each month, renewed, lost, still open, renewal rate") { _from, _to, _minInterval };
        _report.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_minInterval) is < 1 or > 120)
            {
                result.AddError("--min-interval: expected a whole number of months from 1 to 120");
            }
        });
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var today = YearMonth.Of(context.Today);
        var from = parse.GetValue(_from) ?? today.AddMonths(-3);
        var to = parse.GetValue(_to) ?? today.AddMonths(8);
        if (to < from)
        {
            throw new CliException($"--to {to} is before --from {from}", ExitCodes.Usage);
        }

        var currency = _report.Currency(parse);
        var ledger = _report.LoadLedger(context, parse);
        var months = LedgerAccess.Compute(() => RenewalSchedule.Compute(ledger, new RenewalRequest(currency, from, to, context.Today, parse.GetValue(_minInterval) ?? 12)));
        switch (_report.Format(parse))
        {
            case OutputFormat.Json:
                RenewalsOutput.Json(context.Output, currency, months);
                break;
            case OutputFormat.Csv:
                RenewalsOutput.Csv(context.Output, months);
                break;
            default:
                Render(months, currency);
                break;
        }

        return ExitCodes.Success;
    }

    private void Render(IReadOnlyList<RenewalMonth> months, CurrencyCode currency)
    {
        var table = new Table().RoundedBorder().Title($"Renewals ({currency} ARR)").AddColumn("Month")
            .AddColumn(new TableColumn("Due").RightAligned()).AddColumn(new TableColumn("Renewed").RightAligned())
            .AddColumn(new TableColumn("Lost").RightAligned()).AddColumn(new TableColumn("Open").RightAligned())
            .AddColumn(new TableColumn("Renewal rate").RightAligned()).AddColumn(new TableColumn("Items").RightAligned());
        foreach (var m in months)
        {
            table.AddRow(m.Month.ToString(), Format.Money(m.DueArr), Format.Money(m.RenewedArr), Format.Money(m.LostArr), Format.Money(m.OpenArr), Format.Percent(m.RenewalRate), Format.Count(m.Items.Count));
        }

        context.Console.Write(table);
        var upcoming = months.SelectMany(m => m.Items).Where(i => i.Status is RenewalStatus.Open or RenewalStatus.Ending).Take(20).ToList();
        if (upcoming.Count > 0)
        {
            var items = new Table().RoundedBorder().Title("Next renewals").AddColumn("Due").AddColumn("Customer").AddColumn("Product").AddColumn(new TableColumn("ARR").RightAligned()).AddColumn("Status");
            foreach (var i in upcoming)
            {
                items.AddRow(Format.Date(i.Due), Markup.Escape(i.Customer.Name ?? i.Customer.Id.Value), Markup.Escape(i.Line.Product ?? ""), Format.Money(i.Arr), i.Status == RenewalStatus.Ending ? "[red]ending[/]" : "open");
            }

            context.Console.Write(items);
        }
    }
}
