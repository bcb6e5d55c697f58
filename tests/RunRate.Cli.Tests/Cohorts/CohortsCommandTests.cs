using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Cohorts;

public sealed class CohortsCommandTests
{
    [Fact]
    public void Table_shows_revenue_or_logo_retention_and_csv_has_a_row_per_cell()
    {
        using var cli = new CliHarness();
        cli.Run("import", Samples.Folder("random-small"));

        var revenue = cli.Run("cohorts", "--from", "2024-01", "--to", "2024-12");
        var logo = cli.Run("cohorts", "--from", "2024-01", "--to", "2024-12", "--logo");
        var csv = cli.Run("cohorts", "--from", "2024-01", "--to", "2024-12", "--csv").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = cli.Run("cohorts", "--from", "2024-01", "--to", "2024-12", "--json").Json.GetProperty("cohorts");

        Assert.Contains("Revenue retention by cohort", revenue.Console, StringComparison.Ordinal);
        Assert.Contains("Logo retention by cohort", logo.Console, StringComparison.Ordinal);
        Assert.Equal("cohort,customers,age,mrr,revenue_retention,active_customers,logo_retention", csv[0]);
        Assert.Equal(json.EnumerateArray().Sum(c => c.GetProperty("mrr").GetArrayLength()), csv.Length - 1);
        Assert.All(json.EnumerateArray(), c => Assert.InRange(c.GetProperty("logo_retention")[0].GetDecimal(), 0.01m, 1m));
    }
}
