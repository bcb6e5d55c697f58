using ClosedXML.Excel;
using RunRate.Reporting.ArrBridge;
using RunRate.Reporting.Board;
using RunRate.Reporting.Common;
using Shouldly;

namespace RunRate.Cli.Tests.Report;

/// <summary>
/// The bar: every figure of the workbook equals the one the CLI's JSON reports print for the same
/// store and month (summary, mrr, arr-bridge, cohorts, customers).
/// </summary>
public abstract class ReportWorkbookTests(BoardFixture board)
{
    [Fact]
    public void Workbook_has_the_sheets_of_the_report_in_order()
    {
        board.Workbook.Worksheets.Select(s => s.Name).ShouldBe(["Summary", "Bridge", "Cohorts", "Customers", "Forecast", "Unit economics", "Valuation"]);
    }

    [Fact]
    public void Summary_sheet_holds_every_figure_of_runrate_summary()
    {
        var sheet = board.Workbook.Worksheet("Summary");
        var json = board.Json("summary", "--month", board.Month).GetProperty("summary");
        sheet.Cell(2, 2).GetString().ShouldBe(board.Month);
        foreach (var field in MonthFields.All)
        {
            var row = sheet.RowOf(BoardLabels.Of(field.Name), XlsxLedgerSheetsHeader + 1);
            sheet.Cell(row, 2).ShouldMatch(json.GetProperty(field.Name), $"Summary {field.Name}");
        }
    }

    [Fact]
    public void Summary_sheet_holds_the_arr_bridge_of_runrate_arr_bridge_for_the_twelve_months()
    {
        var sheet = board.Workbook.Worksheet("Summary");
        var json = board.Json("arr-bridge", "--from", board.From, "--to", board.Month);
        var header = sheet.RowOf($"ARR bridge {board.From}..{board.Month}");
        for (var i = 0; i < ArrPeriod.FieldNames.Length; i++)
        {
            var name = ArrPeriod.FieldNames[i];
            sheet.Cell(header + 1 + i, 1).GetString().ShouldBe(BoardLabels.Of(name));
            sheet.Cell(header + 1 + i, 2).ShouldMatch(json.GetProperty(name), $"ARR bridge {name}");
        }
    }

    [Fact]
    public void Bridge_sheet_holds_every_field_of_every_month_of_runrate_mrr()
    {
        var sheet = board.Workbook.Worksheet("Bridge");
        var months = board.Json("mrr", "--from", board.From, "--to", board.Month).GetProperty("months").EnumerateArray().ToList();
        months.Count.ShouldBe(12);
        for (var c = 0; c < MonthFields.All.Length; c++)
        {
            sheet.Cell(1, c + 2).GetString().ShouldBe(BoardLabels.Of(MonthFields.All[c].Name));
        }

        for (var r = 0; r < months.Count; r++)
        {
            sheet.Cell(r + 2, 1).GetString().ShouldBe(months[r].GetProperty("month").GetString());
            for (var c = 0; c < MonthFields.All.Length; c++)
            {
                var name = MonthFields.All[c].Name;
                sheet.Cell(r + 2, c + 2).ShouldMatch(months[r].GetProperty(name), $"Bridge {months[r].GetProperty("month")} {name}");
            }
        }

        sheet.Cell(months.Count + 2, 1).IsEmpty().ShouldBeTrue();
    }

