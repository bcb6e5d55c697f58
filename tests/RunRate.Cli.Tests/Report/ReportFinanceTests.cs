using System.Text.Json;
using ClosedXML.Excel;
using RunRate.Engine.Economics;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Engine.Valuation;
using RunRate.Reporting.Board;
using RunRate.Reporting.Economics;
using RunRate.Reporting.Forecast;
using RunRate.Reporting.Valuation;
using Shouldly;

namespace RunRate.Cli.Tests.Report;

/// <summary>
/// The bar for the forward-looking sheets: every figure of Forecast, Unit economics and Valuation equals
/// the JSON that <c>runrate forecast --as-of M</c>, <c>economics --from M−11 --to M</c> and
/// <c>valuation --month M</c> print, i.e. the Reporting writers over the engines with the CLI's defaults.
/// </summary>
public abstract class ReportFinanceTests(BoardFixture board)
{
    private YearMonth Month => YearMonth.Parse(board.Month);

    [Fact]
    public void Forecast_sheet_holds_every_figure_of_the_forecast_json()
    {
        var json = board.JsonOf("forecast", ["--as-of", board.Month, "--months", "12"],
            () => ForecastOutput.ToJson(ForecastEngine.Forecast(board.Ledger, board.Crm, new ForecastRequest(CurrencyCode.Usd, Month, 12))));
        var sheet = board.Workbook.Worksheet("Forecast");
        sheet.Cell(2, 2).ShouldMatch(json.GetProperty("arr"), "arr");
        sheet.Cell(3, 2).ShouldMatch(json.GetProperty("carr"), "carr");
        var row = XlsxForecastSheet.HeaderRow + 1;
        foreach (var h in json.GetProperty("history").EnumerateArray())
        {
            sheet.Cell(row, 1).ShouldMatchText(h.GetProperty("month"), "history month");
            sheet.Cell(row, 6).ShouldMatch(h.GetProperty("mrr"), $"history {h.GetProperty("month")} mrr");
            sheet.Cell(row++, 9).ShouldMatch(h.GetProperty("arr"), $"history {h.GetProperty("month")} arr");
        }

        var months = json.GetProperty("months").EnumerateArray().ToList();
        months.Count.ShouldBe(12);
        foreach (var m in months)
        {
            sheet.Cell(row, 1).ShouldMatchText(m.GetProperty("month"), "forecast month");
            for (var i = 0; i < XlsxForecastSheet.MonthFields.Length; i++)
            {
                var name = XlsxForecastSheet.MonthFields[i];
                sheet.Cell(row, 3 + i).ShouldMatch(m.GetProperty(name), $"forecast {m.GetProperty("month")} {name}");
            }

            row++;
        }

        var rates = sheet.RowOf(XlsxForecastSheet.RatesTitle) + 1;
        foreach (var r in json.GetProperty("rates").EnumerateArray())
        {
            sheet.Cell(rates, 1).ShouldMatchText(r.GetProperty("segment"), "segment");
            string[] names = ["mrr", "new_per_month", "reactivation_per_month", "expansion_rate", "contraction_rate", "churn_rate"];
            for (var i = 0; i < names.Length; i++)
            {
                sheet.Cell(rates, 2 + i).ShouldMatch(r.GetProperty(names[i]), $"rates {r.GetProperty("segment")} {names[i]}");
            }

            rates++;
        }

        var backtest = json.GetProperty("backtest");
        var mape = sheet.RowOf(XlsxForecastSheet.MapeTitle) + 1;
        foreach (var h in backtest.GetProperty("mape").EnumerateArray())
        {
            sheet.Cell(mape, 1).ShouldMatch(h.GetProperty("horizon"), "horizon");
            sheet.Cell(mape, 2).ShouldMatch(h.GetProperty("mape"), $"mape {h.GetProperty("horizon")}");
            sheet.Cell(mape++, 3).ShouldMatch(h.GetProperty("samples"), "samples");
        }

        var points = sheet.RowOf(XlsxForecastSheet.PointsTitle) + 1;
        foreach (var p in backtest.GetProperty("points").EnumerateArray())
        {
            var where = $"point {p.GetProperty("origin")}+{p.GetProperty("horizon")}";
            sheet.Cell(points, 1).ShouldMatchText(p.GetProperty("origin"), where);
            sheet.Cell(points, 2).ShouldMatch(p.GetProperty("horizon"), where);
            sheet.Cell(points, 4).ShouldMatch(p.GetProperty("forecast"), where);
            sheet.Cell(points, 5).ShouldMatch(p.GetProperty("actual"), where);
            sheet.Cell(points++, 6).ShouldMatch(p.GetProperty("ape"), where);
        }

        var skipped = sheet.RowOf(XlsxForecastSheet.SkippedTitle) + 1;
        foreach (var d in json.GetProperty("skipped_deals").EnumerateArray())
        {
            sheet.Cell(skipped, 1).ShouldMatchText(d.GetProperty("deal"), "deal");
            sheet.Cell(skipped++, 2).ShouldMatchText(d.GetProperty("reason"), "reason");
        }
    }

