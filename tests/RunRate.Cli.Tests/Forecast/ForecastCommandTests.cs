using System.Text.Json;
using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Forecast;

/// <summary><c>runrate forecast</c> on the random-small sample (clock 2026-01-15), as of June 2024.</summary>
public sealed class ForecastCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public ForecastCommandTests() => Assert.Equal(0, _cli.Run("import", Samples.Folder("random-small")).ExitCode);

    [Fact]
    public void Forecast_json_has_one_entry_per_month_after_as_of_and_its_contracted_layer_is_the_mrr_reports_closing_mrr()
    {
        var forecast = _cli.Run("forecast", "--as-of", "2024-06", "--months", "18", "--json");
        var mrr = _cli.Run("mrr", "--from", "2024-07", "--to", "2025-12", "--json").Json.GetProperty("months").EnumerateArray().ToList();

        Assert.Equal(0, forecast.ExitCode);
        var months = forecast.Json.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(mrr.Select(m => m.GetProperty("month").GetString()), months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal(mrr.Select(m => m.GetProperty("closing_mrr").GetDecimal()), months.Select(m => m.GetProperty("contracted").GetDecimal()));
        Assert.Equal("2024-06", forecast.Json.GetProperty("as_of").GetString());
        Assert.Equal(6, forecast.Json.GetProperty("history").GetArrayLength());
        Assert.NotEqual(JsonValueKind.Null, forecast.Json.GetProperty("backtest").ValueKind);
    }

    [Fact]
    public void The_defaults_are_twelve_months_after_the_current_month_from_a_six_month_window_by_segment()
    {
        var json = _cli.Run("forecast", "--json").Json;

        Assert.Equal("2026-01", json.GetProperty("as_of").GetString());
        Assert.Equal(12, json.GetProperty("months").GetArrayLength());
        Assert.Equal(6, json.GetProperty("window_months").GetInt32());
        Assert.Equal("segment", json.GetProperty("segment_by").GetString());
        Assert.Equal(["Enterprise", "Mid-Market", "SMB"], json.GetProperty("rates").EnumerateArray().Select(r => r.GetProperty("segment").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_backtest_leaves_it_out_and_by_channel_gives_rates_per_channel()
    {
        var json = _cli.Run("forecast", "--as-of", "2024-06", "--no-backtest", "--by", "Channel", "--json").Json;

        Assert.Equal(JsonValueKind.Null, json.GetProperty("backtest").ValueKind);
        Assert.Equal("channel", json.GetProperty("segment_by").GetString());
        Assert.Contains("inbound", json.GetProperty("rates").EnumerateArray().Select(r => r.GetProperty("segment").GetString()));
    }

    [Fact]
    public void A_filter_forecasts_only_its_customers()
    {
        var all = _cli.Run("forecast", "--as-of", "2024-06", "--json").Json.GetProperty("arr").GetDecimal();
        var smb = _cli.Run("forecast", "--as-of", "2024-06", "--segment", "SMB", "--json").Json;
        var summary = _cli.Run("summary", "--month", "2024-06", "--segment", "SMB", "--json").Json.GetProperty("summary");

        Assert.Equal(summary.GetProperty("arr").GetDecimal(), smb.GetProperty("arr").GetDecimal());
        Assert.True(smb.GetProperty("arr").GetDecimal() < all);
        Assert.Equal(["SMB"], smb.GetProperty("rates").EnumerateArray().Select(r => r.GetProperty("segment").GetString()));
    }

    [Fact]
    public void The_table_shows_arr_carr_the_layers_the_rates_and_the_backtest()
    {
        var result = _cli.Run("forecast", "--as-of", "2024-06", "--months", "6");
        var carr = _cli.Run("forecast", "--as-of", "2024-06", "--months", "6", "--json").Json.GetProperty("carr").GetDecimal();

        Assert.Equal(0, result.ExitCode);
        foreach (var text in new[] { "contracted ARR (CARR)", carr.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture), "Contracted", "Trend", "Pipeline", "2024-12", "Trend rates per segment", "Backtest", "MAPE" })
        {
            Assert.Contains(text, result.Console, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_narrow_terminal_gets_compact_amounts_without_wrapping()
    {
        _cli.Width = 80;

        var lines = _cli.Run("forecast", "--as-of", "2024-06", "--months", "6").Console.Split('\n');

        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, l));
        Assert.Contains(lines, l => l.Contains("Contr.", StringComparison.Ordinal) && l.Contains("High", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_is_one_row_per_figure()
    {
        var lines = _cli.Run("forecast", "--as-of", "2024-06", "--months", "3", "--csv").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("section,key,metric,value", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("forecast,2024-09,contracted,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "--months", "0" }, ExitCodes.Usage, "--months: expected a whole number from 1 to 36 (months to forecast), found '0'")]
    [InlineData(new[] { "--months", "37" }, ExitCodes.Usage, "--months: expected a whole number from 1 to 36")]
    [InlineData(new[] { "--window", "six" }, ExitCodes.Usage, "--window: expected a whole number from 1 to 24 (trailing months the trend rates come from), found 'six'")]
    [InlineData(new[] { "--as-of", "2024-13" }, ExitCodes.Usage, "--as-of: expected a month YYYY-MM, found '2024-13'")]
    [InlineData(new[] { "--by", "product" }, ExitCodes.Usage, "--by: segments group customers; 'product' belongs to lines")]
    [InlineData(new[] { "--by", "tier" }, ExitCodes.Usage, "--by: no customer has an attribute named 'tier'")]
    [InlineData(new[] { "--scenario", "bear" }, ExitCodes.NotFound, "--scenario: no saved scenario named 'bear'")]
    [InlineData(new[] { "--currency", "JPYEN" }, ExitCodes.Usage, "--currency: expected a three-letter ISO 4217 code")]
    [InlineData(new[] { "--json", "--csv" }, ExitCodes.Usage, "--json and --csv cannot be combined")]
    public void Bad_options_are_refused_naming_the_option(string[] options, int exit, string message)
    {
        var result = _cli.Run(["forecast", .. options]);

        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    public void Dispose() => _cli.Dispose();
}
