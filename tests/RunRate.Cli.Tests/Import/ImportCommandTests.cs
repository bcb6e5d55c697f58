using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;
using RunRate.Testing;

namespace RunRate.Cli.Tests.Import;

public sealed class ImportCommandTests
{
    private const string Customers = "customer_id,name,segment\nC1,Acme,SMB\nC2,Globex,Enterprise\n";
    private const string Header = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n";
    private const string Good = Header + "L1,C1,subscription,Pro,2025-01-01,,1200,,USD,12\nL2,C2,subscription,Pro,2025-02-10,2025-09-01,700,,USD,7\n";

    [Fact]
    public void Broken_ledger_into_a_populated_store_exits_non_zero_reports_every_row_and_changes_no_report()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("import", cli.Ledger("good", Customers, Good)).ExitCode);
        var before = cli.Run("mrr", "--from", "2025-01", "--to", "2025-12", "--json").Output;
        var beforeCustomers = cli.Run("customers", "--json").Output;

        var broken = Header +
            "L1,C1,subscription,Pro,2025-01-01,,9999,,USD,12\n" +
            "L3,C9,subscription,Pro,2025-01-01,,10,,USD,1\n" +
            "L4,C1,subscription,Pro,2025-03-01,2025-02-01,10,,USD,1\n" +
            "L5,C1,one_time,Setup,2025-01-01,2025-02-01,10,,USD,\n" +
            "L6,C1,subscription,Pro,2025-01-01,,10,0,USD,1\n";
        var result = cli.Run("import", cli.Ledger("broken", Customers, broken));

        Assert.Equal(ExitCodes.InvalidData, result.ExitCode);
        Assert.Contains("lines.csv:3: customer_id:", result.Errors, StringComparison.Ordinal);
        Assert.Contains("lines.csv:4: end_date: must be after start_date (2025-03-01), found 2025-02-01", result.Errors, StringComparison.Ordinal);
        Assert.Contains("lines.csv:5: end_date:", result.Errors, StringComparison.Ordinal);
        Assert.Contains("lines.csv:6: quantity:", result.Errors, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Errors, StringComparison.Ordinal);
        Assert.Equal(before, cli.Run("mrr", "--from", "2025-01", "--to", "2025-12", "--json").Output);
        Assert.Equal(beforeCustomers, cli.Run("customers", "--json").Output);
    }

    [Fact]
    public void Import_json_reports_counts_and_errors_for_machines()
    {
        using var cli = new CliHarness();
        var ok = cli.Run("import", cli.Ledger("good", Customers, Good), "--json");
        Assert.Equal(0, ok.ExitCode);
        Assert.True(ok.Json.GetProperty("imported").GetBoolean());
        Assert.Equal(2, ok.Json.GetProperty("lines").GetInt64());

        var bad = cli.Run("import", cli.Ledger("bad", Customers, Header + "L9,C1,subscription,Pro,2025-01-01,,x,,USD,1\n"), "--json");
        Assert.Equal(ExitCodes.InvalidData, bad.ExitCode);
        var error = Assert.Single(bad.Json.GetProperty("errors").EnumerateArray());
        Assert.Equal("lines.csv", error.GetProperty("file").GetString());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal("amount", error.GetProperty("column").GetString());
    }

    [Fact]
    public void Store_location_comes_from_the_option_then_the_environment()
    {
        using var cli = new CliHarness();
        var envDb = cli.NewStore("from-env.db");
        cli.Environment["RUNRATE_DB"] = envDb;
        var folder = cli.Ledger("good", Customers, Good);

        Assert.Equal(0, cli.RunWithoutDb("import", folder).ExitCode);
        Assert.True(TestStores.Exists(envDb));

        var explicitDb = cli.NewStore("explicit.db");
        Assert.Equal(0, cli.RunWithoutDb("import", folder, "--db", explicitDb).ExitCode);
        Assert.True(TestStores.Exists(explicitDb));
        Assert.Equal(2, cli.RunWithoutDb("summary", "--month", "2025-03", "--json").Json.GetProperty("summary").GetProperty("customers").GetInt32());
    }

    [Fact]
    public void A_missing_folder_is_not_found_and_creates_no_store()
    {
        using var cli = new CliHarness();
        var result = cli.Run("import", Path.Combine(cli.Folder, "nowhere"));

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("does not exist", result.Errors, StringComparison.Ordinal);
        Assert.False(TestStores.Exists(cli.Db));
    }

    [Fact]
    public void Replace_removes_lines_missing_from_the_new_ledger()
    {
        using var cli = new CliHarness();
        cli.Run("import", cli.Ledger("good", Customers, Good));
        var only = Header + "L1,C1,subscription,Pro,2025-01-01,,1200,,USD,12\n";
        Assert.Equal(0, cli.Run("import", cli.Ledger("only", Customers, only), "--replace").ExitCode);

        var summary = cli.Run("summary", "--month", "2025-06", "--json").Json.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("customers").GetInt32());
        Assert.Equal(1200m, summary.GetProperty("arr").GetDecimal());
    }
}
