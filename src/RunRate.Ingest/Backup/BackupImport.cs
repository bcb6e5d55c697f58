using RunRate.Ingest.Csv;

namespace RunRate.Ingest.Backup;

/// <summary>What a restore did: the ledger import's result, and the CRM written with it (null for a plain ledger folder).</summary>
public sealed record BackupImportResult(ImportResult? Ledger, CrmBackup? Crm)
{
    /// <summary>True when everything was committed.</summary>
    public bool Succeeded => Ledger is { Succeeded: true };
}

/// <summary>
/// Imports an export (or a plain ledger folder, exactly as <see cref="LedgerImport"/> does). With a manifest, every
/// file is first checked against its SHA-256. The CRM files are read and validated before anything is written; the
/// ledger is then validated and written through one transaction and the CRM replaced inside that same transaction
/// (<see cref="ICrmRestoreSession"/>), so either the whole export is stored or nothing changes.
/// </summary>
public static class BackupImport
{
    /// <summary>
    /// Runs the restore. CRM files need <paramref name="replace"/>: an export is a whole store and merging two CRMs
    /// row by row has no single right answer. <paramref name="where"/> names the source in messages ("the zip").
    /// </summary>
    public static BackupImportResult Run(BackupSource source, string where, ILedgerImportTarget target, bool replace, LedgerErrors errors, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(errors);
        if (source.HasManifest)
        {
            using var stream = source.Files[BackupFiles.Manifest]();
            if (BackupManifest.Read(stream, errors) is not { } manifest || !manifest.Verify(source.Files, errors))
            {
                return new BackupImportResult(null, null);
            }
        }

        var ledger = source.Ledger(where, errors);
        if (ledger is null)
        {
            return new BackupImportResult(null, null);
        }

        CrmBackup? crm = null;
        if (source.HasCrm)
        {
            if (!replace)
            {
                var first = BackupFiles.Crm.First(source.Files.ContainsKey);
                errors.Add(first, 0, "file", "CRM files restore only together with --replace (replace=true): an export replaces the whole store, ledger and CRM");
                return new BackupImportResult(null, null);
            }

            crm = CrmCsvReader.Read(source.Files, CustomerIds(ledger), errors);
        }

        // Run the ledger import even after CRM errors: it then only validates (nothing is written), so every problem
        // of the export is reported at once.
        var result = LedgerImport.Run(ledger, target, replace, errors, progress, crm is null ? null : session =>
        {
            if (session is not ICrmRestoreSession restore)
            {
                throw new InvalidOperationException("This store cannot restore CRM data in an import transaction.");
            }

            restore.RestoreCrm(crm);
        });
        return new BackupImportResult(result, result.Succeeded ? crm : null);
    }

    /// <summary>The customer ids of customers.csv (problems in it are reported by the ledger import itself).</summary>
    private static HashSet<string> CustomerIds(LedgerSource ledger)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        LedgerImport.ReadText(CustomersCsv.FileName, ledger.Customers, new LedgerErrors(cap: 1), text => CustomersCsv.Read(text, new LedgerErrors(cap: 1), ids));
        return ids;
    }
}
