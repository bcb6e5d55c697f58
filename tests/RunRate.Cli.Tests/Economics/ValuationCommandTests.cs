using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Economics;

/// <summary><c>runrate valuation</c> on the valuation sample: ARR 6M, growth 50 %, NRR 105 % in December 2025.</summary>
public sealed class ValuationCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public ValuationCommandTests() => Assert.Equal(0, _cli.Run("import", Samples.Folder("valuation")).ExitCode);

    [Fact]
    public void Valuation_is_the_summarys_and_the_grid_varies_growth_by_10_and_nrr_by_5_points()
    {
        var json = _cli.Run("valuation", "--month", "2025-12", "--json").Json;

        Assert.Equal(31_500_000m, json.GetProperty("valuation").GetDecimal());
        Assert.Equal(_cli.Run("summary", "--month", "2025-12", "--json").Json.GetProperty("summary").GetProperty("valuation").GetDecimal(), json.GetProperty("valuation").GetDecimal());
        Assert.Equal([0.3m, 0.4m, 0.5m, 0.6m, 0.7m], json.GetProperty("growth_values").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal([0.95m, 1.0m, 1.05m, 1.1m, 1.15m], json.GetProperty("nrr_values").EnumerateArray().Select(v => v.GetDecimal()));
        var grid = json.GetProperty("sensitivity");
        Assert.Equal(31_500_000m, grid[2][2].GetDecimal());
        Assert.Equal(17_100_000m, grid[0][0].GetDecimal());                      // 10 × 6M × 0.3 × 0.95
        Assert.Equal(12, json.GetProperty("history").GetArrayLength());
        Assert.NotEqual(0, json.GetProperty("limits").GetArrayLength());
    }

    [Fact]
    public void Steps_and_step_sizes_shape_the_grid_and_the_table_shows_it()
    {
        var json = _cli.Run("valuation", "--month", "2025-12", "--steps", "1", "--growth-step", "20", "--nrr-step", "2.5", "--json").Json;
        Assert.Equal([0.3m, 0.5m, 0.7m], json.GetProperty("growth_values").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal([1.025m, 1.05m, 1.075m], json.GetProperty("nrr_values").EnumerateArray().Select(v => v.GetDecimal()));

        var table = _cli.Run("valuation", "--month", "2025-12").Console;
        foreach (var text in new[] { "31,500,000.00", "Sensitivity", "105.0%", "Limit:" })
        {
            Assert.Contains(text, table, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_narrow_terminal_gets_a_compact_grid_without_wrapping()
    {
        _cli.Width = 80;

        var lines = _cli.Run("valuation", "--month", "2025-12").Console.Split('\n');

        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, l));
        Assert.Contains(lines, l => l.Contains("31.5M", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "--steps", "11" }, "--steps: expected a whole number from 0 to 10")]
    [InlineData(new[] { "--growth-step", "0" }, "--growth-step: expected a number above 0 and at most 100")]
    [InlineData(new[] { "--nrr-step", "abc" }, "--nrr-step: expected a number above 0 and at most 100 (percentage points of NRR between columns), found 'abc'")]
    [InlineData(new[] { "--month", "2025-1" }, "--month: expected a month YYYY-MM, found '2025-1'")]
    public void Bad_options_are_usage_errors_naming_the_option(string[] options, string message)
    {
        var result = _cli.Run(["valuation", .. options]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
