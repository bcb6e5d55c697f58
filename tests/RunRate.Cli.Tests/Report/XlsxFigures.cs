using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using Shouldly;

namespace RunRate.Cli.Tests.Report;

/// <summary>Compares a workbook cell with the figure a JSON report gives for it.</summary>
internal static class XlsxFigures
{
    /// <summary>
    /// A JSON null is an empty cell; a number is a numeric cell with the same value: money and counts
    /// exactly (both are rounded to cents), ratios to the 15 significant digits a spreadsheet keeps.
    /// </summary>
    public static void ShouldMatch(this IXLCell cell, JsonElement expected, string where)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            cell.IsEmpty().ShouldBeTrue($"{where}: expected an empty cell for null, found '{cell.GetString()}'");
            return;
        }

        cell.DataType.ShouldBe(XLDataType.Number, where);
        var json = expected.GetDecimal();
        if (decimal.Round(json, 2) == json)
        {
            cell.GetValue<decimal>().ShouldBe(json, where);
        }
        else
        {
            var actual = cell.GetDouble();
            var tolerance = 1e-13 * Math.Max(1, Math.Abs((double)json));
            Math.Abs(actual - (double)json).ShouldBeLessThanOrEqualTo(tolerance, $"{where}: {actual.ToString("R", CultureInfo.InvariantCulture)} vs {json}");
        }
    }

    /// <summary>A JSON string (or null) against a text cell (or an empty one).</summary>
    public static void ShouldMatchText(this IXLCell cell, JsonElement expected, string where) =>
        cell.GetString().ShouldBe(expected.ValueKind == JsonValueKind.Null ? "" : expected.GetString(), where);

    /// <summary>A JSON date string (or null) against a date cell (or an empty one).</summary>
    public static void ShouldMatchDate(this IXLCell cell, JsonElement expected, string where)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            cell.IsEmpty().ShouldBeTrue(where);
            return;
        }

        cell.DataType.ShouldBe(XLDataType.DateTime, where);
        cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture).ShouldBe(expected.GetString(), where);
    }

    /// <summary>The row whose first cell reads <paramref name="label"/>, at or after <paramref name="from"/>.</summary>
    public static int RowOf(this IXLWorksheet sheet, string label, int from = 1)
    {
        var last = sheet.LastRowUsed()!.RowNumber();
        for (var row = from; row <= last; row++)
        {
            if (sheet.Cell(row, 1).GetString() == label)
            {
                return row;
            }
        }

        throw new ShouldAssertException($"no row '{label}' in sheet {sheet.Name} from row {from}");
    }
}
