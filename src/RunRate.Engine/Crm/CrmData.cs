using System.Collections.Immutable;

namespace RunRate.Engine.Crm;

/// <summary>
/// A consistent snapshot of the CRM side of a store: what the sales analytics, renewals and signals
/// read next to the revenue ledger. Immutable, like the ledger.
/// </summary>
public sealed record CrmData(
    Pipeline Pipeline,
    ImmutableArray<AccountProfile> Accounts,
    ImmutableArray<Contact> Contacts,
    ImmutableArray<Deal> Deals,
    ImmutableArray<Activity> Activities,
    ImmutableArray<SalesTarget> Targets,
    ImmutableArray<Payment> Payments)
{
    /// <summary>No CRM data, default pipeline.</summary>
    public static CrmData Empty { get; } = new(Pipeline.Default, [], [], [], [], [], []);
}
