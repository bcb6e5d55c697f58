using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Forecast;

/// <summary><c>runrate scenario save|list|delete</c> and scenarios in <c>runrate forecast</c>.</summary>
public sealed class ScenarioCommandTests : IDisposable
{
    private const string Empty = "{\"scenarios\":[]}\n";
    private readonly CliHarness _cli = new();

    public ScenarioCommandTests() => Assert.Equal(0, _cli.Run("import", Samples.Folder("random-small")).ExitCode);

    [Fact]
    public void A_scenario_is_saved_listed_replaced_and_deleted()
    {
        var saved = _cli.Run("scenario", "save", "bear case", "--churn-points", "1", "--new-percent", "-20", "--json");
        Assert.Equal(0, saved.ExitCode);
        Assert.Equal(
            "{\"name\":\"bear case\",\"churn_points\":1,\"new_percent\":-20,\"expansion_percent\":null,\"price_percent\":null,\"price_from\":null,\"pipeline_percent\":null}\n",
            saved.Output);

        var price = _cli.Run("scenario", "save", "Price +5", "--price-percent", "+5", "--price-from", "2026-07");
        Assert.Equal(0, price.ExitCode);
        Assert.Contains("Saved scenario Price +5: price +5 % from 2026-07.", price.Console, StringComparison.Ordinal);

        var list = _cli.Run("scenario", "list", "--json").Json.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["bear case", "Price +5"], list);
        Assert.Contains("churn +1 pt/month · new business -20 %", _cli.Run("scenario", "list").Console, StringComparison.Ordinal);

        var replaced = _cli.Run("scenario", "save", "BEAR CASE", "--churn-points", "2");
        Assert.Contains("Replaced scenario BEAR CASE: churn +2 pt/month.", replaced.Console, StringComparison.Ordinal);
        Assert.Equal(2, _cli.Run("scenario", "list", "--json").Json.GetProperty("scenarios").GetArrayLength());

        var deleted = _cli.Run("scenario", "delete", "bear CASE");
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal(["Price +5"], _cli.Run("scenario", "list", "--json").Json.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        var again = _cli.Run("scenario", "delete", "bear case");
        Assert.Equal(ExitCodes.NotFound, again.ExitCode);
        Assert.Contains("NAME: no saved scenario named 'bear case'", again.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "base", "--churn-points", "1" }, "NAME: 'base' is reserved for the forecast without a scenario")]
    [InlineData(new[] { "a/b" }, "NAME: may hold letters, digits, spaces and - _ . + ( ) only, found 'a/b'")]
    [InlineData(new[] { "x", "--churn-points", "1,5" }, "--churn-points: expected a decimal number with '.' and no thousands separator, found '1,5'")]
    [InlineData(new[] { "x", "--new-percent", "-101" }, "--new-percent: must be from -100 to 1000 (percent), found -101")]
    [InlineData(new[] { "x", "--price-from", "2026-07" }, "--price-from: only applies together with price_percent")]
    [InlineData(new[] { "x", "--price-percent", "5", "--price-from", "July" }, "--price-from: expected a month YYYY-MM, found 'July'")]
    public void A_bad_scenario_is_invalid_data_naming_the_option_and_nothing_is_saved(string[] args, string message)
    {
        var result = _cli.Run(["scenario", "save", .. args]);

        Assert.Equal(ExitCodes.InvalidData, result.ExitCode);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
        Assert.Equal(Empty, _cli.Run("scenario", "list", "--json").Output);
    }

    [Fact]
    public void One_scenario_is_forecast_alone_and_several_side_by_side_after_the_base()
    {
        _cli.Run("scenario", "save", "churn-1", "--churn-points", "-1");
        _cli.Run("scenario", "save", "price+10", "--price-percent", "10");
        string[] common = ["forecast", "--as-of", "2024-06", "--months", "6", "--no-backtest", "--json"];

        var alone = _cli.Run([.. common, "--scenario", "churn-1"]).Json;
        Assert.Equal(-1m, alone.GetProperty("scenario").GetProperty("churn_points").GetDecimal());

        var compared = _cli.Run([.. common, "--scenario", "price+10", "--scenario", "CHURN-1"]);
        Assert.Equal(0, compared.ExitCode);
        var scenarios = compared.Json.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["base", "price+10", "churn-1"], scenarios.Select(s => s.GetProperty("name").GetString()));

        // The price rule multiplies every layer by 1.1: to the cent, as both sides are rounded once.
        var baseMonths = scenarios[0].GetProperty("months").EnumerateArray().ToList();
        var priceMonths = scenarios[1].GetProperty("months").EnumerateArray().ToList();
        for (var i = 0; i < baseMonths.Count; i++)
        {
            var expected = baseMonths[i].GetProperty("contracted").GetDecimal() * 1.1m;
            Assert.InRange(priceMonths[i].GetProperty("contracted").GetDecimal(), expected - 0.011m, expected + 0.011m);
        }

        // Lower churn never forecasts less than the base.
        var churnMonths = scenarios[2].GetProperty("months").EnumerateArray().ToList();
        Assert.All(churnMonths.Zip(baseMonths), p => Assert.True(p.First.GetProperty("total").GetDecimal() >= p.Second.GetProperty("total").GetDecimal()));

        var withBase = _cli.Run([.. common, "--scenario", "base", "--scenario", "churn-1"]).Json;
        Assert.Equal(["base", "churn-1"], withBase.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains("churn-1", _cli.Run("forecast", "--as-of", "2024-06", "--months", "6", "--no-backtest", "--scenario", "base", "--scenario", "churn-1").Console, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
