using System.Collections.Immutable;
using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;

namespace RunRate.Ingest.Backup;

/// <summary>
/// Everything a store keeps besides the revenue ledger, as a backup carries it: the CRM, the links from
/// won deals to the ledger lines they created, billing payments under their keys, the billing events already
/// processed (so a webhook replayed after a restore is still recognised) and the saved forecast scenarios.
/// </summary>
/// <param name="Crm">Pipeline, domains, contacts, deals with their history, activities and targets. Its
/// <see cref="CrmData.Payments"/> are ignored: <paramref name="Payments"/> carries them with their keys.</param>
/// <param name="DealLines">Which ledger lines each won deal created.</param>
/// <param name="Payments">Billing outcomes under the unique key they were recorded with.</param>
/// <param name="WebhookEvents">Processed billing events.</param>
/// <param name="Scenarios">Saved forecast scenarios.</param>
public sealed record CrmBackup(
    CrmData Crm,
    ImmutableArray<DealLineLink> DealLines,
    ImmutableArray<KeyedPayment> Payments,
    ImmutableArray<ProcessedWebhookEvent> WebhookEvents,
    ImmutableArray<Scenario> Scenarios)
{
    /// <summary>No CRM data, the default pipeline, nothing else.</summary>
    public static CrmBackup Empty { get; } = new(CrmData.Empty, [], [], [], []);
}

/// <summary>A ledger line created from a won deal.</summary>
public sealed record DealLineLink(DealId Deal, LineId Line);

/// <summary>A payment outcome with the unique key it is stored under (the billing event's id).</summary>
public sealed record KeyedPayment(string Key, Payment Payment);

/// <summary>A billing event that was applied, kept so the same event is never applied twice.</summary>
/// <param name="EventId">The billing system's event id.</param>
/// <param name="Type">The event type, e.g. <c>invoice.paid</c>.</param>
/// <param name="ReceivedAt">When it was applied.</param>
/// <param name="Summary">What it did.</param>
public sealed record ProcessedWebhookEvent(string EventId, string Type, DateTimeOffset ReceivedAt, string Summary);

/// <summary>
/// An import session that can also replace the whole CRM side inside its own transaction, so that restoring
/// a backup changes the ledger and the CRM together or not at all. Implemented by every store's session.
/// </summary>
public interface ICrmRestoreSession
{
    /// <summary>
    /// Deletes every CRM record, deal-line link, payment, processed billing event and saved scenario, and writes
    /// <paramref name="backup"/> in their place, in the session's transaction (visible only once it commits).
    /// The caller has validated the backup; a record that still breaks a store rule throws and the session rolls back.
    /// </summary>
    void RestoreCrm(CrmBackup backup);
}
