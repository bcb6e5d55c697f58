using ClosedXML.Excel;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Reporting.ArrBridge;
using RunRate.Reporting.Common;
using RunRate.Reporting.Customers;

namespace RunRate.Reporting.Board;

/// <summary>The workbook sheets computed from the ledger alone: Summary, Bridge, Cohorts, Customers.</summary>
internal static class XlsxLedgerSheets
{
    /// <summary>Where the Summary sheet's header row is (the rows above it say what the report is).</summary>
    public const int SummaryHeaderRow = 4;

    public static void Summary(IXLWorksheet sheet, BoardReportData data)
    {
        var request = data.Request;
        XlsxCells.Title(sheet.Cell(1, 1), $"Board report {request.Month} ({request.Currency})", 14);
        sheet.Cell(2, 1).SetValue("Month");
        sheet.Cell(2, 2).SetValue(request.Month.ToString());
        sheet.Cell(3, 1).SetValue("Currency");
        sheet.Cell(3, 2).SetValue(request.Currency.Value);
        XlsxCells.Header(sheet, SummaryHeaderRow, ["Figure", "Value"]);
        var row = SummaryHeaderRow + 1;
        foreach (var field in BoardLabels.SummaryFields)
        {
            sheet.Cell(row, 1).SetValue(BoardLabels.Of(field.Name));
            XlsxCells.Field(sheet.Cell(row, 2), field.Name, field.Kind, field.Value(data.Summary));
            row++;
        }

        row++;
        XlsxCells.Header(sheet, row++, [$"ARR bridge {request.From}..{request.Month}", "ARR"]);
        foreach (var (name, (kind, value)) in ArrPeriod.FieldNames.Zip(data.ArrBridge.Values()))
        {
            sheet.Cell(row, 1).SetValue(BoardLabels.Of(name));
            XlsxCells.Figure(sheet.Cell(row, 2), kind, value);
            row++;
        }

        sheet.SheetView.FreezeRows(SummaryHeaderRow);
        XlsxCells.Widths(sheet, 40, 20);
    }

    public static void Bridge(IXLWorksheet sheet, BoardReportData data)
    {
        XlsxCells.Header(sheet, 1, ["Month", .. MonthFields.All.Select(f => BoardLabels.Of(f.Name))]);
        var row = 2;
        foreach (var month in data.Bridge.Months)
        {
            sheet.Cell(row, 1).SetValue(month.Month.ToString());
            var column = 2;
            foreach (var field in MonthFields.All)
            {
                XlsxCells.Field(sheet.Cell(row, column++), field.Name, field.Kind, field.Value(month));
            }

            row++;
        }

        sheet.SheetView.Freeze(1, 1);
        XlsxCells.Widths(sheet, [10, .. MonthFields.All.Select(_ => XlsxCells.FigureWidth)]);
    }

    /// <summary>Three blocks under one header (cohort, customers, month 0, 1, …): revenue retention, logo retention, MRR.</summary>
    public static void Cohorts(IXLWorksheet sheet, BoardReportData data)
    {
        var cohorts = data.Bridge.Cohorts;
        var ages = cohorts.Count == 0 ? 1 : cohorts.Max(c => c.Mrr.Count);
        XlsxCells.Header(sheet, 1, ["Cohort", "Customers", .. Enumerable.Range(0, ages).Select(k => $"Month {k}")]);
        var row = 2;
        void Block(string title, FieldKind kind, Func<Engine.Metrics.CohortRow, IReadOnlyList<Exact?>> values)
        {
            XlsxCells.Title(sheet.Cell(row++, 1), title);
            foreach (var c in cohorts)
            {
                sheet.Cell(row, 1).SetValue(c.Cohort.ToString());
                XlsxCells.Count(sheet.Cell(row, 2), c.Customers);
                var series = values(c);
                for (var k = 0; k < series.Count; k++)
                {
                    XlsxCells.Figure(sheet.Cell(row, 3 + k), kind, series[k]);
                }

                row++;
            }

            row++;
        }

        Block(CohortBlocks.RevenueRetention, FieldKind.Ratio, c => c.RevenueRetention);
        Block(CohortBlocks.LogoRetention, FieldKind.Ratio, c => c.LogoRetention);
        Block(CohortBlocks.Mrr, FieldKind.Money, c => [.. c.Mrr.Select(v => (Exact?)v)]);
        sheet.SheetView.Freeze(1, 2);
        XlsxCells.Widths(sheet, [10, 11, .. Enumerable.Range(0, ages).Select(_ => 13d)]);
    }

    public static void Customers(IXLWorksheet sheet, BoardReportData data)
    {
        XlsxCells.Header(sheet, 1, [.. CustomerColumns.Names.Select(BoardLabels.Of)]);
        var row = 2;
        foreach (var s in data.Customers)
        {
            var c = s.Customer;
            XlsxCells.Text(sheet.Cell(row, 1), c.Id.Value);
            XlsxCells.Text(sheet.Cell(row, 2), c.Name);
            XlsxCells.Text(sheet.Cell(row, 3), CustomerList.StatusText(s.Status));
            XlsxCells.Text(sheet.Cell(row, 4), c.Segment);
            XlsxCells.Text(sheet.Cell(row, 5), c.Channel);
            XlsxCells.Text(sheet.Cell(row, 6), c.Country);
            XlsxCells.Text(sheet.Cell(row, 7), c.Owner);
            XlsxCells.Date(sheet.Cell(row, 8), s.Since);
            XlsxCells.Date(sheet.Cell(row, 9), s.LastMovement?.Date);
            XlsxCells.Text(sheet.Cell(row, 10), s.LastMovement?.Type.ToText());
            XlsxCells.Money(sheet.Cell(row, 11), s.Mrr);
            XlsxCells.Money(sheet.Cell(row, 12), s.Arr);
            row++;
        }

        sheet.SheetView.Freeze(1, 1);
        XlsxCells.Widths(sheet, 12, 28, 12, 14, 14, 9, 12, 12, 12, 14, 16, 16);
    }
}

/// <summary>The titles of the Cohorts sheet's blocks (and the HTML's tables).</summary>
public static class CohortBlocks
{
    public const string RevenueRetention = "Revenue retention";
    public const string LogoRetention = "Logo retention";
    public const string Mrr = "MRR";
}

/// <summary>The Customers sheet's columns, by JSON name, in order (those of <c>runrate customers --json</c>).</summary>
public static class CustomerColumns
{
    public static IReadOnlyList<string> Names { get; } =
        ["customer_id", "name", "status", "segment", "channel", "country", "owner", "since", "last_movement_date", "last_movement", "mrr", "arr"];
}
