using System.Globalization;
using System.Text;
using RunRate.Engine.Ledger;
using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Ledger;

/// <summary>
/// Imports larger than the writer's batches (the SQLite store writes on a thread of its own, in batches): every row
/// arrives exactly, a problem on the very last row still leaves the store untouched, and a re-import replaces by id.
/// </summary>
public abstract class LargeImportTests : IDisposable
{
    private const int CustomerCount = 3_000;
    private const int LineCount = 7_500;
    private const string Header = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n";

    private readonly TestStore _store;

    protected LargeImportTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
    }

    [StoreFact]
    public void Thousands_of_rows_arrive_exactly_and_a_second_import_changes_nothing()
    {
        var (customers, lines) = Ledger(amountShift: 0);
        Assert.True(_store.Import(customers, lines).Succeeded);
        Assert.True(_store.Import(customers, lines).Succeeded);

        using var store = _store.Open();
        var ledger = store.Load();
        Assert.Equal(CustomerCount, ledger.Customers.Count);
        Assert.Equal(LineCount, ledger.Lines.Count);
        var l7 = ledger.Lines.Single(l => l.Id.Value == "L0007");
        Assert.Equal("7.07", l7.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(new DateOnly(2024, 1, 8), l7.Start);
        Assert.Equal(LineKind.OneTime, l7.Kind);
        Assert.Null(l7.IntervalMonths);
        Assert.Equal("Segment 7", ledger.Customers.Single(c => c.Id.Value == "C0007").Segment);
        Assert.Equal("x7", ledger.Customers.Single(c => c.Id.Value == "C0007").Attributes["tag"]);
    }

    [StoreFact]
    public void A_bad_last_row_after_thousands_of_written_rows_leaves_the_store_as_it_was()
    {
        var (customers, lines) = Ledger(amountShift: 0);
        Assert.True(_store.Import(customers, lines).Succeeded);
        using (var before = _store.Open())
        {
            var revision = before.Revision();
            var (newCustomers, newLines) = Ledger(amountShift: 1);
            var result = _store.Import(newCustomers, newLines + $"L9999,C0001,subscription,Pro,2024-01-01,,-1,,USD,1\n", replace: true);

            Assert.False(result.Succeeded);
            Assert.Equal($"lines.csv:{LineCount + 2}: amount: must be 0 or more (the net price of one unit for one interval), found -1", Assert.Single(result.Errors.Items).ToString());
            Assert.Equal(revision, before.Revision());
        }

        using var store = _store.Open();
        Assert.Equal("7.07", store.Load().Lines.Single(l => l.Id.Value == "L0007").Amount.ToString(CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void A_merge_import_replaces_rows_by_id_and_may_refer_to_stored_customers()
    {
        var (customers, lines) = Ledger(amountShift: 0);
        Assert.True(_store.Import(customers, lines).Succeeded);

        var (_, changed) = Ledger(amountShift: 1);
        Assert.True(_store.Import("customer_id\n", changed).Succeeded);

        using var store = _store.Open();
        var ledger = store.Load();
        Assert.Equal(LineCount, ledger.Lines.Count);
        Assert.Equal("8.07", ledger.Lines.Single(l => l.Id.Value == "L0007").Amount.ToString(CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    private static (string Customers, string Lines) Ledger(int amountShift)
    {
        var customers = new StringBuilder("customer_id,name,segment,tag\n");
        for (var c = 0; c < CustomerCount; c++)
        {
            customers.Append(CultureInfo.InvariantCulture, $"C{c:D4},Customer {c},Segment {c % 10},x{c}\n");
        }

        var lines = new StringBuilder(Header);
        for (var l = 0; l < LineCount; l++)
        {
            var oneTime = l % 7 == 0;
            lines.Append(CultureInfo.InvariantCulture, $"L{l:D4},C{l % CustomerCount:D4},{(oneTime ? "one_time" : "subscription")},Pro,{new DateOnly(2024, 1, 1).AddDays(l % 300):yyyy-MM-dd},,{l + amountShift}.{l % 100:D2},,USD,{(oneTime ? "" : "12")}\n");
        }

        return (customers.ToString(), lines.ToString());
    }
}

public sealed class LargeImportTestsOnSqlite() : LargeImportTests(new SqliteEngine());

public sealed class LargeImportTestsOnPostgres(PostgresEngine engine) : LargeImportTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
