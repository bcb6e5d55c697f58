using ClosedXML.Excel;

namespace RunRate.Reporting.Board;

/// <summary>
/// The board report as an Excel workbook: one sheet per part, real number formats, frozen header
/// rows and explicit column widths. Values are the engine's, rounded only as the JSON reports round them.
/// </summary>
public static class XlsxBoardWriter
{
    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    public static void Write(BoardReportData data, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"Board report {data.Request.Month} ({data.Request.Currency})";
        workbook.Properties.Author = "RunRate";
        XlsxLedgerSheets.Summary(workbook.Worksheets.Add("Summary"), data);
        XlsxLedgerSheets.Bridge(workbook.Worksheets.Add("Bridge"), data);
        XlsxLedgerSheets.Cohorts(workbook.Worksheets.Add("Cohorts"), data);
        XlsxLedgerSheets.Customers(workbook.Worksheets.Add("Customers"), data);
        XlsxForecastSheet.Write(workbook.Worksheets.Add("Forecast"), data);
        XlsxFinanceSheets.Economics(workbook.Worksheets.Add("Unit economics"), data);
        XlsxFinanceSheets.Valuation(workbook.Worksheets.Add("Valuation"), data);
        workbook.SaveAs(output);
    }

    /// <summary>The workbook as bytes.</summary>
    public static byte[] ToBytes(BoardReportData data)
    {
        using var buffer = new MemoryStream();
        Write(data, buffer);
        return buffer.ToArray();
    }
}
