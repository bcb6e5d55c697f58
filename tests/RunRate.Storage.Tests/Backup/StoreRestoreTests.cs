using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;
using RunRate.Ingest.Backup;
using RunRate.Storage.Backup;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Backup;

/// <summary>Every engine restores an export exactly (decimal scale, instants to the 100 ns) and all or nothing.</summary>
public abstract class StoreRestoreTests : IDisposable
{
    private static readonly CustomerId C1 = new("C1");
    private readonly IStoreEngine _engine;
    private readonly TestStore _original;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-restore-");

    protected StoreRestoreTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _original = engine.NewStore();
        _original.Import("customer_id,name\nC1,\"Acme, Inc.\"\nC2,Globex\n", "line_id,customer_id,kind,start_date,amount,quantity,currency,interval_months\nL1,C1,subscription,2025-01-01,100.50,2,USD,1\nL2,C2,addon,2025-02-01,1200.000,1,USD,12\n").Succeeded.ShouldBeTrue();
        using var store = _original.Open();
        var at = new DateTimeOffset(2026, 1, 2, 9, 30, 0, TimeSpan.Zero).AddTicks(1234567);
        store.Crm.ReplaceAll(CrmData.Empty with
        {
            Accounts = [new AccountProfile(C1, ["acme.example"])],
            Contacts = [new Contact(new ContactId("ct1"), C1, "Ann \"Boss\" Lee", "ann@acme.example", null, "CFO")],
            Deals = [new Deal(new DealId("d1"), C1, "Pro,\nseats", "won", 2412.10m, CurrencyCode.Usd, DealKind.NewBusiness, new DateOnly(2026, 1, 1), "Bo", null, null, new DateOnly(2025, 11, 2), [new StageChange("lead", new DateOnly(2025, 11, 2)), new StageChange("won", new DateOnly(2026, 1, 1))])],
            Activities = [new Activity(new ActivityId("a1"), ActivityKind.Email, at, "Re: \"quote\"", "Line 1\r\nLine 2\n", C1, new ContactId("ct1"), new DealId("d1"), "email", "<m1@acme.example>")],
            Targets = [new SalesTarget("Bo", new YearMonth(2026, 1), 3, 30000.00m, CurrencyCode.Usd)],
        }).ShouldBe(WriteOutcome.Done);
        store.Crm.AddDealLines(new DealId("d1"), [new RevenueLine(new LineId("d1-1"), C1, LineKind.Addon, null, new DateOnly(2026, 1, 1), null, 9.125m, 3m, CurrencyCode.Usd, 1)]).ShouldBe(WriteOutcome.Done);
        store.Crm.ApplyBillingEvent("evt_1", "invoice.payment_failed", at, w =>
        {
            w.Record("evt_1", new Payment(C1, new DateOnly(2026, 1, 2), false, new Money(201.100m, CurrencyCode.Usd), "in_1"));
            return "failed";
        }).Applied.ShouldBeTrue();
        store.Scenarios.Save(new Scenario("Bear", new ScenarioRules { ChurnPoints = 0.50m, PricePercent = 2.5m, PriceFrom = new YearMonth(2026, 4) })).ShouldBe(WriteOutcome.Done);
    }

    [StoreFact]
    public void An_export_restored_into_an_empty_store_exports_again_byte_for_byte()
    {
        var first = Export(_original, "first");
        using var copy = _engine.NewStore();
        Restore(copy, first).ShouldBeEmpty();

        var second = Export(copy, "second");
        foreach (var name in BackupFiles.All)
        {
            File.ReadAllText(Path.Combine(second, name)).ShouldBe(File.ReadAllText(Path.Combine(first, name)), name);
        }

        File.ReadAllText(Path.Combine(second, BackupFiles.Payments)).ShouldContain("evt_1,C1,2026-01-02,false,201.100,USD,in_1");
        File.ReadAllText(Path.Combine(second, BackupFiles.Activities)).ShouldContain("2026-01-02T09:30:00.1234567Z");
    }

    [StoreFact]
    public void A_CRM_that_breaks_a_store_rule_rolls_the_ledger_back_too()
    {
        using var store = _original.Open();
        var revision = store.Revision();
        var before = StoreBackup.Read(store);
        using (var session = store.Begin(replace: true))
        {
            session.Upsert(new Customer(new CustomerId("C9"), "Only"));
            var bad = CrmBackup.Empty with { Crm = CrmData.Empty with { Contacts = [new Contact(new ContactId("x"), new CustomerId("NOPE"), "X", null, null, null)] } };
            Should.Throw<StoreException>(() => ((ICrmRestoreSession)session).RestoreCrm(bad));
        }

        store.Revision().ShouldBe(revision);
        var after = StoreBackup.Read(store);
        after.Ledger.Customers.Select(c => c.Id).ShouldBe(before.Ledger.Customers.Select(c => c.Id));
        after.Crm.Crm.Contacts.Select(c => c.Id).ShouldBe(before.Crm.Crm.Contacts.Select(c => c.Id));
    }

    public void Dispose()
    {
        _original.Dispose();
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Export(TestStore test, string name)
    {
        using var store = test.Open();
        var contents = StoreBackup.Read(store);
        var folder = Path.Combine(_folder.FullName, name);
        BackupWriter.WriteFolder(folder, contents.Ledger, contents.Crm, DateTimeOffset.UnixEpoch);
        return folder;
    }

    private static IReadOnlyList<LedgerError> Restore(TestStore test, string folder)
    {
        var errors = new LedgerErrors();
        using var store = test.Open();
        BackupImport.Run(BackupSource.FromFolder(folder, errors)!, folder, store, replace: true, errors);
        return errors.Items;
    }
}

public sealed class StoreRestoreTestsOnSqlite() : StoreRestoreTests(new SqliteEngine());

public sealed class StoreRestoreTestsOnPostgres(PostgresEngine engine) : StoreRestoreTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
