using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Customers;

/// <summary>The customer list as JSON and CSV.</summary>
public static class CustomersReport
{
    /// <summary><c>{"currency","month","total","customers":[{customer_id,name,status,…,mrr,arr}]}</c>.</summary>
    public static void Json(TextWriter output, CurrencyCode currency, YearMonth month, int total, IReadOnlyList<CustomerStanding> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", currency.Value);
            w.WriteString("month", month.ToString());
            w.WriteNumber("total", total);
            w.WriteStartArray("customers");
            foreach (var s in shown)
            {
                w.WriteStartObject();
                foreach (var (name, value) in Columns(s))
                {
                    w.WriteString(name, value);
                }

                w.WritePropertyName("mrr");
                MonthFields.WriteValue(w, FieldKind.Money, s.Mrr);
                w.WritePropertyName("arr");
                MonthFields.WriteValue(w, FieldKind.Money, s.Arr);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>A header and one row per customer.</summary>
    public static void Csv(TextWriter output, IReadOnlyList<CustomerStanding> shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        CsvText.Row(output, [.. Columns(null).Select(c => c.Name), "mrr", "arr"]);
        foreach (var s in shown)
        {
            CsvText.Row(output, [.. Columns(s).Select(c => c.Value), MonthFields.CsvValue(FieldKind.Money, s.Mrr), MonthFields.CsvValue(FieldKind.Money, s.Arr)]);
        }
    }

    private static IEnumerable<(string Name, string? Value)> Columns(CustomerStanding? s) =>
    [
        ("customer_id", s?.Customer.Id.Value),
        ("name", s?.Customer.Name),
        ("status", s is null ? null : CustomerList.StatusText(s.Status)),
        ("segment", s?.Customer.Segment),
        ("channel", s?.Customer.Channel),
        ("country", s?.Customer.Country),
        ("owner", s?.Customer.Owner),
        ("since", ReportText.Date(s?.Since)),
        ("last_movement_date", ReportText.Date(s?.LastMovement?.Date)),
        ("last_movement", s?.LastMovement?.Type.ToText()),
    ];
}
