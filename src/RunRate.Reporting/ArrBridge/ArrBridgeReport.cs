using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.ArrBridge;

/// <summary>The ARR bridge of a period, whole or broken down, as JSON and CSV.</summary>
public static class ArrBridgeReport
{
    /// <summary>
    /// <c>{"currency","from","to",…bridge fields}</c>, or with <paramref name="by"/>
    /// <c>{"currency","from","to","by","groups":[{by: label, …bridge fields}]}</c>.
    /// </summary>
    public static void Json(TextWriter output, CurrencyCode currency, YearMonth from, YearMonth to, string? by, IReadOnlyList<(string Label, ArrPeriod Bridge)> bridges)
    {
        ArgumentNullException.ThrowIfNull(bridges);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", currency.Value);
            w.WriteString("from", from.ToString());
            w.WriteString("to", to.ToString());
            if (by is null)
            {
                bridges[0].Bridge.WriteJson(w);
            }
            else
            {
                w.WriteString("by", by);
                w.WriteStartArray("groups");
                foreach (var (label, bridge) in bridges)
                {
                    w.WriteStartObject();
                    w.WriteString(by, label);
                    bridge.WriteJson(w);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        });
    }

    /// <summary>A header and one row per group (the group label leads when <paramref name="by"/> is set).</summary>
    public static void Csv(TextWriter output, string? by, IReadOnlyList<(string Label, ArrPeriod Bridge)> bridges)
    {
        ArgumentNullException.ThrowIfNull(bridges);
        CsvText.Row(output, [.. by is null ? Array.Empty<string>() : [by], .. ArrPeriod.FieldNames]);
        foreach (var (label, bridge) in bridges)
        {
            CsvText.Row(output, [.. by is null ? Array.Empty<string>() : [label], .. bridge.Values().Select(v => MonthFields.CsvValue(v.Kind, v.Value))]);
        }
    }
}
