using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Customers;

public sealed class CustomerCommandTests
{
    private const string Customers = "customer_id,name,segment,industry\nA,Alpha,SMB,Retail\nB,Beta,Enterprise,\nF,Free,SMB,\n";
    private const string Header = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n";
    private const string Lines = Header +
        "A1,A,subscription,Pro,2024-01-01,2024-07-01,700,,USD,7\n" +   // 100/month, ends: churn back to exactly 0
        "A2,A,subscription,Pro,2025-02-01,,50,3,USD,1\n" +              // win-back: reactivation 150
        "B1,B,subscription,Team,2024-03-01,2024-09-01,200,,USD,1\n" +
        "B2,B,subscription,Team,2024-09-01,,200,2,USD,1\n" +            // same-day seat change: expansion
        "F1,F,subscription,Free,2024-01-01,,0,,USD,1\n";

    [Fact]
    public void Timeline_lists_every_movement_with_the_mrr_after_it()
    {
        using var cli = Loaded();
        var json = cli.Run("customer", "A", "--month", "2025-06", "--json").Json;

        Assert.Equal("active", json.GetProperty("status").GetString());
        Assert.Equal(150m, json.GetProperty("mrr").GetDecimal());
        Assert.Equal("Retail", json.GetProperty("attributes").GetProperty("industry").GetString());
        var movements = json.GetProperty("movements").EnumerateArray()
            .Select(m => (m.GetProperty("date").GetString(), m.GetProperty("type").GetString(), m.GetProperty("amount").GetDecimal(), m.GetProperty("mrr_after").GetDecimal()))
            .ToList();
        Assert.Equal(
            [("2024-01-01", "new", 100m, 100m), ("2024-07-01", "churn", -100m, 0m), ("2025-02-01", "reactivation", 150m, 150m)],
            movements);
        Assert.Equal(2, json.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public void A_customer_whose_lines_ended_is_churned_with_exactly_zero_mrr()
    {
        using var cli = Loaded();
        var json = cli.Run("customer", "A", "--month", "2024-12", "--json").Json;

        Assert.Equal("churned", json.GetProperty("status").GetString());
        Assert.Equal(0m, json.GetProperty("mrr").GetDecimal());
    }

    [Fact]
    public void List_sorts_filters_by_status_and_attribute_and_never_counts_free_plans()
    {
        using var cli = Loaded();
        var all = cli.Run("customers", "--month", "2024-12", "--json").Json;
        var ids = all.GetProperty("customers").EnumerateArray().Select(c => (c.GetProperty("customer_id").GetString(), c.GetProperty("status").GetString())).ToList();

        Assert.Equal([("B", "active"), ("A", "churned"), ("F", "never-active")], ids);
        var active = cli.Run("customers", "--month", "2024-12", "--status", "active", "--json").Json.GetProperty("customers");
        Assert.Equal(400m, Assert.Single(active.EnumerateArray()).GetProperty("mrr").GetDecimal());
        var smb = cli.Run("customers", "--segment", "SMB", "--sort", "name", "--csv").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, smb.Length);
        Assert.StartsWith("A,Alpha,", smb[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_as_csv_has_one_row_per_movement()
    {
        using var cli = Loaded();
        var rows = cli.Run("customer", "B", "--csv").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["customer_id,date,type,amount,mrr_after", "B,2024-03-01,new,200.00,200.00", "B,2024-09-01,expansion,200.00,400.00"], rows);
    }

    [Fact]
    public void Unknown_customer_is_not_found()
    {
        using var cli = Loaded();
        var result = cli.Run("customer", "ZZZ");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("no customer with id 'ZZZ'", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_view_shows_lines_and_timeline()
    {
        using var cli = Loaded();
        var console = cli.Run("customer", "B", "--month", "2025-01").Console;

        Assert.Contains("Revenue lines", console, StringComparison.Ordinal);
        Assert.Contains("expansion", console, StringComparison.Ordinal);
        Assert.Contains("+200.00", console, StringComparison.Ordinal);
    }

    private static CliHarness Loaded()
    {
        var cli = new CliHarness();
        Assert.Equal(0, cli.Run("import", cli.Ledger("ledger", Customers, Lines)).ExitCode);
        return cli;
    }
}
