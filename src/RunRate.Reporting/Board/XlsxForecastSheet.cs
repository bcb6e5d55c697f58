using ClosedXML.Excel;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;

namespace RunRate.Reporting.Board;

/// <summary>
/// The Forecast sheet: ARR and contracted ARR, then one row per actual month of the trend window and per
/// forecast month (layers in MRR, band, forecast ARR, the trend's movements), then the rates per
/// segment, the backtest's error per horizon and its points, and the open deals left out.
/// </summary>
internal static class XlsxForecastSheet
{
    /// <summary>Row of the months table's header.</summary>
    public const int HeaderRow = 5;

    /// <summary>Block titles below the months table.</summary>
    public const string RatesTitle = "Trend rates by segment (per month)";
    public const string MapeTitle = "Backtest: mean absolute percentage error by horizon";
    public const string PointsTitle = "Backtest points";
    public const string SkippedTitle = "Open deals left out of the pipeline layer";

    public static readonly string[] MonthColumns =
    [
        "Month", "Kind", "Contracted MRR", "Trend MRR", "Pipeline MRR", "Total MRR", "Low MRR", "High MRR", "Forecast ARR",
        "Trend new", "Trend reactivation", "Trend expansion", "Trend decrease",
    ];

    /// <summary>The JSON names (of <c>runrate forecast --json</c>'s months) of columns 3 onwards.</summary>
    public static readonly string[] MonthFields =
    [
        "contracted", "trend", "pipeline", "total", "low", "high", "arr", "trend_new", "trend_reactivation", "trend_expansion", "trend_decrease",
    ];

    public static void Write(IXLWorksheet sheet, BoardReportData data)
    {
        var f = data.Forecast;
        var r = f.Request;
        XlsxCells.Title(sheet.Cell(1, 1), $"Forecast from {r.AsOf}: {r.Months} months, trend of the last {r.WindowMonths} months by {r.SegmentBy}", 14);
        sheet.Cell(2, 1).SetValue($"ARR at {r.AsOf}");
        XlsxCells.Money(sheet.Cell(2, 2), f.Arr);
        sheet.Cell(3, 1).SetValue("Contracted ARR (CARR)");
        XlsxCells.Money(sheet.Cell(3, 2), f.Carr);
        XlsxCells.Header(sheet, HeaderRow, MonthColumns);
        var row = HeaderRow + 1;
        foreach (var actual in f.History)
        {
            sheet.Cell(row, 1).SetValue(actual.Month.ToString());
            sheet.Cell(row, 2).SetValue("actual");
            XlsxCells.Money(sheet.Cell(row, 6), actual.Mrr);
            XlsxCells.Money(sheet.Cell(row, 9), actual.Arr);
            row++;
        }

        foreach (var m in f.Months)
        {
            sheet.Cell(row, 1).SetValue(m.Month.ToString());
            sheet.Cell(row, 2).SetValue("forecast");
            Exact[] values = [m.Contracted, m.Trend, m.Pipeline, m.Total, m.Low, m.High, m.Arr, m.Movements.New, m.Movements.Reactivation, m.Movements.Expansion, m.Movements.Decrease];
            for (var i = 0; i < values.Length; i++)
            {
                XlsxCells.Money(sheet.Cell(row, 3 + i), values[i]);
            }

            row++;
        }

        row = Rates(sheet, f, row + 1);
        row = Backtest(sheet, f.Backtest, row + 1);
        XlsxCells.Header(sheet, row + 1, [SkippedTitle, "Reason"]);
        row += 2;
        foreach (var deal in f.SkippedDeals)
        {
            sheet.Cell(row, 1).SetValue(deal.Id.Value);
            sheet.Cell(row++, 2).SetValue(deal.Reason);
        }

        sheet.SheetView.FreezeRows(HeaderRow);
        XlsxCells.Widths(sheet, [34, 12, .. Enumerable.Repeat(XlsxCells.FigureWidth, MonthColumns.Length - 2)]);
    }

    private static int Rates(IXLWorksheet sheet, ForecastReport f, int row)
    {
        XlsxCells.Header(sheet, row++, [RatesTitle, "MRR", "New per month", "Reactivation per month", "Expansion rate", "Contraction rate", "Churn rate"]);
        foreach (var s in f.Rates)
        {
            sheet.Cell(row, 1).SetValue(s.Segment.Length == 0 ? "(none)" : s.Segment);
            XlsxCells.Money(sheet.Cell(row, 2), s.Mrr);
            XlsxCells.Money(sheet.Cell(row, 3), s.NewPerMonth);
            XlsxCells.Money(sheet.Cell(row, 4), s.ReactivationPerMonth);
            XlsxCells.Ratio(sheet.Cell(row, 5), s.ExpansionRate);
            XlsxCells.Ratio(sheet.Cell(row, 6), s.ContractionRate);
            XlsxCells.Ratio(sheet.Cell(row, 7), s.ChurnRate);
            row++;
        }

        return row;
    }

    private static int Backtest(IXLWorksheet sheet, Backtest? backtest, int row)
    {
        XlsxCells.Header(sheet, row++, [MapeTitle, "MAPE", "Samples"]);
        if (backtest is null)
        {
            sheet.Cell(row++, 1).SetValue("no backtest");
            return row;
        }

        foreach (var h in backtest.Mape)
        {
            XlsxCells.Count(sheet.Cell(row, 1), h.Horizon);
            XlsxCells.Ratio(sheet.Cell(row, 2), h.Mape);
            XlsxCells.Count(sheet.Cell(row, 3), h.Samples);
            row++;
        }

        XlsxCells.Header(sheet, row + 1, [PointsTitle, "Horizon", "Month", "Forecast MRR", "Actual MRR", "Absolute % error"]);
        row += 2;
        foreach (var p in backtest.Points)
        {
            sheet.Cell(row, 1).SetValue(p.Origin.ToString());
            XlsxCells.Count(sheet.Cell(row, 2), p.Horizon);
            sheet.Cell(row, 3).SetValue(p.Month.ToString());
            XlsxCells.Money(sheet.Cell(row, 4), p.Forecast);
            XlsxCells.Money(sheet.Cell(row, 5), p.Actual);
            XlsxCells.Ratio(sheet.Cell(row, 6), p.AbsolutePercentError);
            row++;
        }

        return row;
    }
}
