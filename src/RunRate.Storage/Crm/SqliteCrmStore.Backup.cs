using Microsoft.Data.Sqlite;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Backup;
using RunRate.Storage.Sqlite;

namespace RunRate.Storage.Crm;

/// <summary>Reading payments with their keys, and restoring the whole CRM side of an export inside an import transaction.</summary>
internal sealed partial class SqliteCrmStore
{
    public IReadOnlyList<KeyedPayment> PaymentRecords()
    {
        var result = new List<KeyedPayment>();
        using var reader = SqliteCrmRows.Query(connection, null, "SELECT payment_key, customer_id, on_date, succeeded, amount, currency, reference FROM payments ORDER BY on_date, payment_key");
        while (reader.Read())
        {
            Money? amount = reader.IsDBNull(4) || reader.IsDBNull(5) ? null : new Money(SqliteRows.ParseDecimal(reader.GetString(4)), CurrencyCode.Parse(reader.GetString(5)));
            result.Add(new KeyedPayment(reader.GetString(0), new Payment(new CustomerId(reader.GetString(1)), SqliteRows.ParseDate(reader.GetString(2)), reader.GetInt64(3) != 0, amount, reader.GetString(6))));
        }

        return result;
    }

    /// <summary>See <see cref="ICrmRestoreSession.RestoreCrm"/>; runs in the import session's transaction.</summary>
    internal void Restore(SqliteTransaction transaction, CrmBackup backup, Forecast.SqliteScenarioStore scenarios)
    {
        var outcome = ReplaceAllIn(transaction, backup.Crm with { Payments = [] });
        if (outcome != WriteOutcome.Done)
        {
            throw new StoreException($"The export's CRM records cannot be stored ({outcome}). Nothing was changed.");
        }

        // Deal-line links went with the deals (ON DELETE CASCADE).
        store.Execute(transaction, "DELETE FROM payments; DELETE FROM webhook_events; DELETE FROM scenarios;");
        foreach (var link in backup.DealLines)
        {
            store.Execute(transaction, "INSERT INTO deal_lines (deal_id, line_id) VALUES ($p0, $p1)", link.Deal.Value, link.Line.Value);
        }

        var writer = new Writer(this, store, connection, transaction);
        foreach (var (key, payment) in backup.Payments)
        {
            writer.Record(key, payment);
        }

        foreach (var e in backup.WebhookEvents)
        {
            store.Execute(transaction, "INSERT INTO webhook_events (event_id, type, received_at, summary) VALUES ($p0, $p1, $p2, $p3)", e.EventId, e.Type, SqliteCrmRows.Timestamp(e.ReceivedAt), e.Summary);
        }

        foreach (var scenario in backup.Scenarios)
        {
            scenarios.Upsert(transaction, scenario);
        }
    }
}
