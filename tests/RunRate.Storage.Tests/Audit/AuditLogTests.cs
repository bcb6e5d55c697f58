using Microsoft.Data.Sqlite;
using RunRate.Storage.Audit;
using RunRate.Storage.Tests.Sqlite;
using Shouldly;

namespace RunRate.Storage.Tests.Audit;

public sealed class AuditLogTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly TempStore _store = new();

    [Fact]
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

    [Fact]
    public void The_database_refuses_to_rewrite_or_delete_an_entry()
    {
        using (var store = _store.Open())
        {
            store.Audit.Append(new AuditEntry(0, Noon, "ada", "line.delete", "line", "L1", "{}", null, null));
        }

        using var connection = new SqliteConnection($"Data Source={_store.Path}");
        connection.Open();
        foreach (var sql in new[] { "UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            Should.Throw<SqliteException>(() => command.ExecuteNonQuery()).Message.ShouldContain("append-only");
        }

        using var reopened = _store.Open();
        reopened.Audit.List(new AuditQuery()).Single().Actor.ShouldBe("ada");
    }

    [Fact]
    public void Appending_to_the_audit_log_does_not_move_the_ledger_revision()
    {
        using var store = _store.Open();
        var before = store.Revision();
        store.Audit.Append(new AuditEntry(0, Noon, "ada", "x.y", "x", null, null, null, null));
        store.Revision().ShouldBe(before);
    }

    public void Dispose() => _store.Dispose();
}
