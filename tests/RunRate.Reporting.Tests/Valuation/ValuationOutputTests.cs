using System.Text.Json;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Engine.Valuation;
using RunRate.Reporting.Valuation;
using Shouldly;

namespace RunRate.Reporting.Tests.Valuation;

public sealed class ValuationOutputTests
{
    /// <summary>The spec's example: ARR 5,000,000, growth 0.5, NRR 1.05 at 2025-12.</summary>
    private static ValuationReport SpecExample(string month = "2025-12")
    {
        Customer[] customers = [new(new CustomerId("A")), new(new CustomerId("B"))];
        RevenueLine[] lines =
        [
            Line("L1", "A", new DateOnly(2024, 1, 1), new DateOnly(2025, 6, 1), 10_000_000m, 36),
            Line("L2", "A", new DateOnly(2025, 6, 1), null, 3_500_000m, 12),
            Line("L3", "B", new DateOnly(2025, 3, 1), null, 1_500_000m, 12),
        ];
        return ValuationEngine.Compute(new RevenueLedger(customers, lines), new ValuationRequest(CurrencyCode.Usd, YearMonth.Parse(month)));
    }

    private static RevenueLine Line(string id, string customer, DateOnly start, DateOnly? end, decimal amount, int interval) =>
        new(new LineId(id), new CustomerId(customer), LineKind.Subscription, null, start, end, amount, 1m, CurrencyCode.Usd, interval);

    [Fact]
    public void Json_carries_the_figures_the_grid_and_the_limits()
    {
        var json = ValuationOutput.ToJson(SpecExample());
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        json.ShouldContain("\"arr\":5000000.00");
        json.ShouldContain("\"valuation\":26250000.00");
        root.GetProperty("growth").GetDecimal().ShouldBe(0.5m);
        root.GetProperty("nrr").GetDecimal().ShouldBe(1.05m);
        root.GetProperty("steps").GetInt32().ShouldBe(2);
        root.GetProperty("history").GetArrayLength().ShouldBe(12);
        root.GetProperty("history")[11].GetProperty("month").GetString().ShouldBe("2025-12");
        root.GetProperty("growth_values").EnumerateArray().Select(v => v.GetDecimal()).ShouldBe([0.3m, 0.4m, 0.5m, 0.6m, 0.7m]);
        root.GetProperty("nrr_values").EnumerateArray().Select(v => v.GetDecimal()).ShouldBe([0.95m, 1m, 1.05m, 1.1m, 1.15m]);
        root.GetProperty("sensitivity")[0][0].GetDecimal().ShouldBe(14_250_000m);
        root.GetProperty("sensitivity")[4][4].GetDecimal().ShouldBe(40_250_000m);
        root.GetProperty("limits")[0].GetString().ShouldNotBeNull().ShouldContain("rule of thumb");
    }

    [Fact]
    public void Without_a_year_ago_base_the_figures_are_null_and_the_grid_is_empty()
    {
        using var document = JsonDocument.Parse(ValuationOutput.ToJson(SpecExample("2024-06")));
        var root = document.RootElement;

        root.GetProperty("growth").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("valuation").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("sensitivity").GetArrayLength().ShouldBe(0);
        root.GetProperty("limits").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void Csv_lists_the_history_and_the_grid()
    {
        var history = ValuationOutput.ToCsv(SpecExample()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        history[0].ShouldBe("month,arr,growth,nrr,valuation");
        history[^1].ShouldBe("2025-12,5000000.00,0.5,1.05,26250000.00");
        history.Length.ShouldBe(13);

        using var grid = new StringWriter();
        ValuationOutput.SensitivityToCsv(grid, SpecExample());
        var rows = grid.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows[0].ShouldBe("growth,nrr 0.95,nrr 1,nrr 1.05,nrr 1.1,nrr 1.15");
        rows[3].ShouldBe("0.5,23750000.00,25000000.00,26250000.00,27500000.00,28750000.00");
    }
}
