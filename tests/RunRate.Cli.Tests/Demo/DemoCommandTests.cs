using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Demo;

public sealed class DemoCommandTests
{
    [Fact]
    public void Same_options_write_identical_files_that_import_cleanly()
    {
        using var cli = new CliHarness();
        var a = Path.Combine(cli.Folder, "a");
        var b = Path.Combine(cli.Folder, "b");

        Assert.Equal(0, cli.Run("demo", "--customers", "120", "--seed", "7", "--as-of", "2025-12-31", "--out", a).ExitCode);
        Assert.Equal(0, cli.Run("demo", "--customers", "120", "--seed", "7", "--as-of", "2025-12-31", "--out", b).ExitCode);

        foreach (var file in new[] { "customers.csv", "lines.csv", "fx.csv", "costs.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }

        var import = cli.Run("import", a, "--json");
        Assert.Equal(0, import.ExitCode);
        Assert.Equal(120, import.Json.GetProperty("customers").GetInt32());
        Assert.True(import.Json.GetProperty("costs").GetInt32() > 100); // every month has cogs, acquisition spend and other costs
        var eur = cli.Run("summary", "--month", "2025-12", "--currency", "EUR", "--json");
        Assert.Equal(0, eur.ExitCode); // the demo's fx.csv covers every pair it uses
        Assert.True(eur.Json.GetProperty("summary").GetProperty("arr").GetDecimal() > 0);
    }

    [Theory]
    [InlineData("--customers", "0")]
    [InlineData("--as-of", "2025-02-30")]
    public void Bad_demo_options_are_usage_errors(string option, string value)
    {
        using var cli = new CliHarness();
        var result = cli.Run("demo", "--out", Path.Combine(cli.Folder, "x"), option, value);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(option, result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Quickstart_loads_the_demo_and_never_overwrites_a_ledger_without_force()
    {
        using var cli = new CliHarness();

        var first = cli.Run("quickstart", "--customers", "80");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("RunRate summary, 2026-01", first.Console, StringComparison.Ordinal); // the harness clock's month
        Assert.Contains("MRR bridge", first.Console, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cli.Folder, "demo-ledger", "lines.csv")));

        var second = cli.Run("quickstart", "--customers", "80");
        Assert.Equal(ExitCodes.StoreError, second.ExitCode);
        Assert.Contains("--force", second.Errors, StringComparison.Ordinal);

        Assert.Equal(0, cli.Run("quickstart", "--customers", "90", "--force").ExitCode);
        Assert.Equal(90, cli.Run("customers", "--json").Json.GetProperty("total").GetInt32());
    }
}
