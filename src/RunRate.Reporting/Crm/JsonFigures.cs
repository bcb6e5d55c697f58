using System.Text.Json;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Crm;

/// <summary>Named figures with the same rounding as every other report: money to cents, ratios unrounded.</summary>
internal static class JsonFigures
{
    public static void Money(Utf8JsonWriter w, string name, Exact? value)
    {
        w.WritePropertyName(name);
        MonthFields.WriteValue(w, FieldKind.Money, value);
    }

    public static void Ratio(Utf8JsonWriter w, string name, Exact? value)
    {
        w.WritePropertyName(name);
        MonthFields.WriteValue(w, FieldKind.Ratio, value);
    }

    public static string Money(Exact? value) => MonthFields.CsvValue(FieldKind.Money, value);

    public static string Ratio(Exact? value) => MonthFields.CsvValue(FieldKind.Ratio, value);
}
