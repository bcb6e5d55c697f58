using RunRate.Storage.Audit;
using Shouldly;

using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Audit;

public abstract class AuditLogTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly TestStore _store;

    protected AuditLogTests(IStoreEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _store = engine.NewStore();
    }

    [StoreFact]
    public void Entries_come_back_newest_first_with_every_field_and_filters_narrow_them()
    {
        using var store = _store.Open();
        var first = store.Audit.Append(new AuditEntry(0, Noon, "ada", "line.update", "line", "L1", """{"amount":"10.00"}""", """{"amount":"12.50"}""", null));
        var second = store.Audit.Append(new AuditEntry(0, Noon.AddMinutes(1), "token:ci", "customer.create", "customer", "C9", null, """{"id":"C9"}""", "created"));

        second.Seq.ShouldBeGreaterThan(first.Seq);
        using var reopened = _store.Open();
        reopened.Audit.List(new AuditQuery()).ShouldBe([second, first]);
        reopened.Audit.List(new AuditQuery(Entity: "line")).ShouldBe([first]);
        reopened.Audit.List(new AuditQuery(Actor: "token:ci")).ShouldBe([second]);
        reopened.Audit.List(new AuditQuery(BeforeSeq: second.Seq)).ShouldBe([first]);
        reopened.Audit.List(new AuditQuery(From: Noon.AddSeconds(30))).ShouldBe([second]);
        reopened.Audit.List(new AuditQuery(To: Noon.AddSeconds(30))).ShouldBe([first]);
        reopened.Audit.List(new AuditQuery(Limit: 1)).ShouldBe([second]);
    }

    [StoreFact]
    public void Appending_to_the_audit_log_does_not_move_the_ledger_revision()
    {
        using var store = _store.Open();
        var before = store.Revision();
        store.Audit.Append(new AuditEntry(0, Noon, "ada", "x.y", "x", null, null, null, null));
        store.Revision().ShouldBe(before);
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AuditLogTestsOnSqlite() : AuditLogTests(new SqliteEngine());

public sealed class AuditLogTestsOnPostgres(PostgresEngine engine) : AuditLogTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
