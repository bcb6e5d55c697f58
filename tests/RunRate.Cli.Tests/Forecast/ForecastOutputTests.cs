using System.Globalization;
using System.Text.Json;
using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Forecast;
using Shouldly;

namespace RunRate.Cli.Tests.Forecast;

/// <summary>
/// The forecast's JSON and CSV writers (the CLI and the API print exactly these). A: 100 from
/// Nov 2024 in "smb" plus a 50 add-on from Feb 2025; B: 10 a quarter (10/3 a month) from Dec 2024,
/// no segment. As of 2025-03 with a 3-month window: smb's expansion rate is 50 ÷ 350 = 1/7, so April's
/// trend is 150 ÷ 7 = 21.428… → 21.43 on a contracted 153.333….
/// </summary>
public sealed class ForecastOutputTests
{
    private static readonly CurrencyCode Usd = CurrencyCode.Usd;

    private static ForecastReport Report(ScenarioRules? rules = null, bool backtest = true)
    {
        var ledger = new RevenueLedger(
            [new Customer(new CustomerId("A"), Segment: "smb"), new Customer(new CustomerId("B"))],
            [
                Line("L1", "A", LineKind.Subscription, "2024-11-01", 100m, 1),
                Line("L2", "A", LineKind.Addon, "2025-02-01", 50m, 1),
                Line("L3", "B", LineKind.Subscription, "2024-12-01", 10m, 3),
            ]);
        var late = new Deal(new DealId("D9"), new CustomerId("A"), "later", "proposal", 1200m, Usd, DealKind.Expansion,
            Day("2026-01-15"), null, null, null, Day("2025-01-01"), [new StageChange("proposal", Day("2025-01-01"))]);
        var crm = CrmData.Empty with { Deals = [late] };
        return ForecastEngine.Forecast(ledger, crm, new ForecastRequest(Usd, YearMonth.Parse("2025-03"), 2, 3, Rules: rules, Backtest: backtest));
    }

    [Fact]
    public void Json_writes_money_to_the_cent_and_rates_unrounded()
    {
        using var json = JsonDocument.Parse(ForecastOutput.ToJson(Report()));
        var root = json.RootElement;

        root.GetProperty("currency").GetString().ShouldBe("USD");
        root.GetProperty("as_of").GetString().ShouldBe("2025-03");
        root.GetProperty("months_ahead").GetInt32().ShouldBe(2);
        root.GetProperty("window_months").GetInt32().ShouldBe(3);
        root.GetProperty("arr").GetDecimal().ShouldBe(1840.00m); // 12 × 153.333…
        var april = root.GetProperty("months")[0];
        april.GetProperty("month").GetString().ShouldBe("2025-04");
        april.GetProperty("contracted").GetDecimal().ShouldBe(153.33m);
        april.GetProperty("trend").GetDecimal().ShouldBe(21.43m);
        april.GetProperty("total").GetDecimal().ShouldBe(174.76m);
        april.GetProperty("arr").GetDecimal().ShouldBe(2097.16m);
        april.GetProperty("trend_expansion").GetDecimal().ShouldBe(21.43m);
        var rates = root.GetProperty("rates");
        rates[0].GetProperty("segment").GetString().ShouldBe(ForecastOutput.NoSegment);
        rates[1].GetProperty("segment").GetString().ShouldBe("smb");
        rates[1].GetProperty("expansion_rate").GetDecimal().ShouldBe(1m / 7m);
        rates[1].GetProperty("high").GetProperty("expansion_rate").GetDecimal().ShouldBe(0.5m); // February: 50 on 100
        root.GetProperty("skipped_deals")[0].GetProperty("deal").GetString().ShouldBe("D9");
        root.GetProperty("scenario").GetProperty("churn_points").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Json_backtest_is_null_when_not_requested_and_mape_is_null_without_samples()
    {
        using var without = JsonDocument.Parse(ForecastOutput.ToJson(Report(backtest: false)));
        without.RootElement.GetProperty("backtest").ValueKind.ShouldBe(JsonValueKind.Null);

        using var with = JsonDocument.Parse(ForecastOutput.ToJson(Report()));
        var backtest = with.RootElement.GetProperty("backtest");
        backtest.GetProperty("points").GetArrayLength().ShouldBe(3); // only 2024-12 is after the first line
        var mape = backtest.GetProperty("mape").EnumerateArray().ToList();
        mape.Count.ShouldBe(12);
        mape[0].GetProperty("samples").GetInt32().ShouldBe(1);
        mape[0].GetProperty("mape").ValueKind.ShouldBe(JsonValueKind.Number);
        mape[3].GetProperty("mape").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Compare_json_puts_the_scenarios_side_by_side_in_order()
    {
        var rules = new ScenarioRules { PricePercent = 10m, PriceFrom = YearMonth.Parse("2025-05") };
        using var json = JsonDocument.Parse(ForecastOutput.CompareJson([("base", Report()), ("price", Report(rules))]));
        var scenarios = json.RootElement.GetProperty("scenarios").EnumerateArray().ToList();

        scenarios.Select(s => s.GetProperty("name").GetString()).ShouldBe(["base", "price"]);
        scenarios[1].GetProperty("scenario").GetProperty("price_percent").GetDecimal().ShouldBe(10m);
        scenarios[1].GetProperty("scenario").GetProperty("price_from").GetString().ShouldBe("2025-05");
        scenarios[1].GetProperty("months")[0].GetProperty("total").GetDecimal().ShouldBe(scenarios[0].GetProperty("months")[0].GetProperty("total").GetDecimal());
        scenarios[1].GetProperty("months")[1].GetProperty("contracted").GetDecimal().ShouldBe(168.67m); // 153.333… × 1.1
    }

    [Fact]
    public void Csv_is_one_row_per_figure()
    {
        var lines = ForecastOutput.ToCsv(Report()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        lines[0].ShouldBe("section,key,metric,value");
        lines.ShouldContain("summary,2025-03,carr,1840.00");
        lines.ShouldContain("forecast,2025-04,trend,21.43");
        lines.ShouldContain("forecast,2025-04,total,174.76");
        lines.ShouldContain("rates,smb,expansion_rate," + (1m / 7m).ToString(CultureInfo.InvariantCulture));
        lines.ShouldContain("rates,(none),mrr,3.33");
        lines.ShouldContain("mape,4,mape,");
        lines.ShouldContain(l => l.StartsWith("skipped_deals,D9,reason,", StringComparison.Ordinal));
        ForecastOutput.CompareCsv([("base", Report())]).Split('\n')[0].TrimEnd('\r').ShouldBe("scenario,section,key,metric,value");
    }

    [Fact]
    public void Writers_are_deterministic_to_the_byte()
    {
        ForecastOutput.ToJson(Report()).ShouldBe(ForecastOutput.ToJson(Report()));
        ForecastOutput.ToCsv(Report()).ShouldBe(ForecastOutput.ToCsv(Report()));
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RevenueLine Line(string id, string customer, LineKind kind, string start, decimal amount, int interval) =>
        new(new LineId(id), new CustomerId(customer), kind, null, Day(start), null, amount, 1m, Usd, interval);
}
