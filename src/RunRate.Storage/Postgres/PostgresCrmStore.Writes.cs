using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;

namespace RunRate.Storage.Postgres;

/// <summary>The row writes the CRM operations share (upserts by key, stage replacement, activity inserts).</summary>
internal sealed partial class PostgresCrmStore
{
    private static void UpsertContact(PgSession session, Contact contact) => session.Execute(
        """
        INSERT INTO contacts (contact_id, customer_id, name, email, phone, role) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (contact_id) DO UPDATE SET customer_id = excluded.customer_id, name = excluded.name, email = excluded.email, phone = excluded.phone, role = excluded.role
        """,
        contact.Id.Value,
        contact.AccountId.Value,
        contact.Name,
        contact.Email,
        contact.Phone,
        contact.Role);

    private static void UpsertDomains(PgSession session, CustomerId account, IReadOnlyList<string> domains) => session.Execute(
        "INSERT INTO crm_accounts (customer_id, domains) VALUES ($1, $2) ON CONFLICT (customer_id) DO UPDATE SET domains = excluded.domains",
        account.Value,
        string.Join(' ', domains));

    private static void UpsertDeal(PgSession session, Deal deal)
    {
        session.Execute(
            """
            INSERT INTO deals (deal_id, customer_id, title, stage, arr, currency, kind, expected_close, owner, channel, lost_reason, created)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (deal_id) DO UPDATE SET customer_id = excluded.customer_id, title = excluded.title, stage = excluded.stage,
                arr = excluded.arr, currency = excluded.currency, kind = excluded.kind, expected_close = excluded.expected_close,
                owner = excluded.owner, channel = excluded.channel, lost_reason = excluded.lost_reason, created = excluded.created
            """,
            deal.Id.Value,
            deal.AccountId.Value,
            deal.Title,
            deal.Stage,
            deal.Arr,
            deal.Currency.Value,
            deal.Kind.ToText(),
            deal.ExpectedClose,
            deal.Owner,
            deal.Channel,
            deal.LostReason,
            deal.Created);
        session.Execute("DELETE FROM deal_history WHERE deal_id = $1", deal.Id.Value);
        for (var i = 0; i < deal.History.Length; i++)
        {
            session.Execute("INSERT INTO deal_history (deal_id, seq, stage, on_date) VALUES ($1, $2, $3, $4)", deal.Id.Value, i, deal.History[i].Stage, deal.History[i].On);
        }
    }

    private static void UpsertTarget(PgSession session, SalesTarget target) => session.Execute(
        "INSERT INTO targets (owner, start_month, months, arr, currency) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (owner, start_month, months) DO UPDATE SET arr = excluded.arr, currency = excluded.currency",
        target.Owner,
        PgValues.Month(target.Start),
        target.Months,
        target.Arr,
        target.Currency.Value);

    private static void ReplaceStages(PgSession session, Pipeline pipeline)
    {
        session.Execute("DELETE FROM pipeline_stages");
        for (var i = 0; i < pipeline.Stages.Length; i++)
        {
            var stage = pipeline.Stages[i];
            session.Execute("INSERT INTO pipeline_stages (position, key, name, probability, outcome) VALUES ($1, $2, $3, $4, $5)", i, stage.Key, stage.Name, stage.Probability, PostgresCrmRows.OutcomeText(stage.Outcome));
        }
    }

    private static void Insert(PgSession session, Activity activity, bool upsert)
    {
        var (at, rest) = PgValues.Instant(activity.At);
        session.Execute(
            """
            INSERT INTO activities (activity_id, kind, at, at_100ns, subject, body, customer_id, contact_id, deal_id, source, external_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """ + (upsert
                ? " ON CONFLICT (activity_id) DO UPDATE SET kind = excluded.kind, at = excluded.at, at_100ns = excluded.at_100ns, subject = excluded.subject, body = excluded.body, customer_id = excluded.customer_id, contact_id = excluded.contact_id, deal_id = excluded.deal_id, source = excluded.source, external_id = excluded.external_id"
                : ""),
            activity.Id.Value,
            activity.Kind.ToText(),
            at,
            rest,
            activity.Subject,
            activity.Body,
            activity.AccountId.Value,
            activity.ContactId?.Value,
            activity.DealId?.Value,
            activity.Source,
            activity.ExternalId);
    }
}
