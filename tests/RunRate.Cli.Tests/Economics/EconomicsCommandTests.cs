using System.Text.Json;
using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Economics;

/// <summary>
/// <c>runrate economics</c> on a three-customer ledger: A (inbound) from January at 1,000 a month, B and C
/// (outbound) from February at 500 each; February costs cogs 400, outbound sales 4,000, untagged marketing 2,000.
/// </summary>
public sealed class EconomicsCommandTests : IDisposable
{
    private const string Customers = "customer_id,name,channel\nA,Alpha,inbound\nB,Beta,outbound\nC,Gamma,outbound\n";
    private const string Lines = "line_id,customer_id,kind,start_date,amount,currency,interval_months\n"
        + "LA,A,subscription,2025-01-01,1000,USD,1\nLB,B,subscription,2025-02-01,500,USD,1\nLC,C,subscription,2025-02-10,500,USD,1\n";

    private const string Costs = "month,category,amount,currency,channel,description\n"
        + "2025-01,cogs,200,USD,,hosting\n2025-01,marketing,3000,USD,inbound,ads\n"
        + "2025-02,cogs,400,USD,,hosting\n2025-02,sales,4000,USD,outbound,SDR\n2025-02,marketing,2000,USD,,brand\n";

    private readonly CliHarness _cli = new();

    [Fact]
    public void Without_costs_the_cost_figures_say_they_need_costs_csv_instead_of_zero()
    {
        Assert.Equal(0, _cli.Run("import", _cli.Ledger("plain", Customers, Lines)).ExitCode);

        var result = _cli.Run("economics", "--from", "2025-02", "--to", "2025-02", "--window", "1", "--json");
        var feb = result.Json.GetProperty("months")[0];

        Assert.Equal(0, result.ExitCode);
        Assert.False(result.Json.GetProperty("has_costs").GetBoolean());
        Assert.Equal(2000m, feb.GetProperty("revenue").GetDecimal());
        foreach (var figure in new[] { "gross_margin", "cac", "ltv", "ltv_to_cac", "payback_months" })
        {
            Assert.Equal(JsonValueKind.Null, feb.GetProperty(figure).ValueKind);
            Assert.Contains("costs.csv", feb.GetProperty(figure + "_missing").GetString(), StringComparison.Ordinal);
        }

        var table = _cli.Run("economics", "--from", "2025-02", "--to", "2025-02").Console;
        Assert.Contains("need costs.csv", table, StringComparison.Ordinal);
    }

    [Fact]
    public void With_costs_cac_margin_and_payback_are_the_hand_figures()
    {
        var folder = _cli.Ledger("costed", Customers, Lines);
        File.WriteAllText(Path.Combine(folder, "costs.csv"), Costs);
        Assert.Equal(0, _cli.Run("import", folder).ExitCode);

        var json = _cli.Run("economics", "--from", "2025-02", "--to", "2025-02", "--window", "1", "--json").Json;
        var feb = json.GetProperty("months")[0];

        Assert.True(json.GetProperty("has_costs").GetBoolean());
        Assert.Equal(0.8m, feb.GetProperty("gross_margin").GetDecimal());          // (2,000 − 400) ÷ 2,000
        Assert.Equal(3000m, feb.GetProperty("cac").GetDecimal());                  // (4,000 + 2,000) ÷ 2 new customers
        Assert.Equal(7.5m, feb.GetProperty("payback_months").GetDecimal());        // 6,000 ÷ (1,000 new MRR × 0.8)
        Assert.Equal(JsonValueKind.Null, feb.GetProperty("ltv").ValueKind);         // nobody churned: LTV has no bound
        Assert.False(string.IsNullOrEmpty(feb.GetProperty("ltv_missing").GetString()));
        var outbound = json.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "outbound");
        Assert.Equal(2000m, outbound.GetProperty("cac").GetDecimal());             // 4,000 ÷ 2

        var table = _cli.Run("economics", "--from", "2025-02", "--to", "2025-02", "--window", "1").Console;
        Assert.Contains("3,000.00", table, StringComparison.Ordinal);
        Assert.Contains("CAC by channel", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrow_terminal_gets_the_essential_columns_without_wrapping()
    {
        var folder = _cli.Ledger("costed", Customers, Lines);
        File.WriteAllText(Path.Combine(folder, "costs.csv"), Costs);
        Assert.Equal(0, _cli.Run("import", folder).ExitCode);
        _cli.Width = 80;

        var lines = _cli.Run("economics", "--from", "2025-01", "--to", "2025-02", "--window", "1").Console.Split('\n');

        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, l));
        Assert.Contains(lines, l => l.Contains("Margin", StringComparison.Ordinal) && l.Contains("Payback", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2025-02", StringComparison.Ordinal) && l.Contains("80.0%", StringComparison.Ordinal) && l.Contains("7.5 mo", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "--window", "0" }, "--window: expected a whole number from 1 to 36 (trailing months each figure pools), found '0'")]
    [InlineData(new[] { "--from", "2025-06", "--to", "2025-01" }, "--to 2025-01 is before --from 2025-06")]
    [InlineData(new[] { "--to", "25-01" }, "--to: expected a month YYYY-MM, found '25-01'")]
    public void Bad_options_are_usage_errors_naming_the_option(string[] options, string message)
    {
        Assert.Equal(0, _cli.Run("import", _cli.Ledger("plain", Customers, Lines)).ExitCode);

        var result = _cli.Run(["economics", .. options]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
