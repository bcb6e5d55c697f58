using Microsoft.Data.Sqlite;
using RunRate.Ingest.Backup;
using RunRate.Storage.Crm;
using RunRate.Storage.Forecast;

namespace RunRate.Storage.Sqlite;

/// <summary>Restoring an export's CRM side in the same transaction as its ledger.</summary>
internal sealed partial class SqliteImportSession : ICrmRestoreSession
{
    public void RestoreCrm(CrmBackup backup)
    {
        ArgumentNullException.ThrowIfNull(backup);
        var store = _store ?? throw new InvalidOperationException("This import session was opened without its store.");
        _writer.Drain(); // CRM records refer to the customers written so far
        try
        {
            ((SqliteCrmStore)store.Crm).Restore(_transaction, backup, (SqliteScenarioStore)store.Scenarios);
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"Cannot restore the CRM records into {store.Location}: {ex.Message}. Nothing was changed.", ex);
        }
    }
}
