using ClosedXML.Excel;
using RunRate.Engine.Economics;
using RunRate.Engine.Primitives;

namespace RunRate.Reporting.Board;

/// <summary>
/// The Unit economics and Valuation sheets. A unit-economics figure that cannot be computed (no
/// costs.csv, no churn in the window…) is written as the reason, in grey italics, never as 0.
/// </summary>
internal static class XlsxFinanceSheets
{
    public const int EconomicsHeaderRow = 4;
    public const string ChannelsTitle = "Acquisition by channel (window ending at the report month)";
    public const string HistoryTitle = "Month";
    public const string SensitivityTitle = "Sensitivity: growth (rows) × NRR (columns)";
    public const string LimitsTitle = "Limits of the rule";

    public static readonly string[] EconomicsColumns =
    [
        "Month", "Revenue", "COGS", "Sales spend", "Marketing spend", "Other spend", "New customers", "New MRR", "ARPA",
        "Gross margin", "Customer churn rate", "CAC", "LTV", "LTV:CAC", "Payback months",
    ];

    /// <summary>The JSON names (of <c>runrate economics --json</c>'s months) of the columns, in order.</summary>
    public static readonly string[] EconomicsFields =
    [
        "month", "revenue", "cogs", "sales_spend", "marketing_spend", "other_spend", "new_customers", "new_mrr", "arpa",
        "gross_margin", "customer_churn_rate", "cac", "ltv", "ltv_to_cac", "payback_months",
    ];

    /// <summary>What a cost cell says when costs.csv has no row for the month.</summary>
    public const string NoCosts = "no costs";

    public static void Economics(IXLWorksheet sheet, BoardReportData data)
    {
        var e = data.Economics;
        XlsxCells.Title(sheet.Cell(1, 1), $"Unit economics {e.Request.From}..{e.Request.To} ({e.Currency}), each figure pooled over {e.Request.WindowMonths} months", 14);
        sheet.Cell(2, 1).SetValue(e.HasCosts
            ? "Costs from costs.csv, converted at the rate in force on each month's first day."
            : "No costs.csv in this ledger: gross margin, CAC, LTV, LTV:CAC and payback need it; those cells say so instead of showing 0.");
        XlsxCells.Header(sheet, EconomicsHeaderRow, EconomicsColumns);
        var row = EconomicsHeaderRow + 1;
        foreach (var m in e.Months)
        {
            sheet.Cell(row, 1).SetValue(m.Month.ToString());
            XlsxCells.Money(sheet.Cell(row, 2), m.Revenue);
            Cost(sheet.Cell(row, 3), m.Cogs);
            Cost(sheet.Cell(row, 4), m.SalesSpend);
            Cost(sheet.Cell(row, 5), m.MarketingSpend);
            Cost(sheet.Cell(row, 6), m.OtherSpend);
            XlsxCells.Count(sheet.Cell(row, 7), m.NewCustomers);
            XlsxCells.Money(sheet.Cell(row, 8), m.NewMrr);
            XlsxCells.Money(sheet.Cell(row, 9), m.Arpa);
            Figure(sheet.Cell(row, 10), m.GrossMargin, XlsxCells.RatioFormat);
            Figure(sheet.Cell(row, 11), m.CustomerChurnRate, XlsxCells.RatioFormat);
            Figure(sheet.Cell(row, 12), m.Cac, XlsxCells.MoneyFormat);
            Figure(sheet.Cell(row, 13), m.Ltv, XlsxCells.MoneyFormat);
            Figure(sheet.Cell(row, 14), m.LtvToCac, XlsxCells.MultipleFormat);
            Figure(sheet.Cell(row, 15), m.PaybackMonths, "0.0");
            row++;
        }

        XlsxCells.Header(sheet, ++row, [ChannelsTitle, "Spend", "Sales spend", "Marketing spend", "New customers", "New MRR", "CAC"]);
        row++;
        if (e.Channels.Count == 0)
        {
            Reason(sheet.Cell(row, 1), e.Months.Count > 0 ? e.Months[^1].Cac.Missing ?? "no acquisition in the window" : "no months");
        }

        foreach (var c in e.Channels)
        {
            sheet.Cell(row, 1).SetValue(c.Channel);
            XlsxCells.Money(sheet.Cell(row, 2), c.Spend);
            XlsxCells.Money(sheet.Cell(row, 3), c.SalesSpend);
            XlsxCells.Money(sheet.Cell(row, 4), c.MarketingSpend);
            XlsxCells.Count(sheet.Cell(row, 5), c.NewCustomers);
            XlsxCells.Money(sheet.Cell(row, 6), c.NewMrr);
            Figure(sheet.Cell(row, 7), c.Cac, XlsxCells.MoneyFormat);
            row++;
        }

        sheet.SheetView.Freeze(EconomicsHeaderRow, 1);
        XlsxCells.Widths(sheet, [30, .. Enumerable.Repeat(XlsxCells.FigureWidth, EconomicsColumns.Length - 1)]);
    }

