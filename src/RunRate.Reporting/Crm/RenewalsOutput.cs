using RunRate.Engine.Crm.Renewals;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Crm;

/// <summary>The renewals report as JSON and CSV (shared by <c>runrate renewals</c> and <c>GET /api/renewals</c>).</summary>
public static class RenewalsOutput
{
    /// <summary><c>{"currency","months":[{month,due_arr,renewed_arr,lost_arr,open_arr,renewal_rate,items:[…]}]}</c>.</summary>
    public static void Json(TextWriter output, CurrencyCode currency, IReadOnlyList<RenewalMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", currency.Value);
            w.WriteStartArray("months");
            foreach (var m in months)
            {
                w.WriteStartObject();
                w.WriteString("month", m.Month.ToString());
                JsonFigures.Money(w, "due_arr", m.DueArr);
                JsonFigures.Money(w, "renewed_arr", m.RenewedArr);
                JsonFigures.Money(w, "lost_arr", m.LostArr);
                JsonFigures.Money(w, "open_arr", m.OpenArr);
                JsonFigures.Ratio(w, "renewal_rate", m.RenewalRate);
                w.WriteStartArray("items");
                foreach (var i in m.Items)
                {
                    w.WriteStartObject();
                    foreach (var (name, value) in Columns(i))
                    {
                        w.WriteString(name, value);
                    }

                    JsonFigures.Money(w, "arr", i.Arr);
                    JsonFigures.Money(w, "successor_arr", i.SuccessorArr);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>One row per renewal item.</summary>
    public static void Csv(TextWriter output, IReadOnlyList<RenewalMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        CsvText.Row(output, ["month", .. Columns(null).Select(c => c.Name), "arr", "successor_arr"]);
        foreach (var m in months)
        {
            foreach (var i in m.Items)
            {
                CsvText.Row(output, [m.Month.ToString(), .. Columns(i).Select(c => c.Value), JsonFigures.Money(i.Arr), JsonFigures.Money(i.SuccessorArr)]);
            }
        }
    }

    /// <summary>renewed, lost, open or ending.</summary>
    public static string StatusText(RenewalStatus status) => status.ToString().ToLowerInvariant();

    private static IEnumerable<(string Name, string? Value)> Columns(RenewalItem? i) =>
    [
        ("line_id", i?.Line.Id.Value),
        ("customer_id", i?.Customer.Id.Value),
        ("name", i?.Customer.Name),
        ("product", i?.Line.Product),
        ("due_date", ReportText.Date(i?.Due)),
        ("status", i is null ? null : StatusText(i.Status)),
        ("successor_line_id", i?.Successor?.Id.Value),
    ];
}
