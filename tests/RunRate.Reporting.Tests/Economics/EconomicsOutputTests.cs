using System.Text.Json;
using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Economics;
using Shouldly;

namespace RunRate.Reporting.Tests.Economics;

public sealed class EconomicsOutputTests
{
    private static readonly YearMonth March = new(2025, 3);

    /// <summary>Three customers, one churning; costs in March only (window 1).</summary>
    private static RevenueLedger Ledger(bool withCosts)
    {
        Customer[] customers = [new(new CustomerId("A"), Channel: "inbound"), new(new CustomerId("B")), new(new CustomerId("C"), Channel: "inbound")];
        RevenueLine[] lines =
        [
            Line("L1", "A", "2025-01-01", null, 100m),
            Line("L2", "B", "2025-01-01", "2025-03-10", 200m),
            Line("L3", "C", "2025-03-01", null, 50m),
        ];
        CostEntry[] costs =
        [
            new(March, CostCategory.Cogs, 70m, CurrencyCode.Usd, null),
            new(March, CostCategory.Marketing, 100m, CurrencyCode.Usd, "Inbound"),
            new(March, CostCategory.Sales, 0.005m, CurrencyCode.Usd, null),
        ];
        return new RevenueLedger(customers, lines, null, withCosts ? costs : null);
    }

    private static RevenueLine Line(string id, string customer, string start, string? end, decimal amount) =>
        new(new LineId(id), new CustomerId(customer), LineKind.Subscription, "Pro", DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), amount, 1m, CurrencyCode.Usd, 1);

    private static EconomicsReport Report(bool withCosts) =>
        UnitEconomics.Compute(Ledger(withCosts), new EconomicsRequest(CurrencyCode.Usd, March, March, 1));

    [Fact]
    public void Json_rounds_money_to_cents_keeps_ratios_unrounded_and_gives_each_figure_a_missing_sibling()
    {
        var json = EconomicsOutput.ToJson(Report(withCosts: true));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var month = root.GetProperty("months")[0];

        root.GetProperty("currency").GetString().ShouldBe("USD");
        root.GetProperty("window_months").GetInt32().ShouldBe(1);
        root.GetProperty("has_costs").GetBoolean().ShouldBeTrue();
        month.GetProperty("month").GetString().ShouldBe("2025-03");
        json.ShouldContain("\"revenue\":150.00"); // closing MRR A 100 + C 50
        json.ShouldContain("\"sales_spend\":0.01"); // 0.005 rounds half away from zero
        json.ShouldContain("\"gross_margin\":0.5333333333333333333333333333"); // (150 − 70) ÷ 150, unrounded
        month.GetProperty("gross_margin_missing").ValueKind.ShouldBe(JsonValueKind.Null);
        json.ShouldContain("\"cac\":100.01"); // 100.005 ÷ 1 new customer, rounded for display only
        month.GetProperty("customer_churn_rate").GetDecimal().ShouldBe(0.5m); // B of A, B
        month.GetProperty("new_customers").GetInt64().ShouldBe(1);
        month.GetProperty("arpa").GetDecimal().ShouldBe(75m);

        var inbound = root.GetProperty("channels")[0];
        inbound.GetProperty("channel").GetString().ShouldBe("inbound");
        inbound.GetProperty("spend").GetDecimal().ShouldBe(100m);
        inbound.GetProperty("cac").GetDecimal().ShouldBe(100m);
        var untagged = root.GetProperty("channels")[1];
        untagged.GetProperty("channel").GetString().ShouldBe(ChannelEconomics.Untagged);
        untagged.GetProperty("cac").ValueKind.ShouldBe(JsonValueKind.Null);
        untagged.GetProperty("cac_missing").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Without_costs_cost_figures_are_null_with_their_reason_never_zero()
    {
        using var document = JsonDocument.Parse(EconomicsOutput.ToJson(Report(withCosts: false)));
        var month = document.RootElement.GetProperty("months")[0];

        document.RootElement.GetProperty("has_costs").GetBoolean().ShouldBeFalse();
        foreach (var name in new[] { "cogs", "sales_spend", "marketing_spend", "other_spend", "gross_margin", "cac", "ltv", "ltv_to_cac", "payback_months" })
        {
            month.GetProperty(name).ValueKind.ShouldBe(JsonValueKind.Null, name);
        }

        month.GetProperty("gross_margin_missing").GetString().ShouldBe("needs costs.csv (cogs)");
        month.GetProperty("cac_missing").GetString().ShouldBe("needs costs.csv (sales, marketing)");
        month.GetProperty("customer_churn_rate").GetDecimal().ShouldBe(0.5m);
        document.RootElement.GetProperty("channels").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Csv_has_one_row_per_month_with_each_figure_and_its_reason()
    {
        var lines = EconomicsOutput.ToCsv(Report(withCosts: false)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe("month,revenue,cogs,sales_spend,marketing_spend,other_spend,new_customers,new_mrr,arpa,gross_margin,gross_margin_missing,customer_churn_rate,customer_churn_rate_missing,cac,cac_missing,ltv,ltv_missing,ltv_to_cac,ltv_to_cac_missing,payback_months,payback_months_missing");
        lines[1].ShouldBe("2025-03,150.00,,,,,1,50.00,75.00,,needs costs.csv (cogs),0.5,,,\"needs costs.csv (sales, marketing)\",,needs costs.csv (cogs),,needs costs.csv (cogs),,\"needs costs.csv (sales, marketing)\"");
        lines.Length.ShouldBe(2);
    }

    [Fact]
    public void Channel_csv_lists_spend_customers_and_cac()
    {
        using var text = new StringWriter();
        EconomicsOutput.ChannelsToCsv(text, Report(withCosts: true));

        text.ToString().ShouldBe(
            "channel,spend,sales_spend,marketing_spend,new_customers,new_mrr,cac,cac_missing\n" +
            "inbound,100.00,0.00,100.00,1,50.00,100.00,\n" +
            "(untagged),0.01,0.01,0.00,0,0.00,,untagged spend is shared by every channel; it counts only in the total CAC\n");
    }
}
