using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Backup;

namespace RunRate.Storage.Postgres;

/// <summary>Payments with their keys, and restoring an export's CRM side inside an import transaction (as in SQLite).</summary>
internal sealed partial class PostgresCrmStore
{
    public IReadOnlyList<KeyedPayment> PaymentRecords() => store.Read(session =>
    {
        var result = new List<KeyedPayment>();
        using var reader = session.Query("SELECT payment_key, customer_id, on_date, succeeded, amount, currency, reference FROM payments ORDER BY on_date, payment_key");
        while (reader.Read())
        {
            Money? amount = reader.IsDBNull(4) || reader.IsDBNull(5) ? null : new Money(reader.GetDecimal(4), CurrencyCode.Parse(reader.GetString(5)));
            result.Add(new KeyedPayment(reader.GetString(0), new Payment(new CustomerId(reader.GetString(1)), reader.GetFieldValue<DateOnly>(2), reader.GetBoolean(3), amount, reader.GetString(6))));
        }

        return (IReadOnlyList<KeyedPayment>)result;
    });

    /// <summary>See <see cref="ICrmRestoreSession.RestoreCrm"/>; runs in the import session's transaction.</summary>
    internal void Restore(PgSession session, CrmBackup backup, PostgresScenarioStore scenarios)
    {
        var outcome = ReplaceAllIn(session, backup.Crm with { Payments = [] });
        if (outcome != WriteOutcome.Done)
        {
            throw new StoreException($"The export's CRM records cannot be stored ({outcome}). Nothing was changed.");
        }

        // Deal-line links went with the deals (ON DELETE CASCADE).
        session.Execute("DELETE FROM payments; DELETE FROM webhook_events; DELETE FROM scenarios;");
        foreach (var link in backup.DealLines)
        {
            session.Execute("INSERT INTO deal_lines (deal_id, line_id) VALUES ($1, $2)", link.Deal.Value, link.Line.Value);
        }

        var writer = new Writer(session);
        foreach (var (key, payment) in backup.Payments)
        {
            writer.Record(key, payment);
        }

        foreach (var e in backup.WebhookEvents)
        {
            var (at, rest) = PgValues.Instant(e.ReceivedAt);
            session.Execute("INSERT INTO webhook_events (event_id, type, received_at, received_at_100ns, summary) VALUES ($1, $2, $3, $4, $5)", e.EventId, e.Type, at, rest, e.Summary);
        }

        foreach (var scenario in backup.Scenarios)
        {
            scenarios.Upsert(session, scenario);
        }
    }
}
