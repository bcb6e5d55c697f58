using System.Text;
using RunRate.Ingest.Backup;

namespace RunRate.Ingest.Tests.Backup;

/// <summary>Writes a <see cref="CrmBackup"/>'s CRM files into memory and reads them back, as an export folder would hold them.</summary>
internal static class CrmFiles
{
    public static Dictionary<string, byte[]> Write(CrmBackup backup)
    {
        var crm = backup.Crm;
        var files = new Dictionary<string, Func<TextWriter, long>>(StringComparer.Ordinal)
        {
            [BackupFiles.PipelineStages] = w => CrmCsvWriter.WritePipeline(w, crm.Pipeline),
            [BackupFiles.AccountDomains] = w => CrmCsvWriter.WriteDomains(w, crm.Accounts),
            [BackupFiles.Contacts] = w => CrmCsvWriter.WriteContacts(w, crm.Contacts),
            [BackupFiles.Deals] = w => CrmCsvWriter.WriteDeals(w, crm.Deals),
            [BackupFiles.DealStageHistory] = w => CrmCsvWriter.WriteDealHistory(w, crm.Deals),
            [BackupFiles.DealLines] = w => CrmCsvWriter.WriteDealLines(w, backup.DealLines),
            [BackupFiles.Activities] = w => CrmCsvWriter.WriteActivities(w, crm.Activities),
            [BackupFiles.Targets] = w => CrmCsvWriter.WriteTargets(w, crm.Targets),
            [BackupFiles.Scenarios] = w => CrmCsvWriter.WriteScenarios(w, backup.Scenarios),
            [BackupFiles.Payments] = w => CrmCsvWriter.WritePayments(w, backup.Payments),
            [BackupFiles.WebhookEvents] = w => CrmCsvWriter.WriteWebhookEvents(w, backup.WebhookEvents),
        };
        return files.ToDictionary(f => f.Key, f =>
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            f.Value(text);
            return Encoding.UTF8.GetBytes(text.ToString());
        }, StringComparer.Ordinal);
    }

    public static CrmBackup Read(IReadOnlyDictionary<string, byte[]> files, IEnumerable<string> customers, LedgerErrors errors) =>
        CrmCsvReader.Read(
            files.ToDictionary(f => f.Key, f => (Func<Stream>)(() => new MemoryStream(f.Value)), StringComparer.Ordinal),
            customers.ToHashSet(StringComparer.Ordinal),
            errors);

    public static Dictionary<string, byte[]> With(this Dictionary<string, byte[]> files, string name, string content)
    {
        var copy = new Dictionary<string, byte[]>(files, StringComparer.Ordinal) { [name] = Encoding.UTF8.GetBytes(content) };
        return copy;
    }
}
