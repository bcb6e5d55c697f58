using ClosedXML.Excel;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Board;

/// <summary>
/// How the workbook writes a figure: real numbers with real formats (money <c>#,##0.00</c> rounded to
/// cents half away from zero, ratios <c>0.0%</c> unrounded, counts <c>#,##0</c>), and an empty cell
/// where the figure does not exist, so a spreadsheet formula never mistakes "none" for 0.
/// </summary>
internal static class XlsxCells
{
    public const string MoneyFormat = "#,##0.00";
    public const string RatioFormat = "0.0%";
    public const string CountFormat = "#,##0";
    public const string DateFormat = "yyyy-mm-dd";
    public const string MultipleFormat = "0.00";

    /// <summary>Column width (in characters) of figures.</summary>
    public const double FigureWidth = 16;

    /// <summary>A figure of the named JSON field (multiples such as the quick ratio read 0.00, not %).</summary>
    public static void Field(IXLCell cell, string name, FieldKind kind, Exact? value)
    {
        Figure(cell, kind, value);
        if (value is not null && kind == FieldKind.Ratio && BoardLabels.IsMultiple(name))
        {
            cell.Style.NumberFormat.Format = MultipleFormat;
        }
    }

    public static void Figure(IXLCell cell, FieldKind kind, Exact? value)
    {
        if (value is not { } v)
        {
            return;
        }

        switch (kind)
        {
            case FieldKind.Money:
                cell.Value = v.Round();
                cell.Style.NumberFormat.Format = MoneyFormat;
                break;
            case FieldKind.Count:
                cell.Value = (long)v.Numerator;
                cell.Style.NumberFormat.Format = CountFormat;
                break;
            default:
                cell.Value = v.ToDecimal();
                cell.Style.NumberFormat.Format = RatioFormat;
                break;
        }
    }

    public static void Money(IXLCell cell, Exact? value) => Figure(cell, FieldKind.Money, value);

    public static void Ratio(IXLCell cell, Exact? value) => Figure(cell, FieldKind.Ratio, value);

    public static void Count(IXLCell cell, long value) => Figure(cell, FieldKind.Count, value);

    /// <summary>A plain decimal with its own format (a number of months, a multiple).</summary>
    public static void Number(IXLCell cell, Exact? value, string format)
    {
        if (value is { } v)
        {
            cell.Value = v.Round();
            cell.Style.NumberFormat.Format = format;
        }
    }

    public static void Text(IXLCell cell, string? value)
    {
        if (value is not null)
        {
            cell.SetValue(value);
        }
    }

    public static void Date(IXLCell cell, DateOnly? value)
    {
        if (value is { } d)
        {
            cell.Value = d.ToDateTime(TimeOnly.MinValue);
            cell.Style.NumberFormat.Format = DateFormat;
        }
    }

    /// <summary>A bold header row from column 1, with a fill, frozen above the data.</summary>
    public static void Header(IXLWorksheet sheet, int row, IEnumerable<string> titles)
    {
        var column = 1;
        foreach (var title in titles)
        {
            var cell = sheet.Cell(row, column++);
            cell.SetValue(title);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EAF6");
            cell.Style.Alignment.WrapText = true;
        }
    }

    /// <summary>A bold section title in column 1.</summary>
    public static void Title(IXLCell cell, string text, double size = 11)
    {
        cell.SetValue(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = size;
    }

    /// <summary>Explicit widths: AdjustToContents needs GDI+ fonts, which a Linux server does not have.</summary>
    public static void Widths(IXLWorksheet sheet, params double[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
    }
}
