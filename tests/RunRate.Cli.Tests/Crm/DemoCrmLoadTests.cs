using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Crm;

public sealed class DemoCrmLoadTests
{
    [Fact]
    public void Quickstart_loads_the_demo_CRM_after_the_ledger_and_force_replaces_it_exactly()
    {
        using var cli = new CliHarness();
        var first = cli.Run("quickstart", "--customers", "120");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Demo CRM ready:", first.Console, StringComparison.Ordinal);

        var customers = cli.Run("customers", "--json").Json.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customer_id").GetString()).ToHashSet();
        var deals = cli.Run("deals", "--json");
        var list = deals.Json.GetProperty("deals").EnumerateArray().ToList();
        Assert.InRange(list.Count, 10, 40);
        Assert.All(list, d => Assert.Contains(d.GetProperty("account_id").GetString(), customers));
        Assert.Contains(list, d => d.GetProperty("stage").GetString() == "won");
        Assert.Contains(list, d => d.GetProperty("stage").GetString() == "lost");
        var contacts = cli.Run("contacts", "--json").Json.GetProperty("contacts").GetArrayLength();
        Assert.InRange(contacts, 120, 480);
        Assert.True(cli.Run("activities", "--json").Json.GetProperty("activities").GetArrayLength() > 0);
        Assert.True(cli.Run("targets", "--json").Json.GetProperty("targets").GetArrayLength() > 0);

        // A forced reload gives the very same CRM, not twice as much.
        Assert.Equal(0, cli.Run("quickstart", "--customers", "120", "--force").ExitCode);
        Assert.Equal(deals.Output, cli.Run("deals", "--json").Output);
        Assert.Equal(contacts, cli.Run("contacts", "--json").Json.GetProperty("contacts").GetArrayLength());

        // A smaller demo drops customers the old CRM referred to: the CRM is replaced with the ledger.
        Assert.Equal(0, cli.Run("quickstart", "--customers", "60", "--force").ExitCode);
        var kept = cli.Run("customers", "--json").Json.GetProperty("total").GetInt32();
        Assert.Equal(60, kept);
    }
}
