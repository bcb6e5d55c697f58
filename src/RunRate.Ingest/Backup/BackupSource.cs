using System.Collections.ObjectModel;

namespace RunRate.Ingest.Backup;

/// <summary>
/// The files of an export or a plain ledger folder, by canonical name (<see cref="BackupFiles"/>), so a folder,
/// an upload and a zip restore the same way. Other files are ignored.
/// </summary>
public sealed class BackupSource
{
    private BackupSource(IDictionary<string, Func<Stream>> files) => Files = new ReadOnlyDictionary<string, Func<Stream>>(files);

    /// <summary>The known files present, by canonical name.</summary>
    public IReadOnlyDictionary<string, Func<Stream>> Files { get; }

    /// <summary>True when any CRM file is present: then this is more than a ledger folder.</summary>
    public bool HasCrm => BackupFiles.Crm.Any(Files.ContainsKey);

    /// <summary>True when the export's manifest is present.</summary>
    public bool HasManifest => Files.ContainsKey(BackupFiles.Manifest);

    /// <summary>
    /// Builds a source from (name, opener) pairs, e.g. a zip's entries; file names match in any letter case.
    /// A known name given twice is an error on that file.
    /// </summary>
    public static BackupSource From(IEnumerable<(string Name, Func<Stream> Open)> files, LedgerErrors errors)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(errors);
        var found = new Dictionary<string, Func<Stream>>(StringComparer.Ordinal);
        foreach (var (name, open) in files)
        {
            if (BackupFiles.Known(name) is { } known && !found.TryAdd(known, open))
            {
                errors.Add(known, 0, "file", "appears more than once");
            }
        }

        return new BackupSource(found);
    }

    /// <summary>A folder's files; a missing folder is an error (as for ledger folders).</summary>
    public static BackupSource? FromFolder(string folder, LedgerErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Directory.Exists(folder))
        {
            errors.Add(folder, 0, "folder", "does not exist or is not a folder");
            return null;
        }

        return From(Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), (Func<Stream>)(() => File.OpenRead(path)))), errors);
    }

    /// <summary>The ledger part (customers.csv and lines.csv required, each missing one an error).</summary>
    public LedgerSource? Ledger(string where, LedgerErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var customers = Files.GetValueOrDefault(Csv.LedgerCsvWriter.CustomersFileName);
        var lines = Files.GetValueOrDefault(Csv.LedgerCsvWriter.LinesFileName);
        if (customers is null)
        {
            errors.Add(Csv.LedgerCsvWriter.CustomersFileName, 0, "file", $"not found in {where}");
        }

        if (lines is null)
        {
            errors.Add(Csv.LedgerCsvWriter.LinesFileName, 0, "file", $"not found in {where}");
        }

        return customers is null || lines is null
            ? null
            : new LedgerSource(customers, lines, Files.GetValueOrDefault(Csv.LedgerCsvWriter.FxFileName), Files.GetValueOrDefault(Csv.LedgerCsvWriter.CostsFileName));
    }
}
