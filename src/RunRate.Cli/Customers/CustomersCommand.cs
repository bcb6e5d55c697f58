using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Customers;
using Spectre.Console;

namespace RunRate.Cli.Customers;

/// <summary><c>runrate customers</c>: every customer with its MRR, status and history at a glance.</summary>
internal sealed class CustomersCommand(CliContext context)
{
    private readonly Option<YearMonth?> _month = Options.Month("--month", "Standing at the close of this month (default: the current month)");
    private readonly Option<string> _sort = new("--sort") { Description = "Order: mrr (default, largest first), arr, name, id, since, last-movement", DefaultValueFactory = _ => "mrr" };
    private readonly Option<string> _status = new("--status") { Description = "Only customers with this status: all (default), active, churned, future, never-active", DefaultValueFactory = _ => "all" };
    private readonly Option<int?> _limit = new("--limit") { Description = "At most this many rows (tables default to 50)", HelpName = "N" };
    private readonly ReportOptions _report = new(withBreakdown: false);

    public Command Build()
    {
        _sort.AcceptOnlyFromAmong([.. CustomerList.Sorts]);
        _status.AcceptOnlyFromAmong([.. CustomerList.Statuses]);
        var command = new Command("customers", "List customers with MRR, ARR, status, segment, channel, owner, since and last movement")
        {
            _month, _sort, _status, _limit,
        };
        _report.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var month = parse.GetValue(_month) ?? YearMonth.Of(context.Today);
        var currency = _report.Currency(parse);
        var format = _report.Format(parse);
        var limit = parse.GetValue(_limit);
        if (limit is < 1)
        {
            throw new CliException($"--limit must be at least 1, found {limit}", ExitCodes.Usage);
        }

        var ledger = _report.Load(context, parse);
        var standings = LedgerAccess.Compute(() => CustomerRevenue.Analyze(ledger, currency, month.LastDay, _report.Filter(parse)));
        var all = CustomerList.Select(standings, parse.GetValue(_status)!, parse.GetValue(_sort)!);
        var machine = format != OutputFormat.Table;
        var take = limit ?? (machine ? all.Count : 50);
        var shown = all.Take(take).ToList();
        if (format == OutputFormat.Json)
        {
            CustomersReport.Json(context.Output, currency, month, all.Count, shown);
        }
        else if (format == OutputFormat.Csv)
        {
            CustomersReport.Csv(context.Output, shown);
        }
        else
        {
            Table(shown, all.Count, month, currency);
        }

        return ExitCodes.Success;
    }

    private void Table(List<CustomerStanding> shown, int total, YearMonth month, CurrencyCode currency)
    {
        var table = new Table().RoundedBorder().Title($"Customers at the close of {month} ({currency}), {Format.Count(shown.Count)} of {Format.Count(total)}");
        table.AddColumns("Customer", "Name", "Status", "MRR", "ARR", "Segment", "Channel", "Owner", "Since", "Last movement");
        table.Columns[3].RightAligned();
        table.Columns[4].RightAligned();
        foreach (var s in shown)
        {
            var c = s.Customer;
            table.AddRow(
                Markup.Escape(c.Id.Value),
                Markup.Escape(c.Name ?? ""),
                s.Status switch
                {
                    CustomerStatus.Active => "[green]active[/]",
                    CustomerStatus.Churned => "[red]churned[/]",
                    CustomerStatus.Future => "[blue]future[/]",
                    _ => "[grey]never active[/]",
                },
                Format.Money(s.Mrr),
                Format.Money(s.Arr),
                Markup.Escape(c.Segment ?? ""),
                Markup.Escape(c.Channel ?? ""),
                Markup.Escape(c.Owner ?? ""),
                Format.Date(s.Since),
                s.LastMovement is { } m ? $"{Format.Date(m.Date)} {m.Type.ToText()}" : Format.None);
        }

        context.Console.Write(table);
        if (total > shown.Count)
        {
            context.Console.MarkupLine($"[grey]{Format.Count(total - shown.Count)} more; use --limit, --json or --csv for all.[/]");
        }
    }
}