    [Fact]
    public void Unit_economics_sheet_holds_every_figure_of_the_economics_json_and_says_why_one_is_missing()
    {
        var json = board.JsonOf("economics", ["--from", board.From, "--to", board.Month],
            () => EconomicsOutput.ToJson(UnitEconomics.Compute(board.Ledger, new EconomicsRequest(CurrencyCode.Usd, Month.AddMonths(-11), Month))));
        var sheet = board.Workbook.Worksheet("Unit economics");
        var months = json.GetProperty("months").EnumerateArray().ToList();
        months.Count.ShouldBe(12);
        for (var r = 0; r < months.Count; r++)
        {
            var m = months[r];
            var row = XlsxFinanceSheets.EconomicsHeaderRow + 1 + r;
            sheet.Cell(row, 1).ShouldMatchText(m.GetProperty("month"), "month");
            for (var c = 1; c < XlsxFinanceSheets.EconomicsFields.Length; c++)
            {
                var name = XlsxFinanceSheets.EconomicsFields[c];
                var cell = sheet.Cell(row, c + 1);
                var where = $"{m.GetProperty("month")} {name}";
                if (m.TryGetProperty(name + "_missing", out var missing) && missing.ValueKind == JsonValueKind.String)
                {
                    m.GetProperty(name).ValueKind.ShouldBe(JsonValueKind.Null, where);
                    cell.ShouldMatchText(missing, where);
                }
                else if (m.GetProperty(name).ValueKind == JsonValueKind.Null && name is "cogs" or "sales_spend" or "marketing_spend" or "other_spend")
                {
                    cell.GetString().ShouldBe(XlsxFinanceSheets.NoCosts, where);
                }
                else
                {
                    cell.ShouldMatch(m.GetProperty(name), where);
                }
            }
        }

        var channels = json.GetProperty("channels").EnumerateArray().ToList();
        var first = sheet.RowOf(XlsxFinanceSheets.ChannelsTitle) + 1;
        for (var i = 0; i < channels.Count; i++)
        {
            var c = channels[i];
            var where = $"channel {c.GetProperty("channel")}";
            sheet.Cell(first + i, 1).ShouldMatchText(c.GetProperty("channel"), where);
            sheet.Cell(first + i, 2).ShouldMatch(c.GetProperty("spend"), where);
            sheet.Cell(first + i, 5).ShouldMatch(c.GetProperty("new_customers"), where);
            if (c.GetProperty("cac").ValueKind == JsonValueKind.Null)
            {
                sheet.Cell(first + i, 7).ShouldMatchText(c.GetProperty("cac_missing"), where);
            }
            else
            {
                sheet.Cell(first + i, 7).ShouldMatch(c.GetProperty("cac"), where);
            }
        }

        json.GetProperty("has_costs").GetBoolean().ShouldBe(HasCosts);
        if (!HasCosts)
        {
            sheet.Cell(2, 1).GetString().ShouldContain("No costs.csv");
            board.Html.ShouldContain("data-field=\"costs_missing\"");
        }
    }

