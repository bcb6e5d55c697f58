using System.IO.Compression;
using System.Reflection;
using System.Text;
using RunRate.Engine.Ledger;
using RunRate.Ingest.Csv;

namespace RunRate.Ingest.Backup;

/// <summary>
/// Writes a whole store as an export: the ledger files (<see cref="LedgerCsvWriter"/>, the import format),
/// the CRM files (<see cref="CrmCsvWriter"/>) and last the manifest with each file's rows and SHA-256. Every
/// file is always written (a header only when empty), so an export is complete and two exports of the same
/// store are identical byte for byte except the manifest's <c>exported_at</c>.
/// </summary>
public static class BackupWriter
{
    private const string TempSuffix = ".tmp";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The running RunRate's version, as the manifest records it.</summary>
    public static string RunRateVersion { get; } =
        typeof(BackupWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BackupWriter).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// Writes the export into <paramref name="folder"/> (created if missing). Files are written beside their final
    /// names and moved into place only when all are complete, the manifest last, so a failure half-way never leaves
    /// a folder whose manifest vouches for a mix of old and new files.
    /// </summary>
    public static BackupManifest WriteFolder(string folder, RevenueLedger ledger, CrmBackup crm, DateTimeOffset exportedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var temporary = new List<string>();
        try
        {
            var entries = new List<BackupFileEntry>();
            foreach (var (name, write) in Files(ledger, crm))
            {
                var path = Path.Combine(folder, name + TempSuffix);
                temporary.Add(path);
                using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                entries.Add(WriteOne(stream, name, write));
            }

            var manifest = new BackupManifest(BackupManifest.CurrentFormatVersion, exportedAt, RunRateVersion, entries);
            var manifestPath = Path.Combine(folder, BackupFiles.Manifest + TempSuffix);
            temporary.Add(manifestPath);
            using (var stream = new FileStream(manifestPath, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                manifest.Write(stream);
            }

            File.Delete(Path.Combine(folder, BackupFiles.Manifest)); // an old manifest must not vouch for files half moved
            foreach (var name in BackupFiles.All)
            {
                File.Move(Path.Combine(folder, name + TempSuffix), Path.Combine(folder, name), overwrite: true);
            }

            File.Move(manifestPath, Path.Combine(folder, BackupFiles.Manifest), overwrite: true);
            return manifest;
        }
        finally
        {
            foreach (var path in temporary)
            {
                File.Delete(path); // no-op for the files already moved into place
            }
        }
    }

    /// <summary>Writes the export as one zip (the same files, flat, manifest last) to <paramref name="output"/>.</summary>
    public static BackupManifest WriteZip(Stream output, RevenueLedger ledger, CrmBackup crm, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entries = new List<BackupFileEntry>();
        foreach (var (name, write) in Files(ledger, crm))
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            entries.Add(WriteOne(stream, name, write));
        }

        var manifest = new BackupManifest(BackupManifest.CurrentFormatVersion, exportedAt, RunRateVersion, entries);
        using (var stream = zip.CreateEntry(BackupFiles.Manifest, CompressionLevel.Optimal).Open())
        {
            manifest.Write(stream);
        }

        return manifest;
    }

    private static BackupFileEntry WriteOne(Stream target, string name, Func<TextWriter, long> write)
    {
        using var hashing = new HashingStream(target);
        long rows;
        using (var writer = new StreamWriter(hashing, Utf8, 1 << 16, leaveOpen: true))
        {
            rows = write(writer);
        }

        return new BackupFileEntry(name, rows, hashing.Sha256());
    }

    private static IEnumerable<(string Name, Func<TextWriter, long> Write)> Files(RevenueLedger ledger, CrmBackup backup)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(backup);
        var crm = backup.Crm;
        yield return (LedgerCsvWriter.CustomersFileName, w =>
        {
            LedgerCsvWriter.WriteCustomers(w, ledger.Customers);
            return ledger.Customers.Count;
        });
        yield return (LedgerCsvWriter.LinesFileName, w => LedgerCsvWriter.WriteLines(w, ledger.Lines));
        yield return (LedgerCsvWriter.FxFileName, w => LedgerCsvWriter.WriteFx(w, ledger.Fx.Rates));
        yield return (LedgerCsvWriter.CostsFileName, w => LedgerCsvWriter.WriteCosts(w, ledger.Costs));
        yield return (BackupFiles.PipelineStages, w => CrmCsvWriter.WritePipeline(w, crm.Pipeline));
        yield return (BackupFiles.AccountDomains, w => CrmCsvWriter.WriteDomains(w, crm.Accounts));
        yield return (BackupFiles.Contacts, w => CrmCsvWriter.WriteContacts(w, crm.Contacts));
        yield return (BackupFiles.Deals, w => CrmCsvWriter.WriteDeals(w, crm.Deals));
        yield return (BackupFiles.DealStageHistory, w => CrmCsvWriter.WriteDealHistory(w, crm.Deals));
        yield return (BackupFiles.DealLines, w => CrmCsvWriter.WriteDealLines(w, backup.DealLines));
        yield return (BackupFiles.Activities, w => CrmCsvWriter.WriteActivities(w, crm.Activities));
        yield return (BackupFiles.Targets, w => CrmCsvWriter.WriteTargets(w, crm.Targets));
        yield return (BackupFiles.Scenarios, w => CrmCsvWriter.WriteScenarios(w, backup.Scenarios));
        yield return (BackupFiles.Payments, w => CrmCsvWriter.WritePayments(w, backup.Payments));
        yield return (BackupFiles.WebhookEvents, w => CrmCsvWriter.WriteWebhookEvents(w, backup.WebhookEvents));
    }
}
