using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Economics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Economics;
using RunRate.Web.Economics;
using Spectre.Console;

namespace RunRate.Cli.Economics;

/// <summary><c>runrate economics</c>: gross margin, CAC by channel, LTV, LTV:CAC and payback from the ledger and its costs.csv.</summary>
internal sealed class EconomicsCommand(CliContext context)
{
    private readonly MonthRangeOptions _range = new("First month (default: 11 months before --to)", to => to.AddMonths(-11));
    private readonly Option<string?> _window = new("--window") { Description = "Trailing months each figure pools, 1 to 36 (default 12)", HelpName = "N" };
    private readonly CrmReportOptions _report = new();

    public Command Build()
    {
        var command = new Command("economics", "Unit economics: revenue, gross margin, CAC (by channel where spend is tagged), churn, ARPA, LTV, LTV:CAC and CAC payback; needs costs.csv for the cost-based figures")
        {
            _window,
        };
        _range.AddTo(command);
        _report.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var (from, to) = _range.Resolve(parse, context);
        var window = CliInputs.Option(() => EconomicsInputs.Window(parse.GetValue(_window)));
        var currency = _report.Currency(parse);
        var ledger = _report.LoadLedger(context, parse);
        var report = LedgerAccess.Compute(() => UnitEconomics.Compute(ledger, new EconomicsRequest(currency, from, to, window)));
        switch (_report.Format(parse))
        {
            case OutputFormat.Json:
                EconomicsOutput.ToJson(context.Output, report);
                break;
            case OutputFormat.Csv:
                EconomicsOutput.ToCsv(context.Output, report);
                break;
            default:
                Render(report);
                break;
        }

        return ExitCodes.Success;
    }

    private void Render(EconomicsReport report)
    {
        var console = context.Console;
        var r = report.Request;
        console.MarkupLine($"[bold]Unit economics[/] ({r.Currency}), each figure over the {r.WindowMonths} months ending at its month");
        if (!report.HasCosts)
        {
            console.MarkupLine("[yellow]No costs in the ledger:[/] gross margin, CAC, LTV, LTV:CAC and payback need costs.csv (month, category, amount, currency, channel); import a folder that has one.");
        }

        // Every column needs ~150 characters; narrower terminals get compact amounts, and below 120 the
        // essential columns only (--json and --csv always carry every figure).
        var width = console.Profile.Width;
        Func<Exact, string> money = width >= 150 ? Format.Money : Format.Compact;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        string F(Figure f, Func<Exact, string> format)
        {
            if (f.Missing is { } why)
            {
                missing.Add(why);
            }

            return f.Value is { } v ? format(v) : Format.None;
        }

        string Percent(Exact v) => Format.Percent(v);
        string Payback(Exact v) => v.Round(1).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " mo";
        var columns = new (string Header, bool Essential, Func<EconomicsMonth, string> Cell)[]
        {
            ("Revenue", true, m => money(m.Revenue)),
            (width >= 150 ? "Gross margin" : "Margin", true, m => F(m.GrossMargin, Percent)),
            (width >= 150 ? "Sales+mktg" : "S+M", false, m => m.SalesSpend is { } s && m.MarketingSpend is { } k ? money(s + k) : Format.None),
            (width >= 150 ? "New cust." : "New", false, m => Format.Count(m.NewCustomers)),
            ("CAC", true, m => F(m.Cac, money)),
            ("Churn", false, m => F(m.CustomerChurnRate, Percent)),
            ("ARPA", false, m => m.Arpa is { } a ? money(a) : Format.None),
            ("LTV", true, m => F(m.Ltv, money)),
            ("LTV:CAC", true, m => F(m.LtvToCac, v => Format.Ratio(v) + "×")),
            ("Payback", true, m => F(m.PaybackMonths, Payback)),
        }.Where(c => c.Essential || width >= 120).ToList();
        var table = new Table().RoundedBorder().AddColumn(new TableColumn("Month").NoWrap());
        foreach (var (header, _, _) in columns)
        {
            table.AddColumn(new TableColumn(header).RightAligned().NoWrap());
        }

        foreach (var m in report.Months)
        {
            table.AddRow([m.Month.ToString(), .. columns.Select(c => c.Cell(m))]);
        }

        console.Write(table);
        if (report.Channels.Count > 0)
        {
            var channels = new Table().RoundedBorder().Title($"CAC by channel, the {r.WindowMonths} months to {r.To}").AddColumn("Channel")
                .AddColumn(new TableColumn("Spend").RightAligned()).AddColumn(new TableColumn("New customers").RightAligned()).AddColumn(new TableColumn("CAC").RightAligned());
            foreach (var c in report.Channels)
            {
                channels.AddRow(Markup.Escape(c.Channel), Format.Money(c.Spend), Format.Count(c.NewCustomers), F(c.Cac, Format.Money));
            }

            console.Write(channels);
        }

        foreach (var why in missing)
        {
            console.MarkupLine($"[grey]—: {Markup.Escape(why)}[/]");
        }
    }
}
