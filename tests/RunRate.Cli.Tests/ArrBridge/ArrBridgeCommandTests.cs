using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.ArrBridge;

public sealed class ArrBridgeCommandTests
{
    [Fact]
    public void Seed_example_subscriptions_plus_maintenance_minus_cancellation_plus_new_is_11_3_million()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("import", Samples.Folder("seed-examples")).ExitCode);

        var json = cli.Run("arr-bridge", "--from", "2025-01", "--to", "2025-12", "--json").Json;

        Assert.Equal(11_000_000m, json.GetProperty("opening_arr").GetDecimal());
        Assert.Equal(10_000_000m, json.GetProperty("opening_subscription_arr").GetDecimal());
        Assert.Equal(1_000_000m, json.GetProperty("opening_addon_arr").GetDecimal());
        Assert.Equal(-200_000m, json.GetProperty("churn").GetDecimal());
        Assert.Equal(500_000m, json.GetProperty("new").GetDecimal());
        Assert.Equal(11_300_000m, json.GetProperty("closing_arr").GetDecimal());

        var afterCancellation = cli.Run("summary", "--month", "2025-06", "--json").Json.GetProperty("summary");
        Assert.Equal(11_500_000m - 200_000m, afterCancellation.GetProperty("arr").GetDecimal());
    }

    [Fact]
    public void The_bridge_balances_for_every_group_of_a_breakdown()
    {
        using var cli = new CliHarness();
        cli.Run("import", Samples.Folder("random-medium"));

        var groups = cli.Run("arr-bridge", "--from", "2024-01", "--to", "2025-06", "--by", "channel", "--json").Json.GetProperty("groups").EnumerateArray().ToList();

        Assert.NotEmpty(groups);
        foreach (var g in groups)
        {
            var sum = new[] { "opening_arr", "new", "expansion", "contraction", "churn", "reactivation" }.Sum(f => g.GetProperty(f).GetDecimal());
            Assert.InRange(g.GetProperty("closing_arr").GetDecimal() - sum, -0.05m, 0.05m); // each term rounded to cents
            Assert.Equal(g.GetProperty("opening_arr").GetDecimal(), g.GetProperty("opening_subscription_arr").GetDecimal() + g.GetProperty("opening_addon_arr").GetDecimal(), 2);
        }
    }

    [Fact]
    public void Table_reads_like_the_board_view()
    {
        using var cli = new CliHarness();
        cli.Run("import", Samples.Folder("seed-examples"));

        var console = cli.Run("arr-bridge", "--from", "2025-01", "--to", "2025-12").Console;

        Assert.Contains("Opening ARR", console, StringComparison.Ordinal);
        Assert.Contains("11,000,000.00", console, StringComparison.Ordinal);
        Assert.Contains("11,300,000.00", console, StringComparison.Ordinal);
        Assert.Contains("-200,000.00", console, StringComparison.Ordinal);
    }
}
