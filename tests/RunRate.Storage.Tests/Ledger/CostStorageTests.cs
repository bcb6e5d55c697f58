using System.Globalization;
using RunRate.Engine.Economics;
using Shouldly;

using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Ledger;

public abstract class CostStorageTests : IDisposable
{
    private const string Customers = "customer_id\nC1\n";
    private const string Lines = "line_id,customer_id,kind,start_date,amount,currency,interval_months\nL1,C1,subscription,2024-01-01,100,USD,1\n";
    private const string Header = "month,category,amount,currency,channel,description\n";

    private readonly TestStore _store;

    protected CostStorageTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
    }

    [StoreFact]
    public void Costs_round_trip_with_their_exact_decimals_channel_and_description()
    {
        _store.Import(Customers, Lines, costs: Header + "2024-01,cogs,1200.50,USD,,Hosting\n2024-01,marketing,0.000001,EUR,inbound,\"Ads, Q1\"\n2024-02,sales,99999999999.99,USD,,\n").Succeeded.ShouldBeTrue();

        using var store = _store.Open();
        var costs = store.Load().Costs;
        costs.Select(c => (c.Month.ToString(), c.Category, c.Amount.ToString(CultureInfo.InvariantCulture), c.Currency.Value, c.Channel, c.Description)).ShouldBe(
        [
            ("2024-01", CostCategory.Cogs, "1200.50", "USD", null, "Hosting"),
            ("2024-01", CostCategory.Marketing, "0.000001", "EUR", "inbound", "Ads, Q1"),
            ("2024-02", CostCategory.Sales, "99999999999.99", "USD", null, null),
        ]);
    }

    [StoreFact]
    public void Reimporting_the_same_costs_changes_nothing()
    {
        var costs = Header + "2024-01,cogs,10,USD,,\n2024-01,cogs,10,USD,,\n2024-02,other,5,USD,,\n";
        _store.Import(Customers, Lines, costs: costs);
        var first = Load();

        _store.Import(Customers, Lines, costs: costs).Succeeded.ShouldBeTrue();

        Load().ShouldBe(first);
        first.Length.ShouldBe(3); // two equal rows of a month are two costs, not a duplicate
    }

    [StoreFact]
    public void Each_month_in_the_file_replaces_that_month_and_other_months_stay()
    {
        _store.Import(Customers, Lines, costs: Header + "2024-01,cogs,10,USD,,\n2024-02,cogs,20,USD,,\n2024-02,sales,30,USD,,\n");

        _store.Import(Customers, Lines, costs: Header + "2024-02,cogs,25,USD,,\n2024-03,cogs,40,USD,,\n");

        Load().Select(c => (c.Month.ToString(), c.Category, c.Amount)).ShouldBe(
            [("2024-01", CostCategory.Cogs, 10m), ("2024-02", CostCategory.Cogs, 25m), ("2024-03", CostCategory.Cogs, 40m)]);
    }

    [StoreFact]
    public void An_import_without_costs_keeps_them_and_replace_without_costs_removes_them()
    {
        _store.Import(Customers, Lines, costs: Header + "2024-01,cogs,10,USD,,\n");

        _store.Import(Customers, Lines).Succeeded.ShouldBeTrue();
        Load().Length.ShouldBe(1);

        _store.Import(Customers, Lines, replace: true).Succeeded.ShouldBeTrue();
        Load().ShouldBeEmpty();
    }

    [StoreFact]
    public void Replace_swaps_every_cost_for_the_files()
    {
        _store.Import(Customers, Lines, costs: Header + "2024-01,cogs,10,USD,,\n2024-02,cogs,20,USD,,\n");

        _store.Import(Customers, Lines, replace: true, costs: Header + "2024-02,other,1,USD,,\n").Succeeded.ShouldBeTrue();

        Load().Select(c => (c.Month.ToString(), c.Amount)).ShouldBe([("2024-02", 1m)]);
    }

    [StoreFact]
    public void A_failed_import_leaves_the_costs_and_the_revision_unchanged()
    {
        _store.Import(Customers, Lines, costs: Header + "2024-01,cogs,10,USD,,\n");
        long revision;
        using (var store = _store.Open())
        {
            revision = store.Revision();
        }

        var result = _store.Import(Customers, Lines, replace: true, costs: Header + "2024-01,cogs,11,USD,,\n2024-13,cogs,1,USD,,\n");

        result.Succeeded.ShouldBeFalse();
        result.Errors.Items.ShouldHaveSingleItem().ToString().ShouldBe("costs.csv:3: month: expected a month YYYY-MM, found '2024-13'");
        Load().Select(c => c.Amount).ShouldBe([10m]);
        using var after = _store.Open();
        after.Revision().ShouldBe(revision);
    }

    private CostEntry[] Load()
    {
        using var store = _store.Open();
        return [.. store.Load().Costs];
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class CostStorageTestsOnSqlite() : CostStorageTests(new SqliteEngine());

public sealed class CostStorageTestsOnPostgres(PostgresEngine engine) : CostStorageTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
