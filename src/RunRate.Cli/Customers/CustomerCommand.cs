using System.CommandLine;
using System.Globalization;
using RunRate.Cli.Common;
using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
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
        var lines = ledger.Lines.Where(l => l.CustomerId == id).OrderBy(l => l.Start).ThenBy(l => l.Id.Value, StringComparer.Ordinal).ToList();
        if (parse.GetValue(_json))
        {
            Json(standing, lines, currency, month);
        }
        else if (parse.GetValue(_csv))
        {
            CsvText.Row(context.Output, ["customer_id", "date", "type", "amount", "mrr_after"]);
            foreach (var m in standing.Movements)
            {
                CsvText.Row(context.Output, [id.Value, Format.Date(m.Date), m.Type.ToText(), MonthFields.CsvValue(FieldKind.Money, m.Amount), MonthFields.CsvValue(FieldKind.Money, m.MrrAfter)]);
            }
        }
        else
        {
            Render(standing, lines, currency, month);
        }

        return ExitCodes.Success;
    }

    private void Json(CustomerStanding s, List<RevenueLine> lines, CurrencyCode currency, YearMonth month) => JsonOut.Write(context.Output, w =>
    {
        var c = s.Customer;
        w.WriteStartObject();
        w.WriteString("currency", currency.Value);
        w.WriteString("month", month.ToString());
        w.WriteString("customer_id", c.Id.Value);
        w.WriteString("name", c.Name);
        w.WriteString("country", c.Country);
        w.WriteString("segment", c.Segment);
        w.WriteString("channel", c.Channel);
        w.WriteString("owner", c.Owner);
        w.WriteStartObject("attributes");
        foreach (var (key, value) in c.Attributes)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteString("status", CustomersCommand.StatusText(s.Status));
        w.WritePropertyName("mrr");
        MonthFields.WriteValue(w, FieldKind.Money, s.Mrr);
        w.WritePropertyName("arr");
        MonthFields.WriteValue(w, FieldKind.Money, s.Arr);
        w.WriteString("since", s.Since is { } since ? Format.Date(since) : null);
        w.WriteStartArray("lines");
        foreach (var l in lines)
        {
            w.WriteStartObject();
            w.WriteString("line_id", l.Id.Value);
            w.WriteString("kind", l.Kind.ToLedgerText());
            w.WriteString("product", l.Product);
            w.WriteString("start_date", Format.Date(l.Start));
            w.WriteString("end_date", l.End is { } end ? Format.Date(end) : null);
            w.WriteNumber("amount", l.Amount);
            w.WriteNumber("quantity", l.Quantity);
            w.WriteString("currency", l.Currency.Value);
            if (l.IntervalMonths is { } interval)
            {
                w.WriteNumber("interval_months", interval);
            }
            else
            {
                w.WriteNull("interval_months");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("movements");
        foreach (var m in s.Movements)
        {
            w.WriteStartObject();
            w.WriteString("date", Format.Date(m.Date));
            w.WriteString("type", m.Type.ToText());
            w.WritePropertyName("amount");
            MonthFields.WriteValue(w, FieldKind.Money, m.Amount);
            w.WritePropertyName("mrr_after");
            MonthFields.WriteValue(w, FieldKind.Money, m.MrrAfter);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private void Render(CustomerStanding s, List<RevenueLine> lines, CurrencyCode currency, YearMonth month)
    {
        var c = s.Customer;
        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("[grey]Status[/]", $"{CustomersCommand.StatusText(s.Status)} at the close of {month}");
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
