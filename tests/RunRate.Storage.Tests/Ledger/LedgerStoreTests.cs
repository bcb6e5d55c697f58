using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Ledger;

public abstract class LedgerStoreTests : IDisposable
{
    private const string Customers = "customer_id,name,segment,industry\nC1,Acme,SMB,Retail\nC2,Globex,Enterprise,\n";
    private const string Header = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n";
    private const string Lines = Header +
        "L1,C1,subscription,Pro,2024-01-01,,1200.50,3,USD,12\n" +
        "L2,C2,addon,Support,2024-02-15,2025-02-15,0.01,2.5,EUR,7\n" +
        "L3,C2,one_time,Setup,2024-02-15,,99999999999.999999,,USD,\n";
    private const string Fx = "date,from,to,rate\n2024-01-01,EUR,USD,1.066011\n";

    private readonly TestStore _store;

    protected LedgerStoreTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
    }

    [StoreFact]
    public void Money_quantities_and_rates_round_trip_exactly_with_their_scale()
    {
        Assert.True(_store.Import(Customers, Lines, Fx).Succeeded);

        using var store = _store.Open();
        var ledger = store.Load();
        var l1 = ledger.Lines.Single(l => l.Id.Value == "L1");
        var l2 = ledger.Lines.Single(l => l.Id.Value == "L2");
        var l3 = ledger.Lines.Single(l => l.Id.Value == "L3");
        Assert.Equal("1200.50", l1.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3m, l1.Quantity);
        Assert.Equal(0.01m, l2.Amount);
        Assert.Equal(2.5m, l2.Quantity);
        Assert.Equal(new DateOnly(2025, 2, 15), l2.End);
        Assert.Equal(7, l2.IntervalMonths);
        Assert.Equal(99999999999.999999m, l3.Amount);
        Assert.Null(l3.IntervalMonths);
        Assert.Equal(LineKind.OneTime, l3.Kind);
        Assert.Equal(1.066011m, ledger.Fx.RateOn(CurrencyCode.Parse("EUR"), CurrencyCode.Usd, new DateOnly(2024, 6, 1)));
        Assert.Equal("Retail", ledger.CustomersById[new CustomerId("C1")].Attributes["industry"]);
        Assert.Empty(ledger.CustomersById[new CustomerId("C2")].Attributes);
    }

    [StoreFact]
    public void Importing_the_same_folder_twice_changes_nothing()
    {
        _store.Import(Customers, Lines, Fx);
        var first = Report();
        Assert.True(_store.Import(Customers, Lines, Fx).Succeeded);

        Assert.Equal(first, Report());
        using var store = _store.Open();
        Assert.Equal(3, store.Load().Lines.Count);
        Assert.Equal(2, store.Imports().Count);
    }

    [StoreFact]
    public void A_row_with_a_stored_id_replaces_the_stored_row_and_others_stay()
    {
        _store.Import(Customers, Lines, Fx);
        Assert.True(_store.Import("customer_id\nC3\n", Header + "L1,C1,subscription,Pro,2024-01-01,2024-06-01,1000,1,USD,1\nL9,C3,subscription,Pro,2024-01-01,,5,,USD,1\n").Succeeded);

        using var store = _store.Open();
        var ledger = store.Load();
        Assert.Equal(["L1", "L2", "L3", "L9"], ledger.Lines.Select(l => l.Id.Value));
        Assert.Equal(1000m, ledger.Lines[0].Amount);
        Assert.Equal("Acme", ledger.CustomersById[new CustomerId("C1")].Name);
    }

    [StoreFact]
    public void Replace_swaps_the_whole_ledger()
    {
        _store.Import(Customers, Lines, Fx);
        Assert.True(_store.Import("customer_id\nZ\n", Header + "Z1,Z,subscription,Pro,2024-01-01,,5,,USD,1\n", replace: true).Succeeded);

        using var store = _store.Open();
        var ledger = store.Load();
        Assert.Equal(["Z1"], ledger.Lines.Select(l => l.Id.Value));
        Assert.Equal(["Z"], ledger.Customers.Select(c => c.Id.Value));
        Assert.Empty(ledger.Fx.Rates);
    }

    [StoreFact]
    public void A_failed_import_or_replace_leaves_the_store_byte_for_byte_as_it_was()
    {
        _store.Import(Customers, Lines, Fx);
        var before = Report();
        var beforeImports = ImportsCount();

        var bad = Header + "L1,C1,subscription,Pro,2024-01-01,,1,,USD,1\nL7,C1,subscription,Pro,2024-01-01,,-1,,USD,1\n";
        Assert.False(_store.Import("customer_id,name\nC1,Renamed\nC8,New\n", bad).Succeeded);
        Assert.False(_store.Import("customer_id\nZ\n", bad, replace: true).Succeeded);

        Assert.Equal(before, Report());
        Assert.Equal(beforeImports, ImportsCount());
        using var store = _store.Open();
        Assert.Equal("Acme", store.Load().CustomersById[new CustomerId("C1")].Name);
    }

    [StoreFact]
    public void Replace_does_not_let_lines_refer_to_customers_it_removes()
    {
        _store.Import(Customers, Lines, Fx);
        var result = _store.Import("customer_id\nZ\n", Header + "L1,C1,subscription,Pro,2024-01-01,,1,,USD,1\n", replace: true);

        Assert.False(result.Succeeded);
        Assert.Equal("customer_id", Assert.Single(result.Errors.Items).Column);
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Report()
    {
        using var store = _store.Open();
        var report = RevenueEngine.Compute(store.Load(), new ReportRequest(CurrencyCode.Usd, new YearMonth(2024, 1), new YearMonth(2025, 12)));
        return string.Join("\n", report.Months.Select(m => $"{m.Month} {m.OpeningMrr} {m.New} {m.Churn} {m.ClosingMrr} {m.OneTimeRevenue} {m.Customers}"));
    }

    private int ImportsCount()
    {
        using var store = _store.Open();
        return store.Imports().Count;
    }
}

public sealed class LedgerStoreTestsOnSqlite() : LedgerStoreTests(new SqliteEngine());

public sealed class LedgerStoreTestsOnPostgres(PostgresEngine engine) : LedgerStoreTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
