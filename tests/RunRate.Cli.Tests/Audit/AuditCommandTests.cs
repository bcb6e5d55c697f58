using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Audit;

public sealed class AuditCommandTests
{
    private const string Customers = "customer_id,name\nC1,Acme\nC2,Globex\n";
    private const string Lines = "line_id,customer_id,kind,start_date,amount,currency,interval_months\nL1,C1,subscription,2025-01-01,100,USD,1\nL2,C2,addon,2025-02-01,20,USD,1\nL3,C2,addon,2025-03-01,30,USD,1\n";

    [Fact]
    public void Audit_json_after_an_import_shows_one_ledger_import_by_the_cli_user_with_its_counts()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("import", cli.Ledger("good", Customers, Lines)).ExitCode);
        Assert.Equal(0, cli.Run("scenario", "save", "Bear", "--churn-points", "1").ExitCode);

        var result = cli.Run("audit", "--json", "--entity", "ledger");
        Assert.Equal(0, result.ExitCode);
        var entry = Assert.Single(result.Json.GetProperty("entries").EnumerateArray());
        Assert.Equal("ledger.import", entry.GetProperty("action").GetString());
        Assert.Equal("cli:" + Environment.UserName, entry.GetProperty("actor").GetString());
        Assert.Equal("2026-01-15T12:00:00Z", entry.GetProperty("at").GetString());
        Assert.Equal(2, entry.GetProperty("after").GetProperty("customers").GetInt32());
        Assert.Equal(3, entry.GetProperty("after").GetProperty("lines").GetInt32());
        Assert.Equal("merge", entry.GetProperty("after").GetProperty("mode").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json.GetProperty("next_before").ValueKind);

        var all = cli.Run("audit", "--json").Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["scenario.save", "ledger.import"], all);
    }

    [Fact]
    public void The_table_shows_changed_fields_and_csv_has_a_header_and_every_row()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("import", cli.Ledger("good", Customers, Lines)).ExitCode);
        Assert.Equal(0, cli.Run("scenario", "save", "Bear", "--churn-points", "1").ExitCode);
        Assert.Equal(0, cli.Run("scenario", "save", "Bear", "--churn-points", "2").ExitCode);

        var table = cli.Run("audit", "--entity", "scenario");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("churn_points: 1 → 2", table.Console, StringComparison.Ordinal);

        var csv = cli.Run("audit", "--csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seq,at,actor,action,entity,entity_id,before,after,detail", csv[0]);
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("3,2026-01-15T12:00:00Z,", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_limit_is_a_usage_error_naming_the_option()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("import", cli.Ledger("good", Customers, Lines)).ExitCode);
        var result = cli.Run("audit", "--limit", "0");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--limit:", result.Errors, StringComparison.Ordinal);
    }
}
