using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;
using RunRate.Testing;

namespace RunRate.Cli.Tests.Mrr;

public sealed class MrrCommandTests
{
    private const string Customers = "customer_id,name,segment,channel,tier\nC1,Acme,SMB,inbound,gold\nC2,Globex,Enterprise,outbound,silver\nC3,Initech,SMB,outbound,gold\n";
    private const string Header = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n";
    private const string Lines = Header +
        "L1,C1,subscription,Pro,2024-01-01,,1200,,USD,12\n" +
        "L2,C2,subscription,Team,2024-03-01,2025-03-01,300,2,EUR,1\n" +
        "L3,C3,subscription,Pro,2024-06-15,,100,,USD,1\n" +
        "L4,C3,addon,Support,2024-06-15,,600,,USD,12\n";
    private const string Fx = "date,from,to,rate\n2024-01-01,EUR,USD,1.1\n";

    private static readonly string[] SpecFields =
    [
        "month", "opening_mrr", "new", "expansion", "contraction", "churn", "reactivation", "closing_mrr", "arr", "subscription_arr", "addon_arr",
        "customers", "new_customers", "reactivated_customers", "churned_customers", "customer_churn_rate", "gross_mrr_churn_rate",
        "net_mrr_churn_rate", "arpa", "quick_ratio", "nrr", "grr", "growth_yoy", "valuation",
    ];

    [Fact]
    public void Json_has_the_contract_shape_one_object_per_month_with_every_field()
    {
        using var cli = Loaded();
        var json = cli.Run("mrr", "--from", "2024-11", "--to", "2025-02", "--json").Json;

        Assert.Equal("USD", json.GetProperty("currency").GetString());
        var months = json.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2024-11", "2024-12", "2025-01", "2025-02"], months.Select(m => m.GetProperty("month").GetString()));
        Assert.All(months, m => Assert.Equal(SpecFields, m.EnumerateObject().Select(p => p.Name).Take(SpecFields.Length)));
        // Without a year-ago base these ratios do not exist: null, never 0.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, months[0].GetProperty("nrr").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, months[0].GetProperty("quick_ratio").ValueKind);
    }

    [Fact]
    public void Breakdown_groups_add_up_to_the_whole()
    {
        using var cli = Loaded();
        var whole = cli.Run("mrr", "--from", "2025-01", "--to", "2025-06", "--json").Json.GetProperty("months");
        var groups = cli.Run("mrr", "--from", "2025-01", "--to", "2025-06", "--by", "segment", "--json").Json.GetProperty("groups").EnumerateArray().ToList();

        Assert.Equal(["Enterprise", "SMB"], groups.Select(g => g.GetProperty("segment").GetString()));
        for (var i = 0; i < 6; i++)
        {
            foreach (var field in new[] { "closing_mrr", "churn", "new", "customers" })
            {
                var sum = groups.Sum(g => g.GetProperty("months")[i].GetProperty(field).GetDecimal());
                Assert.Equal(whole[i].GetProperty(field).GetDecimal(), sum);
            }
        }
    }

    [Fact]
    public void Filters_by_standard_custom_attributes_and_product()
    {
        using var cli = Loaded();
        decimal Arr(params string[] filter) =>
            cli.Run(["summary", "--month", "2024-12", "--json", .. filter]).Json.GetProperty("summary").GetProperty("arr").GetDecimal();

        Assert.Equal(1200m + 7920m + 1200m + 600m, Arr());
        Assert.Equal(1200m + 1200m + 600m, Arr("--segment", "smb"));
        Assert.Equal(1200m + 1200m + 600m, Arr("--attr", "tier=gold"));
        Assert.Equal(1200m + 1200m, Arr("--product", "Pro"));
        Assert.Equal(7920m, Arr("--channel", "outbound", "--product", "Team"));
        Assert.Equal(Arr(), Arr("--segment", "Enterprise", "--segment", "SMB"));
    }

    [Fact]
    public void Csv_has_a_header_and_one_row_per_month()
    {
        using var cli = Loaded();
        var csv = cli.Run("mrr", "--from", "2025-01", "--to", "2025-03", "--csv").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, csv.Length);
        Assert.StartsWith("month,opening_mrr,new,expansion,contraction,churn,reactivation,closing_mrr,arr,", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("2025-03,", csv[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Table_output_shows_the_bridge_and_a_chart()
    {
        using var cli = Loaded();
        var result = cli.Run("mrr", "--from", "2025-01", "--to", "2025-03");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("MRR bridge (USD)", result.Console, StringComparison.Ordinal);
        Assert.Contains("ARR by month", result.Console, StringComparison.Ordinal);
        Assert.Contains("2025-03", result.Console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExitCodes.Usage, "mrr", "--from", "2025-13", "--to", "2025-12")]
    [InlineData(ExitCodes.Usage, "mrr", "--from", "2025-06", "--to", "2025-01")]
    [InlineData(ExitCodes.Usage, "mrr", "--currency", "dollars")]
    [InlineData(ExitCodes.Usage, "mrr", "--attr", "nonsense")]
    [InlineData(ExitCodes.Usage, "mrr", "--by", "planet")]
    [InlineData(ExitCodes.Usage, "frobnicate")]
    [InlineData(ExitCodes.Usage, "mrr", "--json", "--csv")]
    [InlineData(ExitCodes.Usage, "customers", "--limit", "0")]
    [InlineData(ExitCodes.Usage, "customers", "--sort", "height")]
    [InlineData(ExitCodes.InvalidData, "mrr", "--currency", "GBP")]
    public void Bad_requests_fail_with_a_stable_exit_code_and_a_message(int exitCode, params string[] args)
    {
        using var cli = Loaded();
        var result = cli.Run(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Errors));
        Assert.Equal("", result.Output.Trim());
    }

    [Fact]
    public void A_missing_rate_names_every_line_that_cannot_convert()
    {
        using var cli = Loaded();
        var result = cli.Run("mrr", "--currency", "GBP");

        Assert.Contains("line L1: no USD→GBP exchange rate", result.Errors, StringComparison.Ordinal);
        Assert.Contains("line L2: no EUR→GBP exchange rate", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_without_a_store_say_how_to_create_one()
    {
        using var cli = new CliHarness();
        var result = cli.Run("mrr");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("runrate import FOLDER", result.Errors, StringComparison.Ordinal);
        Assert.False(TestStores.Exists(cli.Db));
    }

    private static CliHarness Loaded()
    {
        var cli = new CliHarness();
        Assert.Equal(0, cli.Run("import", cli.Ledger("ledger", Customers, Lines, Fx)).ExitCode);
        return cli;
    }
}
