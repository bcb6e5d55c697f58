using RunRate.Ingest.Backup;

namespace RunRate.Storage.Crm;

/// <summary>What an export needs beyond <see cref="Load"/> (issue 7, backup and restore).</summary>
public partial interface ICrmStore
{
    /// <summary>
    /// Every stored payment with the key it is recorded under (the billing event's id), ordered by day then key.
    /// <see cref="Engine.Crm.CrmData.Payments"/> drops the key, but a restore must keep it so a replayed event replaces its
    /// payment instead of adding a second one.
    /// </summary>
    IReadOnlyList<KeyedPayment> PaymentRecords();
}
