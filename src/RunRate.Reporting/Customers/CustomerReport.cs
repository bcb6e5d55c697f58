using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Customers;

/// <summary>One customer: attributes, standing, revenue lines and movement timeline.</summary>
public static class CustomerReport
{
    /// <summary>The customer's lines in the order reports show them: by start date, then id.</summary>
    public static List<RevenueLine> Lines(RevenueLedger ledger, CustomerId id)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.Lines.Where(l => l.CustomerId == id).OrderBy(l => l.Start).ThenBy(l => l.Id.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>Everything about the customer as one JSON object.</summary>
    public static void Json(TextWriter output, CustomerStanding standing, IReadOnlyList<RevenueLine> lines, CurrencyCode currency, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(lines);
        JsonOut.Write(output, w =>
        {
            var c = standing.Customer;
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
            w.WriteString("status", CustomerList.StatusText(standing.Status));
            w.WritePropertyName("mrr");
            MonthFields.WriteValue(w, FieldKind.Money, standing.Mrr);
            w.WritePropertyName("arr");
            MonthFields.WriteValue(w, FieldKind.Money, standing.Arr);
            w.WriteString("since", ReportText.Date(standing.Since));
            w.WriteStartArray("lines");
            foreach (var l in lines)
            {
                w.WriteStartObject();
                w.WriteString("line_id", l.Id.Value);
                w.WriteString("kind", l.Kind.ToLedgerText());
                w.WriteString("product", l.Product);
                w.WriteString("start_date", ReportText.Date(l.Start));
                w.WriteString("end_date", ReportText.Date(l.End));
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
            foreach (var m in standing.Movements)
            {
                w.WriteStartObject();
                w.WriteString("date", ReportText.Date(m.Date));
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
    }

    /// <summary>The movement timeline: <c>customer_id,date,type,amount,mrr_after</c>.</summary>
    public static void Csv(TextWriter output, CustomerStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        CsvText.Row(output, ["customer_id", "date", "type", "amount", "mrr_after"]);
        foreach (var m in standing.Movements)
        {
            CsvText.Row(output, [standing.Customer.Id.Value, ReportText.Date(m.Date), m.Type.ToText(), MonthFields.CsvValue(FieldKind.Money, m.Amount), MonthFields.CsvValue(FieldKind.Money, m.MrrAfter)]);
        }
    }
}