    [Fact]
    public void Cohorts_sheet_holds_every_cohort_value_of_runrate_cohorts()
    {
        var sheet = board.Workbook.Worksheet("Cohorts");
        var cohorts = board.Json("cohorts", "--from", board.From, "--to", board.Month).GetProperty("cohorts").EnumerateArray().ToList();
        cohorts.Count.ShouldBeGreaterThan(3);
        foreach (var (title, property) in new[] { (CohortBlocks.RevenueRetention, "revenue_retention"), (CohortBlocks.LogoRetention, "logo_retention"), (CohortBlocks.Mrr, "mrr") })
        {
            var first = sheet.RowOf(title) + 1;
            for (var i = 0; i < cohorts.Count; i++)
            {
                var cohort = cohorts[i];
                var where = $"{title} {cohort.GetProperty("cohort")}";
                sheet.Cell(first + i, 1).GetString().ShouldBe(cohort.GetProperty("cohort").GetString(), where);
                sheet.Cell(first + i, 2).ShouldMatch(cohort.GetProperty("customers"), where + " customers");
                var values = cohort.GetProperty(property).EnumerateArray().ToList();
                for (var k = 0; k < values.Count; k++)
                {
                    sheet.Cell(first + i, 3 + k).ShouldMatch(values[k], $"{where} age {k}");
                }

                sheet.Cell(first + i, 3 + values.Count).IsEmpty().ShouldBeTrue(where);
            }
        }
    }

    [Fact]
    public void Customers_sheet_lists_every_customer_of_runrate_customers_in_its_order()
    {
        var sheet = board.Workbook.Worksheet("Customers");
        var json = board.Json("customers", "--month", board.Month);
        var customers = json.GetProperty("customers").EnumerateArray().ToList();
        customers.Count.ShouldBe(json.GetProperty("total").GetInt32());
        sheet.LastRowUsed()!.RowNumber().ShouldBe(customers.Count + 1);
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            var row = i + 2;
            for (var col = 0; col < CustomerColumns.Names.Count; col++)
            {
                var name = CustomerColumns.Names[col];
                var cell = sheet.Cell(row, col + 1);
                var where = $"{c.GetProperty("customer_id")} {name}";
                switch (name)
                {
                    case "mrr" or "arr":
                        cell.ShouldMatch(c.GetProperty(name), where);
                        break;
                    case "since" or "last_movement_date":
                        cell.ShouldMatchDate(c.GetProperty(name), where);
                        break;
                    default:
                        cell.ShouldMatchText(c.GetProperty(name), where);
                        break;
                }
            }
        }
    }

    [Fact]
    public void Figures_carry_real_number_formats_header_rows_are_frozen_and_widths_are_set()
    {
        var summary = board.Workbook.Worksheet("Summary");
        Format(summary, "arr").ShouldBe("#,##0.00");
        Format(summary, "nrr").ShouldBe("0.0%");
        Format(summary, "customers").ShouldBe("#,##0");
        Format(summary, "quick_ratio").ShouldBe("0.00");
        summary.SheetView.SplitRow.ShouldBe(XlsxLedgerSheetsHeader);
        foreach (var name in new[] { "Bridge", "Cohorts", "Customers" })
        {
            var sheet = board.Workbook.Worksheet(name);
            sheet.SheetView.SplitRow.ShouldBe(1, name);
            sheet.SheetView.SplitColumn.ShouldBeGreaterThanOrEqualTo(1, name);
            sheet.Column(1).Width.ShouldBeGreaterThan(9, name);
            sheet.Cell(1, 1).Style.Font.Bold.ShouldBeTrue(name);
        }

        board.Workbook.Worksheet("Bridge").Cell(2, 2).Style.NumberFormat.Format.ShouldBe("#,##0.00");
        board.Workbook.Worksheet("Customers").Cell(2, 8).Style.NumberFormat.Format.ShouldBe("yyyy-mm-dd");
    }

    [Fact]
    public void The_summary_card_lists_each_month_field_once()
    {
        BoardLabels.SummaryFields.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal)
            .ShouldBe(MonthFields.All.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    private const int XlsxLedgerSheetsHeader = 4;

    private static string Format(IXLWorksheet sheet, string field) =>
        sheet.Cell(sheet.RowOf(BoardLabels.Of(field), XlsxLedgerSheetsHeader + 1), 2).Style.NumberFormat.Format;

}

public sealed class SampleReportWorkbookTests(SampleBoardFixture board) : ReportWorkbookTests(board), IClassFixture<SampleBoardFixture>;

public sealed class DemoReportWorkbookTests(DemoBoardFixture board) : ReportWorkbookTests(board), IClassFixture<DemoBoardFixture>;
