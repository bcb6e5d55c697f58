using Microsoft.Data.Sqlite;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Sqlite;

namespace RunRate.Storage.Crm;

/// <summary>Billing events: each applied once, in one transaction with the ledger writes it makes.</summary>
internal sealed partial class SqliteCrmStore
{
    public BillingOutcome ApplyBillingEvent(string eventId, string type, DateTimeOffset receivedAt, Func<ILedgerWriter, string> apply)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentNullException.ThrowIfNull(apply);
        BillingOutcome? outcome = null;
        store.Write(transaction =>
        {
            if (Scalar(transaction, "SELECT summary FROM webhook_events WHERE event_id = $p0", eventId) is string earlier)
            {
                outcome = new BillingOutcome(false, earlier);
                return WriteOutcome.AlreadyExists;
            }

            var summary = apply(new Writer(this, store, connection, transaction));
            store.Execute(transaction, "INSERT INTO webhook_events (event_id, type, received_at, summary) VALUES ($p0, $p1, $p2, $p3)", eventId, type, SqliteCrmRows.Timestamp(receivedAt), summary);
            outcome = new BillingOutcome(true, summary);
            return WriteOutcome.Done;
        });
        return outcome!;
    }

    public IReadOnlyList<BillingEventRecord> BillingEvents(int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, type, received_at, summary FROM webhook_events ORDER BY received_at DESC, event_id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var result = new List<BillingEventRecord>();
        while (reader.Read())
        {
            result.Add(new BillingEventRecord(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(3)));
        }

        return result;
    }

    /// <summary>The billing event's view of the ledger, inside its transaction.</summary>
    private sealed class Writer(SqliteCrmStore crm, SqliteLedgerStore store, SqliteConnection connection, SqliteTransaction transaction) : ILedgerWriter
    {
        public void Log(Activity activity)
        {
            if (activity.ExternalId is null || crm.Scalar(transaction, "SELECT 1 FROM activities WHERE external_id = $p0", activity.ExternalId) is null)
            {
                crm.Insert(transaction, activity, upsert: true);
            }
        }

        public Customer? FindCustomer(CustomerId id) => SqliteRows.ReadCustomers(connection, transaction, id.Value).SingleOrDefault();

        public IReadOnlyList<RevenueLine> LinesWithIdPrefix(string prefix) =>
            SqliteRows.ReadLinesWithIdPrefix(connection, transaction, prefix);

        public void Upsert(Customer customer) => store.Execute(transaction, SqliteTable.Customers.UpsertSql, SqliteTable.Values(customer));

        public void Upsert(RevenueLine line) => store.Execute(transaction, SqliteTable.Lines.UpsertSql, SqliteTable.Values(line));

        public void Record(string key, Payment payment) => store.Execute(
            transaction,
            """
            INSERT INTO payments (payment_key, customer_id, on_date, succeeded, amount, currency, reference) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)
            ON CONFLICT(payment_key) DO UPDATE SET customer_id = excluded.customer_id, on_date = excluded.on_date, succeeded = excluded.succeeded,
                amount = excluded.amount, currency = excluded.currency, reference = excluded.reference
            """,
            key,
            payment.AccountId.Value,
            SqliteRows.Date(payment.On),
            payment.Succeeded ? 1 : 0,
            payment.Amount is { } money ? SqliteRows.Decimal(money.Amount) : null,
            payment.Amount?.Currency.Value,
            payment.Reference);
    }
}
