using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Audit;
using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Ledger;

/// <summary>
/// <see cref="ILedgerStore.StreamLedger"/>: the same rows as <see cref="ILedgerStore.Load"/>, in the order
/// fx → customers → lines, with the revision of the same read transaction.
/// </summary>
public abstract class StreamLedgerTests : IDisposable
{
    private const string Customers = "customer_id,name,country,segment,industry\nC1,Acme,DE,SMB,Retail\nC2,Globex,US,Enterprise,\nC3,,,SMB,\n";
    private const string Header = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n";
    private const string Lines = Header +
        "L1,C1,subscription,Pro,2024-01-01,,1200.50,3,USD,12\n" +
        "L2,C2,addon,Support,2024-02-15,2025-02-15,0.01,2.5,EUR,7\n" +
        "L3,C2,one_time,,2024-02-15,,99999999999.999999,,USD,\n" +
        "L4,C3,subscription,Pro,2023-12-31,2024-01-31,0,1,usd,1\n";
    private const string Fx = "date,from,to,rate\n2024-01-01,EUR,USD,1.066011\n2024-06-01,EUR,USD,1.1\n";

    private readonly TestStore _store;

    protected StreamLedgerTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
    }

    [StoreFact]
    public void Streamed_rows_equal_the_loaded_ledger_and_the_revision_is_the_stores()
    {
        Assert.True(_store.Import(Customers, Lines, Fx).Succeeded);
        using var store = _store.Open();
        var loaded = store.Load();

        var streamed = Stream(store);

        Assert.Equal(store.Revision(), streamed.Revision);
        Assert.Equal(Sorted(loaded.Fx.Rates), Sorted(streamed.Fx));
        Assert.Equal(loaded.Customers.OrderBy(c => c.Id.Value, StringComparer.Ordinal).Select(Show), streamed.Customers.OrderBy(c => c.Id.Value, StringComparer.Ordinal).Select(Show));
        Assert.Equal(loaded.Lines.OrderBy(l => l.Id.Value, StringComparer.Ordinal), streamed.Lines.OrderBy(l => l.Id.Value, StringComparer.Ordinal));
        Assert.Equal("1200.50", streamed.Lines.Single(l => l.Id.Value == "L1").Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Retail", streamed.Customers.Single(c => c.Id.Value == "C1").Attributes["industry"]);
    }

    [StoreFact]
    public void Every_rate_comes_before_every_customer_and_every_customer_before_every_line()
    {
        Assert.True(_store.Import(Customers, Lines, Fx).Succeeded);
        using var store = _store.Open();
        var order = new List<char>();

        store.StreamLedger(_ => order.Add('f'), _ => order.Add('c'), _ => order.Add('l'));

        Assert.Equal("ffcccllll", new string([.. order]));
    }

    [StoreFact]
    public void The_revision_follows_writes_and_an_empty_store_streams_nothing()
    {
        using (var empty = _store.Open())
        {
            var nothing = Stream(empty);
            Assert.Empty(nothing.Fx);
            Assert.Empty(nothing.Customers);
            Assert.Empty(nothing.Lines);
            Assert.Equal(empty.Revision(), nothing.Revision);
        }

        Assert.True(_store.Import(Customers, Lines, Fx).Succeeded);
        using var store = _store.Open();
        var before = Stream(store).Revision;
        Assert.Equal(WriteOutcome.Done, store.DeleteLine(new LineId("L4")));

        var after = Stream(store);

        Assert.True(after.Revision > before);
        Assert.Equal(store.Revision(), after.Revision);
        Assert.DoesNotContain(after.Lines, l => l.Id.Value == "L4");
    }

    [StoreFact]
    public void The_audited_store_streams_what_its_inner_store_holds()
    {
        Assert.True(_store.Import(Customers, Lines, Fx).Succeeded);
        using var inner = _store.Open();
        using var audited = new AuditedLedgerStore(_store.Open(), "ada", TimeProvider.System);

        var direct = Stream(inner);
        var through = Stream(audited);

        Assert.Equal(direct.Revision, through.Revision);
        Assert.Equal(direct.Lines.OrderBy(l => l.Id.Value, StringComparer.Ordinal), through.Lines.OrderBy(l => l.Id.Value, StringComparer.Ordinal));
        Assert.Equal(direct.Customers.Count, through.Customers.Count);
        Assert.Equal(direct.Fx.Count, through.Fx.Count);
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Streamed Stream(ILedgerStore store)
    {
        var fx = new List<FxRate>();
        var customers = new List<Customer>();
        var lines = new List<RevenueLine>();
        var revision = store.StreamLedger(fx.Add, customers.Add, lines.Add);
        return new Streamed(fx, customers, lines, revision);
    }

    private static IEnumerable<FxRate> Sorted(IEnumerable<FxRate> rates) =>
        rates.OrderBy(r => r.Date).ThenBy(r => r.From.Value, StringComparer.Ordinal).ThenBy(r => r.To.Value, StringComparer.Ordinal);

    // Customer records hold an immutable dictionary (reference equality): compare what they say.
    private static string Show(Customer c) =>
        $"{c.Id.Value}|{c.Name}|{c.Country}|{c.Segment}|{c.Channel}|{c.Owner}|{string.Join(";", c.Attributes.Select(a => a.Key + "=" + a.Value))}";

    private sealed record Streamed(List<FxRate> Fx, List<Customer> Customers, List<RevenueLine> Lines, long Revision);
}

public sealed class StreamLedgerTestsOnSqlite() : StreamLedgerTests(new SqliteEngine());

public sealed class StreamLedgerTestsOnPostgres(PostgresEngine engine) : StreamLedgerTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
