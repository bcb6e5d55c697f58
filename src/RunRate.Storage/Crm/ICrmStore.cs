using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Storage.Crm;

/// <summary>
/// The CRM side of a store: contacts, deals, activities, targets, the pipeline's stages and billing
/// events, kept next to the ledger in the same database so that one transaction can change both
/// (a won deal's lines, a billing webhook's subscription change). Every write commits whole or not at
/// all and moves the store's revision, so dashboards refresh.
/// </summary>
public partial interface ICrmStore
{
    /// <summary>A consistent snapshot of every CRM table.</summary>
    CrmData Load();

    /// <summary>One contact, or null.</summary>
    Contact? FindContact(ContactId id);

    /// <summary>Stores a contact (create or replace, as for customers); <see cref="WriteOutcome.UnknownCustomer"/> for an unknown account, <see cref="WriteOutcome.Conflict"/> when another contact has the e-mail.</summary>
    WriteOutcome SaveContact(Contact contact, WriteMode mode);

    /// <summary>Deletes a contact.</summary>
    WriteOutcome DeleteContact(ContactId id);

    /// <summary>Replaces an account's e-mail domains (none removes its profile); <see cref="WriteOutcome.UnknownCustomer"/> for an unknown account.</summary>
    WriteOutcome SaveDomains(CustomerId account, IReadOnlyList<string> domains);

    /// <summary>One deal, or null.</summary>
    Deal? FindDeal(DealId id);

    /// <summary>Stores a deal with its stage history; <see cref="WriteOutcome.Invalid"/> when its stage is not in the pipeline.</summary>
    WriteOutcome SaveDeal(Deal deal, WriteMode mode);

    /// <summary>Deletes a deal (its history goes with it; lines it created stay in the ledger).</summary>
    WriteOutcome DeleteDeal(DealId id);

    /// <summary>
    /// Stores the ledger lines a won deal sold and links them to it, in one transaction:
    /// <see cref="WriteOutcome.Invalid"/> when the deal is not won, <see cref="WriteOutcome.AlreadyExists"/> when a line id is taken.
    /// </summary>
    WriteOutcome AddDealLines(DealId id, IReadOnlyList<RevenueLine> lines);

    /// <summary>The ids of the lines created from a deal.</summary>
    IReadOnlyList<LineId> DealLines(DealId id);

    /// <summary>One activity, or null.</summary>
    Activity? FindActivity(ActivityId id);

    /// <summary>Stores an activity; <see cref="WriteOutcome.UnknownCustomer"/> for an unknown account.</summary>
    WriteOutcome SaveActivity(Activity activity, WriteMode mode);

    /// <summary>Deletes an activity.</summary>
    WriteOutcome DeleteActivity(ActivityId id);

    /// <summary>
    /// Logs captured activities in one transaction, skipping those whose <see cref="Activity.ExternalId"/>
    /// is already stored (so importing the same mailbox twice logs each message once).
    /// </summary>
    CaptureOutcome Capture(IReadOnlyList<Activity> activities);

    /// <summary>Sets (creates or replaces) a target.</summary>
    WriteOutcome SaveTarget(SalesTarget target);

    /// <summary>Deletes a target.</summary>
    WriteOutcome DeleteTarget(string owner, YearMonth start, int months);

    /// <summary>Replaces the pipeline's stages; <see cref="WriteOutcome.InUse"/> when a deal sits in a stage that would disappear.</summary>
    WriteOutcome SavePipeline(Pipeline pipeline);

    /// <summary>
    /// Applies one billing event exactly once: when <paramref name="eventId"/> was seen before nothing runs and
    /// the outcome says so; otherwise <paramref name="apply"/> writes through the given writer and the event is
    /// recorded, all in one transaction. An exception from <paramref name="apply"/> rolls everything back.
    /// </summary>
    BillingOutcome ApplyBillingEvent(string eventId, string type, DateTimeOffset receivedAt, Func<ILedgerWriter, string> apply);

    /// <summary>Recent billing events, newest first.</summary>
    IReadOnlyList<BillingEventRecord> BillingEvents(int limit);

    /// <summary>
    /// Replaces every domain, contact, deal (with its history; its links to lines go, the lines stay), activity and
    /// target, and the pipeline, by <paramref name="data"/> in one transaction; payments and billing events stay.
    /// For loading a whole CRM at once (the demo), which row by row would be thousands of commits.
    /// <see cref="WriteOutcome.UnknownCustomer"/> when a record's account is not stored, <see cref="WriteOutcome.Invalid"/>
    /// when a deal's stage is not in the pipeline, <see cref="WriteOutcome.Conflict"/> when an id or e-mail repeats:
    /// nothing is written then. <c>ReplaceAll(CrmData.Empty)</c> clears the CRM.
    /// </summary>
    WriteOutcome ReplaceAll(CrmData data);
}

/// <summary>The writes a billing event may make, inside its transaction.</summary>
public interface ILedgerWriter
{
    /// <summary>One customer, or null.</summary>
    Customer? FindCustomer(CustomerId id);

    /// <summary>The lines whose id starts with <paramref name="prefix"/> (a billing system's item and its amendments).</summary>
    IReadOnlyList<RevenueLine> LinesWithIdPrefix(string prefix);

    /// <summary>Creates or replaces a customer.</summary>
    void Upsert(Customer customer);

    /// <summary>Creates or replaces a line; its customer must be stored.</summary>
    void Upsert(RevenueLine line);

    /// <summary>Records a payment outcome under a unique key (replaces one with the same key).</summary>
    void Record(string key, Payment payment);

    /// <summary>Logs an activity on its account's timeline unless one with the same external id is stored.</summary>
    void Log(Activity activity);
}

/// <summary>What a capture stored.</summary>
/// <param name="Added">Activities newly logged.</param>
/// <param name="AlreadyLogged">Activities skipped because their external id was stored before.</param>
public sealed record CaptureOutcome(int Added, int AlreadyLogged);

/// <summary>Whether a billing event was applied now or had been before.</summary>
/// <param name="Applied">True when this call applied it.</param>
/// <param name="Summary">What the event did (now or the first time).</param>
public sealed record BillingOutcome(bool Applied, string Summary);

/// <summary>One processed billing event.</summary>
public sealed record BillingEventRecord(string EventId, string Type, DateTimeOffset ReceivedAt, string Summary);
