using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Summary;

public sealed class SummaryCommandTests
{
    [Fact]
    public void Valuation_sample_is_10_times_6_million_times_half_times_1_05()
    {
        using var cli = new CliHarness();
        cli.Run("import", Samples.Folder("valuation"));

        var s = cli.Run("summary", "--month", "2025-12", "--json").Json.GetProperty("summary");

        Assert.Equal(6_000_000m, s.GetProperty("arr").GetDecimal());
        Assert.Equal(0.5m, s.GetProperty("growth_yoy").GetDecimal());
        Assert.Equal(1.05m, s.GetProperty("nrr").GetDecimal());
        Assert.Equal(31_500_000m, s.GetProperty("valuation").GetDecimal());
    }

    [Fact]
    public void Default_month_is_the_current_month_of_the_clock()
    {
        using var cli = new CliHarness(new DateTimeOffset(2025, 12, 3, 0, 0, 0, TimeSpan.Zero));
        cli.Run("import", Samples.Folder("valuation"));

        var s = cli.Run("summary", "--json").Json.GetProperty("summary");

        Assert.Equal("2025-12", s.GetProperty("month").GetString());
        Assert.Equal(31_500_000m, s.GetProperty("valuation").GetDecimal());
    }

    [Fact]
    public void Card_shows_every_kpi()
    {
        using var cli = new CliHarness();
        cli.Run("import", Samples.Folder("valuation"));

        var console = cli.Run("summary", "--month", "2025-12").Console;

        foreach (var label in new[] { "ARR", "subscription", "add-on", "MRR", "Customers", "Growth YoY", "NRR", "GRR", "Customer churn", "ARPA", "Quick ratio", "Valuation", "31,500,000.00" })
        {
            Assert.Contains(label, console, StringComparison.Ordinal);
        }
    }
}
