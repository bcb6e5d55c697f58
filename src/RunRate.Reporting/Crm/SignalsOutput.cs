using System.Globalization;
using RunRate.Engine.Crm.Signals;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Crm;

/// <summary>The signals list as JSON and CSV (shared by <c>runrate signals</c> and <c>GET /api/signals</c>).</summary>
public static class SignalsOutput
{
    /// <summary><c>{"currency","as_of","signals":[{customer_id,name,segment,owner,kind,score,level,arr,reasons:[{code,text,points}]}]}</c>.</summary>
    public static void Json(TextWriter output, CurrencyCode currency, DateOnly asOf, IReadOnlyList<Signal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", currency.Value);
            w.WriteString("as_of", ReportText.Date(asOf));
            w.WriteStartArray("signals");
            foreach (var s in signals)
            {
                w.WriteStartObject();
                w.WriteString("customer_id", s.Account.Id.Value);
                w.WriteString("name", s.Account.Name);
                w.WriteString("segment", s.Account.Segment);
                w.WriteString("owner", s.Account.Owner);
                w.WriteString("kind", s.Kind.ToText());
                w.WriteNumber("score", s.Score);
                w.WriteString("level", s.Level);
                JsonFigures.Money(w, "arr", s.Arr);
                w.WriteStartArray("reasons");
                foreach (var r in s.Reasons)
                {
                    w.WriteStartObject();
                    w.WriteString("code", r.Code);
                    w.WriteString("text", r.Text);
                    w.WriteNumber("points", r.Points);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>One row per reason, so the "why" survives in a spreadsheet.</summary>
    public static void Csv(TextWriter output, IReadOnlyList<Signal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        CsvText.Row(output, ["customer_id", "name", "kind", "score", "level", "arr", "reason_code", "reason", "points"]);
        foreach (var s in signals)
        {
            foreach (var r in s.Reasons)
            {
                CsvText.Row(output, [s.Account.Id.Value, s.Account.Name, s.Kind.ToText(), s.Score.ToString(CultureInfo.InvariantCulture), s.Level, JsonFigures.Money(s.Arr), r.Code, r.Text, r.Points.ToString(CultureInfo.InvariantCulture)]);
            }
        }
    }
}
