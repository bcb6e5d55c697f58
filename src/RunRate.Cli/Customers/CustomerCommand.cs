using System.CommandLine;
using System.Globalization;
using RunRate.Cli.Common;
using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Customers;
using Spectre.Console;

namespace RunRate.Cli.Customers;

/// <summary><c>runrate customer ID</c>: one customer's lines and the movement timeline behind its MRR.</summary>
internal sealed class CustomerCommand(CliContext context)
{
    private readonly Argument<string> _id = new("ID") { Description = "The customer_id" };
    private readonly Option<YearMonth?> _month = Options.Month("--month", "Standing at the close of this month (default: the current month)");
    private readonly Option<CurrencyCode> _currency = Options.Currency();
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();
    private readonly Option<bool> _csv = new("--csv") { Description = "Print the movement timeline as CSV" };

    public Command Build()
    {
        var command = new Command("customer", "One customer: attributes, revenue lines and movement timeline") { _id, _month, _currency, _db };
        Options.AddFormats(command, _json, _csv);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var id = new CustomerId(parse.GetRequiredValue(_id));
        var month = parse.GetValue(_month) ?? YearMonth.Of(context.Today);
        var currency = parse.GetValue(_currency);
        var ledger = LedgerAccess.Load(context, parse.GetValue(_db));
        var standing = LedgerAccess.Compute(() => CustomerRevenue.Analyze(ledger, currency, month.LastDay, id))
            ?? throw new CliException($"no customer with id '{id}' in the store", ExitCodes.NotFound);
        var lines = CustomerReport.Lines(ledger, id);
        if (parse.GetValue(_json))
        {
            CustomerReport.Json(context.Output, standing, lines, currency, month);
        }
        else if (parse.GetValue(_csv))
        {
            CustomerReport.Csv(context.Output, standing);
        }
        else
        {
            Render(standing, lines, currency, month);
        }

        return ExitCodes.Success;
    }

    private void Render(CustomerStanding s, List<RevenueLine> lines, CurrencyCode currency, YearMonth month)
    {
        var c = s.Customer;
        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("[grey]Status[/]", $"{CustomerList.StatusText(s.Status)} at the close of {month}");
        facts.AddRow("[grey]MRR / ARR[/]", $"[bold]{Format.Money(s.Mrr)}[/] / {Format.Money(s.Arr)} {currency}");
        facts.AddRow("[grey]Since[/]", Format.Date(s.Since));
        facts.AddRow("[grey]Segment · channel · country · owner[/]", Markup.Escape($"{c.Segment ?? "—"} · {c.Channel ?? "—"} · {c.Country ?? "—"} · {c.Owner ?? "—"}"));
        foreach (var (key, value) in c.Attributes)
        {
            facts.AddRow($"[grey]{Markup.Escape(key)}[/]", Markup.Escape(value));
        }

        context.Console.Write(new Panel(facts).Header(Markup.Escape($"{c.Id} {c.Name}")).RoundedBorder());

        var table = new Table().RoundedBorder().Title("Revenue lines");
        table.AddColumns("Line", "Kind", "Product", "Start", "End", "Amount", "Qty", "Currency", "Every");
        foreach (var l in lines)
        {
            table.AddRow(
                Markup.Escape(l.Id.Value),
                l.Kind.ToLedgerText(),
                Markup.Escape(l.Product ?? ""),
                Format.Date(l.Start),
                l.End is { } end ? Format.Date(end) : l.Kind == LineKind.OneTime ? Format.None : "ongoing",
                l.Amount.ToString("#,##0.00##", CultureInfo.InvariantCulture),
                l.Quantity.ToString("0.####", CultureInfo.InvariantCulture),
                l.Currency.Value,
                l.IntervalMonths is { } n ? $"{n} mo" : "once");
        }

        context.Console.Write(table);

        var timeline = new Table().RoundedBorder().Title($"MRR movements ({currency})");
        timeline.AddColumns("Date", "Movement", "Change", "MRR after");
        timeline.Columns[2].RightAligned();
        timeline.Columns[3].RightAligned();
        foreach (var m in s.Movements)
        {
            var color = m.Amount.Sign > 0 ? "green" : "red";
            timeline.AddRow(Format.Date(m.Date), m.Type.ToText(), $"[{color}]{Format.SignedMoney(m.Amount)}[/]", Format.Money(m.MrrAfter));
        }

        context.Console.Write(timeline);
    }
}
