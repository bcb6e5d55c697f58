using Microsoft.Data.Sqlite;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Sqlite;

namespace RunRate.Storage.Crm;

/// <summary>The CRM tables of a <see cref="SqliteLedgerStore"/>, on its connection and through its transactions.</summary>
internal sealed partial class SqliteCrmStore(SqliteLedgerStore store, SqliteConnection connection) : ICrmStore
{
    public CrmData Load()
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var data = new CrmData(
            SqliteCrmRows.ReadPipeline(connection, transaction),
            [.. SqliteCrmRows.ReadAccounts(connection, transaction)],
            [.. SqliteCrmRows.ReadContacts(connection, transaction)],
            [.. SqliteCrmRows.ReadDeals(connection, transaction)],
            [.. SqliteCrmRows.ReadActivities(connection, transaction)],
            [.. SqliteCrmRows.ReadTargets(connection, transaction)],
            [.. SqliteCrmRows.ReadPayments(connection, transaction)]);
        transaction.Commit();
        return data;
    }

    public Contact? FindContact(ContactId id) => SqliteCrmRows.ReadContacts(connection, null, id.Value).SingleOrDefault();

    public WriteOutcome SaveContact(Contact contact, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return store.Write(transaction =>
        {
            if (Preflight(transaction, "contacts", "contact_id", contact.Id.Value, mode, contact.AccountId) is var check && check != WriteOutcome.Done)
            {
                return check;
            }

            if (contact.Email is { } email && Scalar(transaction, "SELECT contact_id FROM contacts WHERE email = $p0 AND contact_id <> $p1", email, contact.Id.Value) is not null)
            {
                return WriteOutcome.Conflict;
            }

            UpsertContact(transaction, contact);
            return WriteOutcome.Done;
        });
    }

    public WriteOutcome DeleteContact(ContactId id) => store.Write(transaction =>
    {
        if (store.Execute(transaction, "DELETE FROM contacts WHERE contact_id = $p0", id.Value) == 0)
        {
            return WriteOutcome.NotFound;
        }

        // Activities keep their account; only the link to the person goes.
        store.Execute(transaction, "UPDATE activities SET contact_id = NULL WHERE contact_id = $p0", id.Value);
        return WriteOutcome.Done;
    });

    public WriteOutcome SaveDomains(CustomerId account, IReadOnlyList<string> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        return store.Write(transaction =>
        {
            if (!store.Exists(transaction, "customers", "customer_id", account.Value))
            {
                return WriteOutcome.UnknownCustomer;
            }

            if (domains.Count == 0)
            {
                // No domains, no profile row: an empty row would still count as a CRM record of the customer
                // and stop a replacement ledger from leaving it out.
                store.Execute(transaction, "DELETE FROM crm_accounts WHERE customer_id = $p0", account.Value);
                return WriteOutcome.Done;
            }

            UpsertDomains(transaction, account, domains);
            return WriteOutcome.Done;
        });
    }

    public Deal? FindDeal(DealId id) => SqliteCrmRows.ReadDeals(connection, null, id.Value).SingleOrDefault();

    public WriteOutcome SaveDeal(Deal deal, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return store.Write(transaction =>
        {
            if (Preflight(transaction, "deals", "deal_id", deal.Id.Value, mode, deal.AccountId) is var check && check != WriteOutcome.Done)
            {
                return check;
            }

            var pipeline = SqliteCrmRows.ReadPipeline(connection, transaction);
            if (pipeline.Find(deal.Stage) is null || deal.History.Any(h => pipeline.Find(h.Stage) is null))
            {
                return WriteOutcome.Invalid;
            }

            UpsertDeal(transaction, deal);
            return WriteOutcome.Done;
        });
    }

    public WriteOutcome DeleteDeal(DealId id) => store.Write(transaction =>
    {
        store.Execute(transaction, "UPDATE activities SET deal_id = NULL WHERE deal_id = $p0", id.Value);
        return store.Execute(transaction, "DELETE FROM deals WHERE deal_id = $p0", id.Value) == 0 ? WriteOutcome.NotFound : WriteOutcome.Done;
    });

    public WriteOutcome AddDealLines(DealId id, IReadOnlyList<RevenueLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return store.Write(transaction =>
        {
            var stage = Scalar(transaction, "SELECT d.stage FROM deals d WHERE d.deal_id = $p0", id.Value) as string;
            if (stage is null)
            {
                return WriteOutcome.NotFound;
            }

            if (SqliteCrmRows.ReadPipeline(connection, transaction).Find(stage)?.Outcome != StageOutcome.Won || lines.Count == 0)
            {
                return WriteOutcome.Invalid;
            }

            foreach (var line in lines)
            {
                if (store.Exists(transaction, "lines", "line_id", line.Id.Value))
                {
                    return WriteOutcome.AlreadyExists;
                }

                if (!store.Exists(transaction, "customers", "customer_id", line.CustomerId.Value))
                {
                    return WriteOutcome.UnknownCustomer;
                }

                store.Execute(transaction, SqliteTable.Lines.UpsertSql, SqliteTable.Values(line));
                store.Execute(transaction, "INSERT INTO deal_lines (deal_id, line_id) VALUES ($p0, $p1)", id.Value, line.Id.Value);
            }

            return WriteOutcome.Done;
        });
    }

    public IReadOnlyList<LineId> DealLines(DealId id)
    {
        using var reader = SqliteCrmRows.Query(connection, null, "SELECT line_id FROM deal_lines WHERE deal_id = $id ORDER BY line_id", id.Value);
        var result = new List<LineId>();
        while (reader.Read())
        {
            result.Add(new LineId(reader.GetString(0)));
        }

        return result;
    }

    public Activity? FindActivity(ActivityId id) => SqliteCrmRows.ReadActivities(connection, null, id.Value).SingleOrDefault();

    public WriteOutcome SaveActivity(Activity activity, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return store.Write(transaction =>
        {
            if (Preflight(transaction, "activities", "activity_id", activity.Id.Value, mode, activity.AccountId) is var check && check != WriteOutcome.Done)
            {
                return check;
            }

            if (activity.ExternalId is { } external && Scalar(transaction, "SELECT 1 FROM activities WHERE external_id = $p0 AND activity_id <> $p1", external, activity.Id.Value) is not null)
            {
                return WriteOutcome.Conflict;
            }

            Insert(transaction, activity, upsert: true);
            return WriteOutcome.Done;
        });
    }

    public WriteOutcome DeleteActivity(ActivityId id) => store.Write(transaction =>
        store.Execute(transaction, "DELETE FROM activities WHERE activity_id = $p0", id.Value) == 0 ? WriteOutcome.NotFound : WriteOutcome.Done);

    public CaptureOutcome Capture(IReadOnlyList<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var added = 0;
        var skipped = 0;
        store.Write(transaction =>
        {
            foreach (var activity in activities)
            {
                var known = activity.ExternalId is { } external && Scalar(transaction, "SELECT 1 FROM activities WHERE external_id = $p0", external) is not null;
                if (known || store.Exists(transaction, "activities", "activity_id", activity.Id.Value))
                {
                    skipped++;
                    continue;
                }

                Insert(transaction, activity, upsert: false);
                added++;
            }

            return added > 0 ? WriteOutcome.Done : WriteOutcome.NotFound; // nothing new: no commit, revision unchanged
        });
        return new CaptureOutcome(added, skipped);
    }

    public WriteOutcome SaveTarget(SalesTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return store.Write(transaction =>
        {
            UpsertTarget(transaction, target);
            return WriteOutcome.Done;
        });
    }

    public WriteOutcome DeleteTarget(string owner, YearMonth start, int months) => store.Write(transaction =>
        store.Execute(transaction, "DELETE FROM targets WHERE owner = $p0 AND start_month = $p1 AND months = $p2", owner, start.ToString(), months) == 0
            ? WriteOutcome.NotFound
            : WriteOutcome.Done);

    public WriteOutcome SavePipeline(Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return store.Write(transaction =>
        {
            var keys = pipeline.Stages.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            using (var reader = SqliteCrmRows.Query(connection, transaction, "SELECT DISTINCT stage FROM deals UNION SELECT DISTINCT stage FROM deal_history"))
            {
                while (reader.Read())
                {
                    if (!keys.Contains(reader.GetString(0)))
                    {
                        return WriteOutcome.InUse;
                    }
                }
            }

            ReplaceStages(transaction, pipeline);
            return WriteOutcome.Done;
        });
    }

    private void UpsertContact(SqliteTransaction transaction, Contact contact) => store.Execute(
        transaction,
        """
        INSERT INTO contacts (contact_id, customer_id, name, email, phone, role) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)
        ON CONFLICT(contact_id) DO UPDATE SET customer_id = excluded.customer_id, name = excluded.name, email = excluded.email, phone = excluded.phone, role = excluded.role
        """,
        contact.Id.Value,
        contact.AccountId.Value,
        contact.Name,
        contact.Email,
        contact.Phone,
        contact.Role);

    private void UpsertDomains(SqliteTransaction transaction, CustomerId account, IReadOnlyList<string> domains) => store.Execute(
        transaction,
        "INSERT INTO crm_accounts (customer_id, domains) VALUES ($p0, $p1) ON CONFLICT(customer_id) DO UPDATE SET domains = excluded.domains",
        account.Value,
        string.Join(' ', domains));

    private void UpsertDeal(SqliteTransaction transaction, Deal deal)
    {
        store.Execute(
            transaction,
            """
            INSERT INTO deals (deal_id, customer_id, title, stage, arr, currency, kind, expected_close, owner, channel, lost_reason, created)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)
            ON CONFLICT(deal_id) DO UPDATE SET customer_id = excluded.customer_id, title = excluded.title, stage = excluded.stage,
                arr = excluded.arr, currency = excluded.currency, kind = excluded.kind, expected_close = excluded.expected_close,
                owner = excluded.owner, channel = excluded.channel, lost_reason = excluded.lost_reason, created = excluded.created
            """,
            deal.Id.Value,
            deal.AccountId.Value,
            deal.Title,
            deal.Stage,
            SqliteRows.Decimal(deal.Arr),
            deal.Currency.Value,
            deal.Kind.ToText(),
            SqliteRows.Date(deal.ExpectedClose),
            deal.Owner,
            deal.Channel,
            deal.LostReason,
            SqliteRows.Date(deal.Created));
        store.Execute(transaction, "DELETE FROM deal_history WHERE deal_id = $p0", deal.Id.Value);
        for (var i = 0; i < deal.History.Length; i++)
        {
            store.Execute(transaction, "INSERT INTO deal_history (deal_id, seq, stage, on_date) VALUES ($p0, $p1, $p2, $p3)", deal.Id.Value, i, deal.History[i].Stage, SqliteRows.Date(deal.History[i].On));
        }
    }

    private void UpsertTarget(SqliteTransaction transaction, SalesTarget target) => store.Execute(
        transaction,
        "INSERT INTO targets (owner, start_month, months, arr, currency) VALUES ($p0, $p1, $p2, $p3, $p4) ON CONFLICT(owner, start_month, months) DO UPDATE SET arr = excluded.arr, currency = excluded.currency",
        target.Owner,
        target.Start.ToString(),
        target.Months,
        SqliteRows.Decimal(target.Arr),
        target.Currency.Value);

    private void ReplaceStages(SqliteTransaction transaction, Pipeline pipeline)
    {
        store.Execute(transaction, "DELETE FROM pipeline_stages");
        for (var i = 0; i < pipeline.Stages.Length; i++)
        {
            var stage = pipeline.Stages[i];
            store.Execute(transaction, "INSERT INTO pipeline_stages (position, key, name, probability, outcome) VALUES ($p0, $p1, $p2, $p3, $p4)", i, stage.Key, stage.Name, SqliteRows.Decimal(stage.Probability), SqliteCrmRows.OutcomeText(stage.Outcome));
        }
    }

    internal void Insert(SqliteTransaction transaction, Activity activity, bool upsert) => store.Execute(
        transaction,
        """
        INSERT INTO activities (activity_id, kind, at, subject, body, customer_id, contact_id, deal_id, source, external_id)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9)
        """ + (upsert
            ? " ON CONFLICT(activity_id) DO UPDATE SET kind = excluded.kind, at = excluded.at, subject = excluded.subject, body = excluded.body, customer_id = excluded.customer_id, contact_id = excluded.contact_id, deal_id = excluded.deal_id, source = excluded.source, external_id = excluded.external_id"
            : ""),
        activity.Id.Value,
        activity.Kind.ToText(),
        SqliteCrmRows.Timestamp(activity.At),
        activity.Subject,
        activity.Body,
        activity.AccountId.Value,
        activity.ContactId?.Value,
        activity.DealId?.Value,
        activity.Source,
        activity.ExternalId);

    /// <summary>What every account record's write checks first: the mode against the stored id, then that the account is stored.</summary>
    private WriteOutcome Preflight(SqliteTransaction transaction, string table, string key, string id, WriteMode mode, CustomerId account)
    {
        var check = CheckMode(transaction, table, key, id, mode);
        return check != WriteOutcome.Done ? check
            : store.Exists(transaction, "customers", "customer_id", account.Value) ? WriteOutcome.Done
            : WriteOutcome.UnknownCustomer;
    }

    private WriteOutcome CheckMode(SqliteTransaction transaction, string table, string key, string id, WriteMode mode)
    {
        var exists = store.Exists(transaction, table, key, id);
        return exists == (mode == WriteMode.Replace) ? WriteOutcome.Done : exists ? WriteOutcome.AlreadyExists : WriteOutcome.NotFound;
    }

    internal object? Scalar(SqliteTransaction transaction, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }

        return command.ExecuteScalar();
    }
}