    [Fact]
    public void Valuation_sheet_holds_every_figure_of_the_valuation_json()
    {
        var json = board.JsonOf("valuation", ["--month", board.Month], () => ValuationOutput.ToJson(ValuationEngine.Compute(board.Ledger, new ValuationRequest(CurrencyCode.Usd, Month))));
        var sheet = board.Workbook.Worksheet("Valuation");
        string[] top = ["arr", "growth", "nrr", "valuation"];
        for (var i = 0; i < top.Length; i++)
        {
            sheet.Cell(3 + i, 2).ShouldMatch(json.GetProperty(top[i]), top[i]);
        }

        var row = sheet.RowOf(XlsxFinanceSheets.HistoryTitle) + 1;
        foreach (var m in json.GetProperty("history").EnumerateArray())
        {
            sheet.Cell(row, 1).ShouldMatchText(m.GetProperty("month"), "history");
            for (var i = 0; i < top.Length; i++)
            {
                sheet.Cell(row, 2 + i).ShouldMatch(m.GetProperty(top[i]), $"history {m.GetProperty("month")} {top[i]}");
            }

            row++;
        }

        var grid = sheet.RowOf(XlsxFinanceSheets.SensitivityTitle) + 1;
        var nrr = json.GetProperty("nrr_values").EnumerateArray().ToList();
        var growth = json.GetProperty("growth_values").EnumerateArray().ToList();
        var sensitivity = json.GetProperty("sensitivity").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
        growth.Count.ShouldBe(5);
        for (var j = 0; j < nrr.Count; j++)
        {
            sheet.Cell(grid, 2 + j).ShouldMatch(nrr[j], $"nrr value {j}");
        }

        for (var i = 0; i < growth.Count; i++)
        {
            sheet.Cell(grid + 1 + i, 1).ShouldMatch(growth[i], $"growth value {i}");
            for (var j = 0; j < nrr.Count; j++)
            {
                sheet.Cell(grid + 1 + i, 2 + j).ShouldMatch(sensitivity[i][j], $"sensitivity {i},{j}");
            }
        }

        var limits = sheet.RowOf(XlsxFinanceSheets.LimitsTitle) + 1;
        foreach (var limit in json.GetProperty("limits").EnumerateArray())
        {
            sheet.Cell(limits++, 1).ShouldMatchText(limit, "limit");
        }
    }

    [Fact]
    public void Html_shows_the_forecast_economics_and_valuation_sections()
    {
        var valuation = ValuationEngine.Compute(board.Ledger, new ValuationRequest(CurrencyCode.Usd, Month));
        board.Html.ShouldContain("id=\"forecast\"");
        board.Html.ShouldContain("id=\"economics\"");
        board.Html.ShouldContain($"data-field=\"valuation\">{BoardText.Money(valuation.Valuation)}<");
        board.Html.ShouldContain("alt=\"Forecast ARR by month");
        board.Html.ShouldContain(System.Net.WebUtility.HtmlEncode(valuation.Limits[0]).Replace("&#215;", "×", StringComparison.Ordinal));
    }

    /// <summary>Whether the fixture's ledger has a costs.csv.</summary>
    protected abstract bool HasCosts { get; }
}

public sealed class SampleReportFinanceTests(SampleBoardFixture board) : ReportFinanceTests(board), IClassFixture<SampleBoardFixture>
{
    protected override bool HasCosts => false;
}

public sealed class DemoReportFinanceTests(DemoBoardFixture board) : ReportFinanceTests(board), IClassFixture<DemoBoardFixture>
{
    protected override bool HasCosts => true;

    [Fact]
    public void Demo_pipeline_and_costs_reach_the_workbook()
    {
        var forecast = board.Workbook.Worksheet("Forecast");
        var pipeline = Enumerable.Range(XlsxForecastSheet.HeaderRow + 1, 30).Select(r => forecast.Cell(r, 5)).Where(c => c.DataType == XLDataType.Number).Sum(c => c.GetValue<decimal>());
        pipeline.ShouldBeGreaterThan(0m);
        board.Workbook.Worksheet("Unit economics").Cell(XlsxFinanceSheets.EconomicsHeaderRow + 12, 12).DataType.ShouldBe(XLDataType.Number, "CAC of the last month");
    }
}
