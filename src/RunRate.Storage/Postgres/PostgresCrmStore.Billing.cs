using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Crm;

namespace RunRate.Storage.Postgres;

/// <summary>Billing events (each applied once, with its ledger writes, in one transaction) and whole-CRM replacement.</summary>
internal sealed partial class PostgresCrmStore
{
    public BillingOutcome ApplyBillingEvent(string eventId, string type, DateTimeOffset receivedAt, Func<ILedgerWriter, string> apply)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentNullException.ThrowIfNull(apply);
        BillingOutcome? outcome = null;
        store.Write(session =>
        {
            if (session.Scalar("SELECT summary FROM webhook_events WHERE event_id = $1", eventId) is string earlier)
            {
                outcome = new BillingOutcome(false, earlier);
                return WriteOutcome.AlreadyExists;
            }

            var summary = apply(new Writer(session));
            var (at, rest) = PgValues.Instant(receivedAt);
            session.Execute("INSERT INTO webhook_events (event_id, type, received_at, received_at_100ns, summary) VALUES ($1, $2, $3, $4, $5)", eventId, type, at, rest, summary);
            outcome = new BillingOutcome(true, summary);
            return WriteOutcome.Done;
        });
        return outcome!;
    }

    public IReadOnlyList<BillingEventRecord> BillingEvents(int limit) => store.Read(
        session =>
        {
            using var reader = session.Query("SELECT event_id, type, received_at, received_at_100ns, summary FROM webhook_events ORDER BY received_at DESC, received_at_100ns DESC, event_id LIMIT $1", limit);
            var result = new List<BillingEventRecord>();
            while (reader.Read())
            {
                result.Add(new BillingEventRecord(reader.GetString(0), reader.GetString(1), PgValues.Instant(reader.GetFieldValue<DateTime>(2), reader.GetInt16(3)), reader.GetString(4)));
            }

            return result;
        },
        snapshot: false);

    public WriteOutcome ReplaceAll(CrmData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return store.Write(session => ReplaceAllIn(session, data));
    }

    /// <summary>The body of <see cref="ReplaceAll"/> inside a caller's transaction (also a backup restore's); writes nothing unless <see cref="WriteOutcome.Done"/>.</summary>
    internal WriteOutcome ReplaceAllIn(PgSession session, CrmData data)
    {
        if (CrmReplaceRules.Check(data, id => session.Exists("customers", "customer_id", id)) is var check && check != WriteOutcome.Done)
        {
            return check;
        }

        // Deal history and deal-line links go with their deals (ON DELETE CASCADE); the ledger lines stay.
        session.Execute("DELETE FROM activities; DELETE FROM deals; DELETE FROM contacts; DELETE FROM crm_accounts; DELETE FROM targets;");
        ReplaceStages(session, data.Pipeline);
        foreach (var account in data.Accounts.Where(a => a.Domains.Length > 0))
        {
            UpsertDomains(session, account.AccountId, account.Domains);
        }

        foreach (var contact in data.Contacts)
        {
            UpsertContact(session, contact);
        }

        foreach (var deal in data.Deals)
        {
            UpsertDeal(session, deal);
        }

        foreach (var activity in data.Activities)
        {
            Insert(session, activity, upsert: false);
        }

        foreach (var target in data.Targets)
        {
            UpsertTarget(session, target);
        }

        return WriteOutcome.Done;
    }

    /// <summary>The billing event's view of the ledger, inside its transaction.</summary>
    private sealed class Writer(PgSession session) : ILedgerWriter
    {
        public void Log(Activity activity)
        {
            if (activity.ExternalId is null || session.Scalar("SELECT 1 FROM activities WHERE external_id = $1", activity.ExternalId) is null)
            {
                Insert(session, activity, upsert: true);
            }
        }

        public Customer? FindCustomer(CustomerId id) => PostgresRows.ReadCustomers(session, id.Value).SingleOrDefault();

        public IReadOnlyList<RevenueLine> LinesWithIdPrefix(string prefix) => PostgresRows.ReadLinesWithIdPrefix(session, prefix);

        public void Upsert(Customer customer) => session.Execute(PostgresRows.UpsertCustomer, PostgresRows.Values(customer));

        public void Upsert(RevenueLine line) => session.Execute(PostgresRows.UpsertLine, PostgresRows.Values(line));

        public void Record(string key, Payment payment) => session.Execute(
            """
            INSERT INTO payments (payment_key, customer_id, on_date, succeeded, amount, currency, reference) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (payment_key) DO UPDATE SET customer_id = excluded.customer_id, on_date = excluded.on_date, succeeded = excluded.succeeded,
                amount = excluded.amount, currency = excluded.currency, reference = excluded.reference
            """,
            key,
            payment.AccountId.Value,
            payment.On,
            payment.Succeeded,
            payment.Amount?.Amount,
            payment.Amount?.Currency.Value,
            payment.Reference);
    }
}
