using System.Text;
using RunRate.Ingest.Csv;

namespace RunRate.Ingest;

/// <summary>What an import did, or why it did nothing.</summary>
/// <param name="Errors">Every problem found; when any, nothing was written.</param>
/// <param name="Customers">Customers read.</param>
/// <param name="FxRates">Rates read.</param>
/// <param name="Lines">Lines read.</param>
/// <param name="Costs">Cost rows read (costs.csv).</param>
public sealed record ImportResult(LedgerErrors Errors, int Customers, int FxRates, long Lines, int Costs = 0)
{
    /// <summary>True when the import was committed.</summary>
    public bool Succeeded => !Errors.Any;
}

/// <summary>The files of a ledger as streams, so a folder, an upload or a zip import the same way.</summary>
/// <param name="Customers">Opens customers.csv (required).</param>
/// <param name="Lines">Opens lines.csv (required).</param>
/// <param name="Fx">Opens fx.csv, or null when the ledger has none.</param>
/// <param name="Costs">Opens costs.csv, or null when the ledger has none.</param>
public sealed record LedgerSource(Func<Stream> Customers, Func<Stream> Lines, Func<Stream>? Fx, Func<Stream>? Costs = null)
{
    /// <summary>
    /// A ledger folder. Missing required files are reported as errors rather than thrown, so they
    /// come out in the same form as every other problem.
    /// </summary>
    public static LedgerSource? FromFolder(string folder, LedgerErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Directory.Exists(folder))
        {
            errors.Add(folder, 0, "folder", "does not exist or is not a folder");
            return null;
        }

        string? Find(string name, bool required)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                return path;
            }

            // Accept any letter case of the file name, as the column names are case-insensitive too.
            var match = Directory.EnumerateFiles(folder).FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase));
            if (match is null && required)
            {
                errors.Add(name, 0, "file", $"not found in {folder}");
            }

            return match;
        }

        var customers = Find(CustomersCsv.FileName, true);
        var lines = Find(LinesCsv.FileName, true);
        var fx = Find(FxCsv.FileName, false);
        var costs = Find(CostsCsv.FileName, false);
        if (customers is null || lines is null)
        {
            return null;
        }

        return new LedgerSource(
            () => File.OpenRead(customers),
            () => File.OpenRead(lines),
            fx is null ? null : () => File.OpenRead(fx),
            costs is null ? null : () => File.OpenRead(costs));
    }
}

/// <summary>
/// Imports a ledger: validates every row of every file, writes through one transaction, and commits
/// only when there was no error at all, so a failed import leaves the store exactly as it was.
/// </summary>
public static class LedgerImport
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Runs the import; <paramref name="progress"/> receives the fraction of lines.csv read. <paramref name="beforeCommit"/>
    /// (when given) writes more into the same transaction once the whole ledger is valid and written, just before it
    /// commits; the restore of an export writes its CRM there, so ledger and CRM commit together.
    /// </summary>
    public static ImportResult Run(LedgerSource source, ILedgerImportTarget target, bool replace, LedgerErrors? errors = null, IProgress<double>? progress = null, Action<ILedgerImportSession>? beforeCommit = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        errors ??= new LedgerErrors();
        using var session = target.Begin(replace);
        var known = new HashSet<string>(StringComparer.Ordinal);

        // Customers go to the store as they are read (memory holds their ids, not the rows); once anything is wrong,
        // reading goes on to report everything but nothing more is written, and the transaction is never committed.
        var customers = ReadText(CustomersCsv.FileName, source.Customers, errors, text => CustomersCsv.Read(text, errors, known, customer =>
        {
            if (!errors.Any)
            {
                session.Upsert(customer);
            }
        }));
        var rates = source.Fx is null ? [] : ReadText(FxCsv.FileName, source.Fx, errors, text => FxCsv.Read(text, errors)) ?? [];
        var costs = source.Costs is null ? [] : ReadText(CostsCsv.FileName, source.Costs, errors, text => CostsCsv.Read(text, errors)) ?? [];
        if (!errors.Any)
        {
            // Each month in costs.csv replaces that month's stored costs; months the file leaves out stay as they are.
            foreach (var month in costs.GroupBy(c => c.Month).OrderBy(g => g.Key))
            {
                session.ReplaceCosts(month.Key, [.. month]);
            }

            foreach (var rate in rates)
            {
                session.Upsert(rate);
            }
        }

        var lines = ReadText(LinesCsv.FileName, source.Lines, errors, text =>
        {
            long count = 0;
            foreach (var line in LinesCsv.Read(text, errors, known, id => !replace && session.IsCustomerStored(id)))
            {
                count++;
                if (!errors.Any)
                {
                    session.Upsert(line); // once anything is wrong, keep validating but stop writing
                }
            }

            return count;
        }, progress);

        if (!errors.Any)
        {
            beforeCommit?.Invoke(session);
            session.Commit();
        }

        return new ImportResult(errors, customers, rates.Count, lines, costs.Count);
    }

    internal static T? ReadText<T>(string file, Func<Stream> open, LedgerErrors errors, Func<TextReader, T> read, IProgress<double>? progress = null)
    {
        try
        {
            using var stream = open();
            using var counting = new ProgressStream(stream, progress);
            using var text = new StreamReader(counting, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            return read(text);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(file, 0, "file", "is not valid UTF-8 text; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)");
        }
        catch (IOException ex)
        {
            errors.Add(file, 0, "file", $"cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            errors.Add(file, 0, "file", $"cannot be read: {ex.Message}");
        }

        return default;
    }
}
