using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Crm;

namespace RunRate.Storage.Postgres;

/// <summary>The CRM tables of a <see cref="PostgresLedgerStore"/>, written through its transactions (same rules as SQLite's).</summary>
internal sealed partial class PostgresCrmStore(PostgresLedgerStore store) : ICrmStore
{
    public CrmData Load() => store.Read(session => new CrmData(
        PostgresCrmRows.ReadPipeline(session),
        [.. PostgresCrmRows.ReadAccounts(session)],
        [.. PostgresCrmRows.ReadContacts(session)],
        [.. PostgresCrmRows.ReadDeals(session)],
        [.. PostgresCrmRows.ReadActivities(session)],
        [.. PostgresCrmRows.ReadTargets(session)],
        [.. PostgresCrmRows.ReadPayments(session)]));

    public Contact? FindContact(ContactId id) => store.Read(s => PostgresCrmRows.ReadContacts(s, id.Value).SingleOrDefault(), snapshot: false);

    public WriteOutcome SaveContact(Contact contact, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return store.Write(session =>
        {
            if (Preflight(session, "contacts", "contact_id", contact.Id.Value, mode, contact.AccountId) is var check && check != WriteOutcome.Done)
            {
                return check;
            }

            if (contact.Email is { } email && session.Scalar("SELECT contact_id FROM contacts WHERE email = $1 AND contact_id <> $2", email, contact.Id.Value) is not null)
            {
                return WriteOutcome.Conflict;
            }

            UpsertContact(session, contact);
            return WriteOutcome.Done;
        });
    }

    public WriteOutcome DeleteContact(ContactId id) => store.Write(session =>
    {
        if (session.Execute("DELETE FROM contacts WHERE contact_id = $1", id.Value) == 0)
        {
            return WriteOutcome.NotFound;
        }

        // Activities keep their account; only the link to the person goes.
        session.Execute("UPDATE activities SET contact_id = NULL WHERE contact_id = $1", id.Value);
        return WriteOutcome.Done;
    });

    public WriteOutcome SaveDomains(CustomerId account, IReadOnlyList<string> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        return store.Write(session =>
        {
            if (!session.Exists("customers", "customer_id", account.Value))
            {
                return WriteOutcome.UnknownCustomer;
            }

            if (domains.Count == 0)
            {
                // No domains, no profile row (it would count as a CRM record of the customer).
                session.Execute("DELETE FROM crm_accounts WHERE customer_id = $1", account.Value);
                return WriteOutcome.Done;
            }

            UpsertDomains(session, account, domains);
            return WriteOutcome.Done;
        });
    }

    public Deal? FindDeal(DealId id) => store.Read(s => PostgresCrmRows.ReadDeals(s, id.Value).SingleOrDefault());

    public WriteOutcome SaveDeal(Deal deal, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return store.Write(session =>
        {
            if (Preflight(session, "deals", "deal_id", deal.Id.Value, mode, deal.AccountId) is var check && check != WriteOutcome.Done)
            {
                return check;
            }

            var pipeline = PostgresCrmRows.ReadPipeline(session);
            if (pipeline.Find(deal.Stage) is null || deal.History.Any(h => pipeline.Find(h.Stage) is null))
            {
                return WriteOutcome.Invalid;
            }

            UpsertDeal(session, deal);
            return WriteOutcome.Done;
        });
    }

    public WriteOutcome DeleteDeal(DealId id) => store.Write(session =>
    {
        session.Execute("UPDATE activities SET deal_id = NULL WHERE deal_id = $1", id.Value);
        return session.Execute("DELETE FROM deals WHERE deal_id = $1", id.Value) == 0 ? WriteOutcome.NotFound : WriteOutcome.Done;
    });

    public WriteOutcome AddDealLines(DealId id, IReadOnlyList<RevenueLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return store.Write(session =>
        {
            if (session.Scalar("SELECT stage FROM deals WHERE deal_id = $1", id.Value) is not string stage)
            {
                return WriteOutcome.NotFound;
            }

            if (PostgresCrmRows.ReadPipeline(session).Find(stage)?.Outcome != StageOutcome.Won || lines.Count == 0)
            {
                return WriteOutcome.Invalid;
            }

            foreach (var line in lines)
            {
                if (session.Exists("lines", "line_id", line.Id.Value))
                {
                    return WriteOutcome.AlreadyExists;
                }

                if (!session.Exists("customers", "customer_id", line.CustomerId.Value))
                {
                    return WriteOutcome.UnknownCustomer;
                }

                session.Execute(PostgresRows.UpsertLine, PostgresRows.Values(line));
                session.Execute("INSERT INTO deal_lines (deal_id, line_id) VALUES ($1, $2)", id.Value, line.Id.Value);
            }

            return WriteOutcome.Done;
        });
    }

