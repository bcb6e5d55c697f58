using ClosedXML.Excel;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Board;
using RunRate.Storage.Sqlite;
using Shouldly;

namespace RunRate.Cli.Tests.Report;

/// <summary>The Forecast sheet and section hold the base forecast the engine makes from the report month for the same store.</summary>
public sealed class ReportForecastTests(BoardFixture board) : IClassFixture<BoardFixture>
{
    private readonly ForecastReport _expected = Forecast(board);

    [Fact]
    public void Forecast_sheet_holds_arr_carr_and_every_layer_of_every_month()
    {
        var sheet = board.Workbook.Worksheet("Forecast");
        Money(sheet.Cell(2, 2), _expected.Arr, "ARR");
        Money(sheet.Cell(3, 2), _expected.Carr, "CARR");
        sheet.Row(XlsxForecastSheet.HeaderRow).Cell(3).GetString().ShouldBe("Contracted MRR");
        var row = XlsxForecastSheet.HeaderRow + 1;
        foreach (var actual in _expected.History)
        {
            sheet.Cell(row, 1).GetString().ShouldBe(actual.Month.ToString());
            sheet.Cell(row, 2).GetString().ShouldBe("actual");
            Money(sheet.Cell(row, 6), actual.Mrr, $"{actual.Month} actual");
            row++;
        }

        _expected.Months.Count.ShouldBe(12);
        foreach (var m in _expected.Months)
        {
            var where = $"forecast {m.Month}";
            sheet.Cell(row, 1).GetString().ShouldBe(m.Month.ToString(), where);
            Exact[] values = [m.Contracted, m.Trend, m.Pipeline, m.Total, m.Low, m.High, m.Arr, m.Movements.New, m.Movements.Reactivation, m.Movements.Expansion, m.Movements.Decrease];
            for (var i = 0; i < values.Length; i++)
            {
                Money(sheet.Cell(row, 3 + i), values[i], $"{where} {XlsxForecastSheet.MonthColumns[2 + i]}");
            }

            row++;
        }
    }

    [Fact]
    public void Forecast_sheet_holds_the_rates_by_segment_and_the_backtest_error_by_horizon()
    {
        var sheet = board.Workbook.Worksheet("Forecast");
        var rates = sheet.RowOf(XlsxForecastSheet.RatesTitle) + 1;
        foreach (var s in _expected.Rates)
        {
            sheet.Cell(rates, 1).GetString().ShouldBe(s.Segment.Length == 0 ? "(none)" : s.Segment);
            Money(sheet.Cell(rates, 3), s.NewPerMonth, s.Segment);
            Ratio(sheet.Cell(rates, 7), s.ChurnRate, s.Segment);
            rates++;
        }

        var mape = sheet.RowOf(XlsxForecastSheet.MapeTitle) + 1;
        _expected.Backtest.ShouldNotBeNull();
        foreach (var h in _expected.Backtest.Mape)
        {
            sheet.Cell(mape, 1).GetValue<int>().ShouldBe(h.Horizon);
            Ratio(sheet.Cell(mape, 2), h.Mape, $"MAPE {h.Horizon}");
            sheet.Cell(mape, 3).GetValue<int>().ShouldBe(h.Samples);
            mape++;
        }
    }

    [Fact]
    public void Html_shows_the_forecast_chart_and_the_layers_of_the_last_month()
    {
        var last = _expected.Months[^1];
        board.Html.ShouldContain("id=\"forecast\"");
        board.Html.ShouldContain($"data-field=\"carr\">{BoardText.Money(_expected.Carr)}<");
        board.Html.ShouldContain($"data-field=\"arr\">{BoardText.Money(last.Arr)}<");
        board.Html.ShouldContain($"data-field=\"contracted\">{BoardText.Money(last.Contracted)}<");
        board.Html.ShouldContain("alt=\"Forecast ARR by month");
    }

    private static ForecastReport Forecast(BoardFixture board)
    {
        using var store = SqliteLedgerStore.Open(board.Cli.Db, create: false);
        return ForecastEngine.Forecast(store.Load(), store.Crm.Load(), new ForecastRequest(CurrencyCode.Usd, YearMonth.Parse(BoardFixture.Month), 12));
    }

    private static void Money(IXLCell cell, Exact value, string where)
    {
        cell.DataType.ShouldBe(XLDataType.Number, where);
        cell.GetValue<decimal>().ShouldBe(value.Round(), where);
    }

    private static void Ratio(IXLCell cell, Exact? value, string where)
    {
        if (value is not { } v)
        {
            cell.IsEmpty().ShouldBeTrue(where);
            return;
        }

        cell.GetDouble().ShouldBe((double)v.ToDecimal(), 1e-13 * Math.Max(1, Math.Abs((double)v.ToDecimal())), where);
    }
}
