using System.Globalization;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Storage.Sqlite;

namespace RunRate.Storage.Crm;

/// <summary>Reads the CRM tables into engine records. Money is canonical decimal TEXT, as in the ledger.</summary>
internal static class SqliteCrmRows
{
    public static Pipeline ReadPipeline(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var stages = new List<PipelineStage>();
        using var reader = Query(connection, transaction, "SELECT key, name, probability, outcome FROM pipeline_stages ORDER BY position");
        while (reader.Read())
        {
            stages.Add(new PipelineStage(reader.GetString(0), reader.GetString(1), SqliteRows.ParseDecimal(reader.GetString(2)), Outcome(reader.GetString(3))));
        }

        return new Pipeline(stages);
    }

    public static List<AccountProfile> ReadAccounts(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var result = new List<AccountProfile>();
        using var reader = Query(connection, transaction, "SELECT customer_id, domains FROM crm_accounts ORDER BY customer_id");
        while (reader.Read())
        {
            result.Add(new AccountProfile(new CustomerId(reader.GetString(0)), [.. reader.GetString(1).Split(' ', StringSplitOptions.RemoveEmptyEntries)]));
        }

        return result;
    }

    public static List<Contact> ReadContacts(SqliteConnection connection, SqliteTransaction? transaction, string? id = null)
    {
        var result = new List<Contact>();
        using var reader = Query(connection, transaction, "SELECT contact_id, customer_id, name, email, phone, role FROM contacts" + Where("contact_id", id) + " ORDER BY contact_id", id);
        while (reader.Read())
        {
            result.Add(new Contact(new ContactId(reader.GetString(0)), new CustomerId(reader.GetString(1)), reader.GetString(2), SqliteRows.Text(reader, 3), SqliteRows.Text(reader, 4), SqliteRows.Text(reader, 5)));
        }

        return result;
    }

    public static List<Deal> ReadDeals(SqliteConnection connection, SqliteTransaction? transaction, string? id = null)
    {
        var history = new Dictionary<string, List<StageChange>>(StringComparer.Ordinal);
        using (var reader = Query(connection, transaction, "SELECT deal_id, stage, on_date FROM deal_history" + Where("deal_id", id) + " ORDER BY deal_id, seq", id))
        {
            while (reader.Read())
            {
                var dealId = reader.GetString(0);
                if (!history.TryGetValue(dealId, out var changes))
                {
                    history[dealId] = changes = [];
                }

                changes.Add(new StageChange(reader.GetString(1), SqliteRows.ParseDate(reader.GetString(2))));
            }
        }

        var result = new List<Deal>();
        using var deals = Query(connection, transaction, "SELECT deal_id, customer_id, title, stage, arr, currency, kind, expected_close, owner, channel, lost_reason, created FROM deals" + Where("deal_id", id) + " ORDER BY deal_id", id);
        while (deals.Read())
        {
            var dealId = deals.GetString(0);
            result.Add(new Deal(
                new DealId(dealId),
                new CustomerId(deals.GetString(1)),
                deals.GetString(2),
                deals.GetString(3),
                SqliteRows.ParseDecimal(deals.GetString(4)),
                CurrencyCode.Parse(deals.GetString(5)),
                DealKinds.Parse(deals.GetString(6)) ?? throw new StoreException($"Stored deal {dealId} has an unknown kind '{deals.GetString(6)}'."),
                SqliteRows.ParseDate(deals.GetString(7)),
                SqliteRows.Text(deals, 8),
                SqliteRows.Text(deals, 9),
                SqliteRows.Text(deals, 10),
                SqliteRows.ParseDate(deals.GetString(11)),
                history.TryGetValue(dealId, out var changes) ? [.. changes] : []));
        }

        return result;
    }

    public static List<Activity> ReadActivities(SqliteConnection connection, SqliteTransaction? transaction, string? id = null)
    {
        var result = new List<Activity>();
        using var reader = Query(connection, transaction, "SELECT activity_id, kind, at, subject, body, customer_id, contact_id, deal_id, source, external_id FROM activities" + Where("activity_id", id) + " ORDER BY at, activity_id", id);
        while (reader.Read())
        {
            result.Add(new Activity(
                new ActivityId(reader.GetString(0)),
                ActivityKinds.Parse(reader.GetString(1)) ?? throw new StoreException($"Stored activity {reader.GetString(0)} has an unknown kind '{reader.GetString(1)}'."),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                reader.GetString(3),
                SqliteRows.Text(reader, 4),
                new CustomerId(reader.GetString(5)),
                reader.IsDBNull(6) ? null : new ContactId(reader.GetString(6)),
                reader.IsDBNull(7) ? null : new DealId(reader.GetString(7)),
                reader.GetString(8),
                SqliteRows.Text(reader, 9)));
        }

        return result;
    }

    public static List<SalesTarget> ReadTargets(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var result = new List<SalesTarget>();
        using var reader = Query(connection, transaction, "SELECT owner, start_month, months, arr, currency FROM targets ORDER BY start_month, owner");
        while (reader.Read())
        {
            result.Add(new SalesTarget(reader.GetString(0), YearMonth.Parse(reader.GetString(1)), reader.GetInt32(2), SqliteRows.ParseDecimal(reader.GetString(3)), CurrencyCode.Parse(reader.GetString(4))));
        }

        return result;
    }

    public static List<Payment> ReadPayments(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var result = new List<Payment>();
        using var reader = Query(connection, transaction, "SELECT customer_id, on_date, succeeded, amount, currency, reference FROM payments ORDER BY on_date, payment_key");
        while (reader.Read())
        {
            Money? amount = reader.IsDBNull(3) || reader.IsDBNull(4) ? null : new Money(SqliteRows.ParseDecimal(reader.GetString(3)), CurrencyCode.Parse(reader.GetString(4)));
            result.Add(new Payment(new CustomerId(reader.GetString(0)), SqliteRows.ParseDate(reader.GetString(1)), reader.GetInt64(2) != 0, amount, reader.GetString(5)));
        }

        return result;
    }

    public static string OutcomeText(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Won => "won",
        StageOutcome.Lost => "lost",
        _ => "open",
    };

    public static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static SqliteDataReader Query(SqliteConnection connection, SqliteTransaction? transaction, string sql, string? id = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        return command.ExecuteReader();
    }

    private static string Where(string column, string? id) => id is null ? "" : $" WHERE {column} = $id";

    private static StageOutcome Outcome(string text) => text switch
    {
        "won" => StageOutcome.Won,
        "lost" => StageOutcome.Lost,
        _ => StageOutcome.Open,
    };
}