    public static void Valuation(IXLWorksheet sheet, BoardReportData data)
    {
        var v = data.Valuation;
        XlsxCells.Title(sheet.Cell(1, 1), $"Valuation {v.Request.Month} ({v.Currency}): 10 × ARR × growth × NRR", 14);
        XlsxCells.Header(sheet, 2, ["Figure", "Value"]);
        (string Label, Exact? Value, string Format)[] figures =
        [
            ("ARR", v.Arr, XlsxCells.MoneyFormat), ("Growth YoY", v.Growth, XlsxCells.RatioFormat),
            ("NRR", v.Nrr, XlsxCells.RatioFormat), ("Valuation", v.Valuation, XlsxCells.MoneyFormat),
        ];
        var row = 3;
        foreach (var (label, value, format) in figures)
        {
            sheet.Cell(row, 1).SetValue(label);
            Value(sheet.Cell(row++, 2), value, format);
        }

        XlsxCells.Header(sheet, ++row, [HistoryTitle, "ARR", "Growth YoY", "NRR", "Valuation"]);
        row++;
        foreach (var m in v.History)
        {
            sheet.Cell(row, 1).SetValue(m.Month.ToString());
            XlsxCells.Money(sheet.Cell(row, 2), m.Arr);
            XlsxCells.Ratio(sheet.Cell(row, 3), m.Growth);
            XlsxCells.Ratio(sheet.Cell(row, 4), m.Nrr);
            XlsxCells.Money(sheet.Cell(row, 5), m.Valuation);
            row++;
        }

        XlsxCells.Title(sheet.Cell(++row, 1), SensitivityTitle);
        row++;
        if (v.GrowthValues.Count == 0)
        {
            Reason(sheet.Cell(row++, 1), "no grid: growth or NRR does not exist for this month");
        }
        else
        {
            sheet.Cell(row, 1).SetValue("Growth \\ NRR");
            for (var j = 0; j < v.NrrValues.Count; j++)
            {
                XlsxCells.Ratio(sheet.Cell(row, 2 + j), v.NrrValues[j]);
                sheet.Cell(row, 2 + j).Style.Font.Bold = true;
            }

            row++;
            for (var i = 0; i < v.GrowthValues.Count; i++)
            {
                XlsxCells.Ratio(sheet.Cell(row, 1), v.GrowthValues[i]);
                sheet.Cell(row, 1).Style.Font.Bold = true;
                for (var j = 0; j < v.NrrValues.Count; j++)
                {
                    XlsxCells.Money(sheet.Cell(row, 2 + j), v.Sensitivity[i][j]);
                }

                row++;
            }
        }

        XlsxCells.Title(sheet.Cell(++row, 1), LimitsTitle);
        foreach (var limit in v.Limits)
        {
            sheet.Cell(++row, 1).SetValue(limit);
        }

        sheet.SheetView.FreezeRows(2);
        XlsxCells.Widths(sheet, [24, .. Enumerable.Repeat(18d, Math.Max(4, v.NrrValues.Count))]);
    }

    private static void Cost(IXLCell cell, Exact? value)
    {
        if (value is null)
        {
            Reason(cell, NoCosts);
            return;
        }

        XlsxCells.Money(cell, value);
    }

    private static void Figure(IXLCell cell, Figure figure, string format)
    {
        if (figure.Value is null)
        {
            Reason(cell, figure.Missing ?? "missing");
            return;
        }

        Value(cell, figure.Value, format);
    }

    private static void Value(IXLCell cell, Exact? value, string format)
    {
        if (value is not { } v)
        {
            return;
        }

        cell.Value = format == XlsxCells.MoneyFormat ? v.Round() : v.ToDecimal();
        cell.Style.NumberFormat.Format = format;
    }

    private static void Reason(IXLCell cell, string reason)
    {
        cell.SetValue(reason);
        cell.Style.Font.Italic = true;
        cell.Style.Font.FontColor = XLColor.FromHtml("#6B7280");
    }
}
