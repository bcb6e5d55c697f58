using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Storage.Crm;

namespace RunRate.Storage.Postgres;

/// <summary>Reads the CRM tables of the PostgreSQL store into engine records (numeric → decimal, date → DateOnly).</summary>
internal static class PostgresCrmRows
{
    public static Pipeline ReadPipeline(PgSession session)
    {
        var stages = new List<PipelineStage>();
        using var reader = session.Query("SELECT key, name, probability, outcome FROM pipeline_stages ORDER BY position");
        while (reader.Read())
        {
            stages.Add(new PipelineStage(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2), Outcome(reader.GetString(3))));
        }

        return new Pipeline(stages);
    }

    public static List<AccountProfile> ReadAccounts(PgSession session)
    {
        var result = new List<AccountProfile>();
        using var reader = session.Query("SELECT customer_id, domains FROM crm_accounts ORDER BY customer_id");
        while (reader.Read())
        {
            result.Add(new AccountProfile(new CustomerId(reader.GetString(0)), [.. reader.GetString(1).Split(' ', StringSplitOptions.RemoveEmptyEntries)]));
        }

        return result;
    }

    public static List<Contact> ReadContacts(PgSession session, string? id = null)
    {
        var result = new List<Contact>();
        using var reader = Query(session, "SELECT contact_id, customer_id, name, email, phone, role FROM contacts", "contact_id", id, "contact_id");
        while (reader.Read())
        {
            result.Add(new Contact(new ContactId(reader.GetString(0)), new CustomerId(reader.GetString(1)), reader.GetString(2), PostgresRows.Text(reader, 3), PostgresRows.Text(reader, 4), PostgresRows.Text(reader, 5)));
        }

        return result;
    }

    public static List<Deal> ReadDeals(PgSession session, string? id = null)
    {
        var history = new Dictionary<string, List<StageChange>>(StringComparer.Ordinal);
        using (var reader = Query(session, "SELECT deal_id, stage, on_date FROM deal_history", "deal_id", id, "deal_id, seq"))
        {
            while (reader.Read())
            {
                var dealId = reader.GetString(0);
                if (!history.TryGetValue(dealId, out var changes))
                {
                    history[dealId] = changes = [];
                }

                changes.Add(new StageChange(reader.GetString(1), reader.GetFieldValue<DateOnly>(2)));
            }
        }

        var result = new List<Deal>();
        using var deals = Query(session, "SELECT deal_id, customer_id, title, stage, arr, currency, kind, expected_close, owner, channel, lost_reason, created FROM deals", "deal_id", id, "deal_id");
        while (deals.Read())
        {
            var dealId = deals.GetString(0);
            result.Add(new Deal(
                new DealId(dealId),
                new CustomerId(deals.GetString(1)),
                deals.GetString(2),
                deals.GetString(3),
                deals.GetDecimal(4),
                CurrencyCode.Parse(deals.GetString(5)),
                DealKinds.Parse(deals.GetString(6)) ?? throw new StoreException($"Stored deal {dealId} has an unknown kind '{deals.GetString(6)}'."),
                deals.GetFieldValue<DateOnly>(7),
                PostgresRows.Text(deals, 8),
                PostgresRows.Text(deals, 9),
                PostgresRows.Text(deals, 10),
                deals.GetFieldValue<DateOnly>(11),
                history.TryGetValue(dealId, out var changes) ? [.. changes] : []));
        }

        return result;
    }

    public static List<Activity> ReadActivities(PgSession session, string? id = null)
    {
        var result = new List<Activity>();
        using var reader = Query(session, "SELECT activity_id, kind, at, at_100ns, subject, body, customer_id, contact_id, deal_id, source, external_id FROM activities", "activity_id", id, "at, at_100ns, activity_id");
        while (reader.Read())
        {
            result.Add(new Activity(
                new ActivityId(reader.GetString(0)),
                ActivityKinds.Parse(reader.GetString(1)) ?? throw new StoreException($"Stored activity {reader.GetString(0)} has an unknown kind '{reader.GetString(1)}'."),
                PgValues.Instant(reader.GetFieldValue<DateTime>(2), reader.GetInt16(3)),
                reader.GetString(4),
                PostgresRows.Text(reader, 5),
                new CustomerId(reader.GetString(6)),
                reader.IsDBNull(7) ? null : new ContactId(reader.GetString(7)),
                reader.IsDBNull(8) ? null : new DealId(reader.GetString(8)),
                reader.GetString(9),
                PostgresRows.Text(reader, 10)));
        }

        return result;
    }

    public static List<SalesTarget> ReadTargets(PgSession session)
    {
        var result = new List<SalesTarget>();
        using var reader = session.Query("SELECT owner, start_month, months, arr, currency FROM targets ORDER BY start_month, owner");
        while (reader.Read())
        {
            result.Add(new SalesTarget(reader.GetString(0), PgValues.Month(reader.GetFieldValue<DateOnly>(1)), reader.GetInt32(2), reader.GetDecimal(3), CurrencyCode.Parse(reader.GetString(4))));
        }

        return result;
    }

    public static List<Payment> ReadPayments(PgSession session)
    {
        var result = new List<Payment>();
        using var reader = session.Query("SELECT customer_id, on_date, succeeded, amount, currency, reference FROM payments ORDER BY on_date, payment_key");
        while (reader.Read())
        {
            Money? amount = reader.IsDBNull(3) || reader.IsDBNull(4) ? null : new Money(reader.GetDecimal(3), CurrencyCode.Parse(reader.GetString(4)));
            result.Add(new Payment(new CustomerId(reader.GetString(0)), reader.GetFieldValue<DateOnly>(1), reader.GetBoolean(2), amount, reader.GetString(5)));
        }

        return result;
    }

    private static Npgsql.NpgsqlDataReader Query(PgSession session, string select, string key, string? id, string order) =>
        id is null ? session.Query($"{select} ORDER BY {order}") : session.Query($"{select} WHERE {key} = $1 ORDER BY {order}", id);

    private static StageOutcome Outcome(string text) => text switch
    {
        "won" => StageOutcome.Won,
        "lost" => StageOutcome.Lost,
        _ => StageOutcome.Open,
    };

    /// <summary>The stored text of an outcome (shared with SQLite).</summary>
    public static string OutcomeText(StageOutcome outcome) => SqliteCrmRows.OutcomeText(outcome);
}
