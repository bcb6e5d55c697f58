using System.Globalization;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Crm;

namespace RunRate.Storage.Audit;

/// <summary>
/// The CRM side of an <see cref="AuditedLedgerStore"/>: every write that is done is recorded. Records without
/// a single-row lookup (domains, targets, the pipeline) are read from the CRM snapshot before the write.
/// </summary>
internal sealed class AuditedCrmStore(ICrmStore inner, AuditRecorder audit) : ICrmStore
{
    public CrmData Load() => inner.Load();

    public Contact? FindContact(ContactId id) => inner.FindContact(id);

    public WriteOutcome SaveContact(Contact contact, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var before = AuditJson.Of(inner.FindContact(contact.Id));
        return audit.Record(() => inner.SaveContact(contact, mode), "contact." + AuditRecorder.Verb(mode), contact.Id.Value, before, () => AuditJson.Of(contact));
    }

    public WriteOutcome DeleteContact(ContactId id)
    {
        var before = AuditJson.Of(inner.FindContact(id));
        return audit.Record(() => inner.DeleteContact(id), "contact.delete", id.Value, before, () => null);
    }

    public WriteOutcome SaveDomains(CustomerId account, IReadOnlyList<string> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var before = AuditJson.Domains(account, inner.Load().Accounts.FirstOrDefault(a => a.AccountId == account)?.Domains);
        return audit.Record(() => inner.SaveDomains(account, domains), "domains.update", account.Value, before, () => AuditJson.Domains(account, domains));
    }

    public Deal? FindDeal(DealId id) => inner.FindDeal(id);

    public WriteOutcome SaveDeal(Deal deal, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var before = AuditJson.Of(inner.FindDeal(deal.Id));
        return audit.Record(() => inner.SaveDeal(deal, mode), "deal." + AuditRecorder.Verb(mode), deal.Id.Value, before, () => AuditJson.Of(deal));
    }

    public WriteOutcome DeleteDeal(DealId id)
    {
        var before = AuditJson.Of(inner.FindDeal(id));
        return audit.Record(() => inner.DeleteDeal(id), "deal.delete", id.Value, before, () => null);
    }

    public WriteOutcome AddDealLines(DealId id, IReadOnlyList<RevenueLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var linked = inner.DealLines(id).Select(l => l.Value).ToList();
        var before = AuditJson.Facts(("deal_id", id.Value), ("lines", linked));
        // Built inside the write's transaction: the lines linked after are those before and the new ones (all new ids).
        return audit.Record(
            () => inner.AddDealLines(id, lines),
            "deal.lines",
            id.Value,
            before,
            () => AuditJson.Facts(("deal_id", id.Value), ("lines", linked.Concat(lines.Select(l => l.Id.Value)).Order(StringComparer.Ordinal).ToList())),
            string.Create(CultureInfo.InvariantCulture, $"{lines.Count} lines added: {string.Join(", ", lines.Select(l => l.Id.Value))}"));
    }

    public IReadOnlyList<LineId> DealLines(DealId id) => inner.DealLines(id);

    public Activity? FindActivity(ActivityId id) => inner.FindActivity(id);

    public WriteOutcome SaveActivity(Activity activity, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var before = AuditJson.Of(inner.FindActivity(activity.Id));
        return audit.Record(() => inner.SaveActivity(activity, mode), "activity." + AuditRecorder.Verb(mode), activity.Id.Value, before, () => AuditJson.Of(activity));
    }

    public WriteOutcome DeleteActivity(ActivityId id)
    {
        var before = AuditJson.Of(inner.FindActivity(id));
        return audit.Record(() => inner.DeleteActivity(id), "activity.delete", id.Value, before, () => null);
    }

    public CaptureOutcome Capture(IReadOnlyList<Activity> activities)
    {
        var outcome = inner.Capture(activities);
        if (outcome.Added > 0)
        {
            audit.Append(
                "activity.capture",
                null,
                null,
                AuditJson.Facts(("added", outcome.Added), ("already_logged", outcome.AlreadyLogged)),
                string.Create(CultureInfo.InvariantCulture, $"{outcome.Added} activities added, {outcome.AlreadyLogged} already logged"));
        }

        return outcome;
    }

