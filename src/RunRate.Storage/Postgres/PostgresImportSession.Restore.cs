using Npgsql;
using RunRate.Ingest.Backup;

namespace RunRate.Storage.Postgres;

/// <summary>Restoring an export's CRM side in the same transaction as its ledger.</summary>
internal sealed partial class PostgresImportSession : ICrmRestoreSession
{
    public void RestoreCrm(CrmBackup backup)
    {
        ArgumentNullException.ThrowIfNull(backup);
        FlushCustomers(); // CRM records refer to the customers written so far
        try
        {
            ((PostgresCrmStore)_store.Crm).Restore(_session, backup, (PostgresScenarioStore)_store.Scenarios);
        }
        catch (PostgresException ex)
        {
            throw new StoreException($"Cannot restore the CRM records: {ex.MessageText}. Nothing was changed.", ex);
        }
    }
}
