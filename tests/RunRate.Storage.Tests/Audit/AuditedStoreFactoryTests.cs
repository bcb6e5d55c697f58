using Microsoft.Data.Sqlite;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Audit;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Audit;

/// <summary>How <see cref="StoreFactory.Open"/> applies the audit: with an actor every write is recorded, without none; a failing append is not silent.</summary>
public sealed class AuditedStoreFactoryTests : IDisposable
{
    private static readonly CustomerId C1 = new("C1");
    private readonly TempStore _temp = new();
    private readonly SteppingClock _clock = new(AuditedStore.Start);

    [Fact]
    public void An_actor_gets_an_auditing_store_stamped_with_the_given_clock_and_no_actor_records_nothing()
    {
        using (var audited = StoreFactory.Open(_temp.Path, create: true, clock: _clock, actor: "cli:ada"))
        {
            audited.ShouldBeOfType<AuditedLedgerStore>();
            audited.SaveCustomer(new Customer(C1), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        }

        using var bare = StoreFactory.Open(_temp.Path, create: false);
        bare.ShouldNotBeOfType<AuditedLedgerStore>();
        bare.SaveCustomer(new Customer(C1, "Acme"), WriteMode.Replace).ShouldBe(WriteOutcome.Done);
        var entry = bare.Audit.List(new AuditQuery()).ShouldHaveSingleItem();
        (entry.Actor, entry.Action, entry.At).ShouldBe(("cli:ada", "customer.create", AuditedStore.Start));
    }

    [Fact]
    public void A_failing_append_reaches_the_caller_as_a_store_exception_and_the_write_is_rolled_back()
    {
        using (var setup = _temp.Open())
        using (var connection = new SqliteConnection($"Data Source={_temp.Path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER audit_full BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END";
            command.ExecuteNonQuery();
        }

        using var store = StoreFactory.Open(_temp.Path, create: false, clock: _clock, actor: "ada");
        Should.Throw<StoreException>(() => store.SaveCustomer(new Customer(C1), WriteMode.Create)).Message.ShouldContain("audit log");
        store.FindCustomer(C1).ShouldBeNull();
    }

    public void Dispose() => _temp.Dispose();
}