    public WriteOutcome SaveTarget(SalesTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var before = AuditJson.Of(FindTarget(target.Owner, target.Start, target.Months));
        return audit.Record(() => inner.SaveTarget(target), "target.set", TargetId(target), before, () => AuditJson.Of(target));
    }

    public WriteOutcome DeleteTarget(string owner, YearMonth start, int months)
    {
        var found = FindTarget(owner, start, months);
        return audit.Record(
            () => inner.DeleteTarget(owner, start, months),
            "target.delete",
            found is null ? $"{owner}@{start}" : TargetId(found),
            AuditJson.Of(found),
            () => null);
    }

    public WriteOutcome SavePipeline(Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var before = AuditJson.Of(inner.Load().Pipeline);
        return audit.Record(() => inner.SavePipeline(pipeline), "pipeline.update", null, before, () => AuditJson.Of(pipeline));
    }

    public BillingOutcome ApplyBillingEvent(string eventId, string type, DateTimeOffset receivedAt, Func<ILedgerWriter, string> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        TrackingWriter? tracker = null;
        string? summary = null;

        // Only what the event did: its id, type, summary and the ids it wrote, never the payload or the signing secret.
        // The entry is built in the event's transaction, after apply ran (an event already applied commits nothing).
        return audit.Within(
            () => inner.ApplyBillingEvent(eventId, type, receivedAt, writer => summary = apply(tracker = new TrackingWriter(writer))),
            outcome => outcome.Applied,
            () => audit.Entry(
                "billing.event",
                eventId,
                null,
                AuditJson.Facts(
                    ("event_id", eventId),
                    ("type", type),
                    ("summary", summary),
                    ("customers", tracker?.Customers.Count > 0 ? tracker.Customers : null),
                    ("lines", tracker?.Lines.Count > 0 ? tracker.Lines : null)),
                $"{type}: {summary}"));
    }

    public IReadOnlyList<BillingEventRecord> BillingEvents(int limit) => inner.BillingEvents(limit);

    public IReadOnlyList<Ingest.Backup.KeyedPayment> PaymentRecords() => inner.PaymentRecords();

    public WriteOutcome ReplaceAll(CrmData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{data.Contacts.Length} contacts, {data.Deals.Length} deals, {data.Activities.Length} activities, {data.Targets.Length} targets, {data.Accounts.Length} account domain sets, {data.Pipeline.Stages.Length} stages");
        return audit.Record(
            () => inner.ReplaceAll(data),
            "crm.replace_all",
            null,
            null,
            () => AuditJson.Facts(
                ("contacts", data.Contacts.Length),
                ("deals", data.Deals.Length),
                ("activities", data.Activities.Length),
                ("targets", data.Targets.Length),
                ("accounts", data.Accounts.Length),
                ("stages", data.Pipeline.Stages.Length)),
            detail);
    }

    private static string TargetId(SalesTarget target) => $"{target.Owner}@{target.Period}";

    private SalesTarget? FindTarget(string owner, YearMonth start, int months) =>
        inner.Load().Targets.FirstOrDefault(t => string.Equals(t.Owner, owner, StringComparison.Ordinal) && t.Start == start && t.Months == months);

    /// <summary>The billing event's writer, noting which customers and lines it wrote.</summary>
    private sealed class TrackingWriter(ILedgerWriter inner) : ILedgerWriter
    {
        public SortedSet<string> Customers { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> Lines { get; } = new(StringComparer.Ordinal);

        public Customer? FindCustomer(CustomerId id) => inner.FindCustomer(id);

        public IReadOnlyList<RevenueLine> LinesWithIdPrefix(string prefix) => inner.LinesWithIdPrefix(prefix);

        public void Upsert(Customer customer)
        {
            inner.Upsert(customer);
            Customers.Add(customer.Id.Value);
        }

        public void Upsert(RevenueLine line)
        {
            inner.Upsert(line);
            Lines.Add(line.Id.Value);
        }

        public void Record(string key, Payment payment) => inner.Record(key, payment);

        public void Log(Activity activity) => inner.Log(activity);
    }
}