    public IReadOnlyList<LineId> DealLines(DealId id) => store.Read(
        session =>
        {
            using var reader = session.Query("SELECT line_id FROM deal_lines WHERE deal_id = $1 ORDER BY line_id", id.Value);
            var result = new List<LineId>();
            while (reader.Read())
            {
                result.Add(new LineId(reader.GetString(0)));
            }

            return result;
        },
        snapshot: false);

    public Activity? FindActivity(ActivityId id) => store.Read(s => PostgresCrmRows.ReadActivities(s, id.Value).SingleOrDefault(), snapshot: false);

    public WriteOutcome SaveActivity(Activity activity, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return store.Write(session =>
        {
            if (Preflight(session, "activities", "activity_id", activity.Id.Value, mode, activity.AccountId) is var check && check != WriteOutcome.Done)
            {
                return check;
            }

            if (activity.ExternalId is { } external && session.Scalar("SELECT 1 FROM activities WHERE external_id = $1 AND activity_id <> $2", external, activity.Id.Value) is not null)
            {
                return WriteOutcome.Conflict;
            }

            Insert(session, activity, upsert: true);
            return WriteOutcome.Done;
        });
    }

    public WriteOutcome DeleteActivity(ActivityId id) => store.Write(session =>
        session.Execute("DELETE FROM activities WHERE activity_id = $1", id.Value) == 0 ? WriteOutcome.NotFound : WriteOutcome.Done);

    public CaptureOutcome Capture(IReadOnlyList<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var added = 0;
        var skipped = 0;
        store.Write(session =>
        {
            added = skipped = 0;
            foreach (var activity in activities)
            {
                var known = activity.ExternalId is { } external && session.Scalar("SELECT 1 FROM activities WHERE external_id = $1", external) is not null;
                if (known || session.Exists("activities", "activity_id", activity.Id.Value))
                {
                    skipped++;
                    continue;
                }

                Insert(session, activity, upsert: false);
                added++;
            }

            return added > 0 ? WriteOutcome.Done : WriteOutcome.NotFound; // nothing new: no commit, revision unchanged
        });
        return new CaptureOutcome(added, skipped);
    }

    public WriteOutcome SaveTarget(SalesTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return store.Write(session =>
        {
            UpsertTarget(session, target);
            return WriteOutcome.Done;
        });
    }

    public WriteOutcome DeleteTarget(string owner, YearMonth start, int months) => store.Write(session =>
        session.Execute("DELETE FROM targets WHERE owner = $1 AND start_month = $2 AND months = $3", owner, PgValues.Month(start), months) == 0
            ? WriteOutcome.NotFound
            : WriteOutcome.Done);

    public WriteOutcome SavePipeline(Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return store.Write(session =>
        {
            var keys = pipeline.Stages.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            using (var reader = session.Query("SELECT DISTINCT stage FROM deals UNION SELECT DISTINCT stage FROM deal_history"))
            {
                while (reader.Read())
                {
                    if (!keys.Contains(reader.GetString(0)))
                    {
                        return WriteOutcome.InUse;
                    }
                }
            }

            ReplaceStages(session, pipeline);
            return WriteOutcome.Done;
        });
    }

    /// <summary>What every account record's write checks first: the mode against the stored id, then that the account is stored.</summary>
    private static WriteOutcome Preflight(PgSession session, string table, string key, string id, WriteMode mode, CustomerId account)
    {
        var exists = session.Exists(table, key, id);
        return exists != (mode == WriteMode.Replace) ? (exists ? WriteOutcome.AlreadyExists : WriteOutcome.NotFound)
            : session.Exists("customers", "customer_id", account.Value) ? WriteOutcome.Done
            : WriteOutcome.UnknownCustomer;
    }
}
