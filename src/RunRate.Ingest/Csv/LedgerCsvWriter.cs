using System.Text;
using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;

namespace RunRate.Ingest.Csv;

/// <summary>
/// Writes a ledger folder in exactly the format of the contract (spec section 1), so anything the
/// product writes (demo data, exports) can be imported again by the product or opened by any other
/// CSV tool without loss. Output is byte-for-byte reproducible: UTF-8 without BOM, <c>\n</c> line ends,
/// invariant culture, decimals exactly as stored, RFC 4180 quoting only where a field needs it.
/// </summary>
public static partial class LedgerCsvWriter
{
    /// <summary>The customers file of a ledger folder.</summary>
    public const string CustomersFileName = "customers.csv";

    /// <summary>The revenue lines file of a ledger folder.</summary>
    public const string LinesFileName = "lines.csv";

    /// <summary>The exchange-rate file of a ledger folder (optional in the contract).</summary>
    public const string FxFileName = "fx.csv";

    private const string TempSuffix = ".tmp";
    private const int FileBufferSize = 1 << 16;

    private static readonly string[] StandardCustomerColumns = ["customer_id", "name", "country", "segment", "channel", "owner"];

    private static readonly string[] LineColumns =
        ["line_id", "customer_id", "kind", "product", "start_date", "end_date", "amount", "quantity", "currency", "interval_months"];

    private static readonly string[] FxColumns = ["date", "from", "to", "rate"];

    /// <summary>
    /// Writes <c>customers.csv</c>, <c>lines.csv</c> and, when there is at least one rate or cost,
    /// <c>fx.csv</c> and <c>costs.csv</c> into <paramref name="directory"/> (created if missing). Lines are
    /// written as they are enumerated, so a lazily generated ledger of millions of lines never has to be
    /// held in memory. Every file is first written next to its final name and only moved into place once
    /// all of them are complete, so a failure half-way (an exception from the line source, a full disk)
    /// never leaves a folder that mixes old and new data. An existing <c>fx.csv</c> or <c>costs.csv</c> is
    /// deleted when there are no rates or costs: a stale rate file would silently change how the new lines
    /// convert, and stale costs would be imported with the new ledger.
    /// </summary>
    /// <returns>The number of lines written, which a caller with a lazy line source cannot know otherwise.</returns>
    /// <exception cref="ArgumentException">A custom attribute name cannot be written as a distinct column.</exception>
    public static long WriteFolder(string directory, IReadOnlyList<Customer> customers, IEnumerable<RevenueLine> lines, IEnumerable<FxRate>? fx = null, IEnumerable<CostEntry>? costs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(lines);

        // Validate the header before touching the disk, so a bad attribute name leaves nothing behind.
        var attributeColumns = CustomAttributeColumns(customers);
        Directory.CreateDirectory(directory);
        var customersPath = Path.Combine(directory, CustomersFileName);
        var linesPath = Path.Combine(directory, LinesFileName);
        var fxPath = Path.Combine(directory, FxFileName);
        var costsPath = Path.Combine(directory, CostsFileName);
        var written = new List<string>(4);
        try
        {
            WriteFile(customersPath + TempSuffix, written, w => WriteCustomers(w, customers, attributeColumns));
            long count = 0;
            WriteFile(linesPath + TempSuffix, written, w => count = WriteLines(w, lines));

            using var rates = (fx ?? Enumerable.Empty<FxRate>()).GetEnumerator();
            var hasRates = rates.MoveNext();
            if (hasRates)
            {
                WriteFile(fxPath + TempSuffix, written, w => WriteFx(w, rates, first: true));
            }

            var costList = costs?.ToList() ?? [];
            if (costList.Count > 0)
            {
                WriteFile(costsPath + TempSuffix, written, w => WriteCosts(w, costList));
            }

            File.Move(customersPath + TempSuffix, customersPath, overwrite: true);
            File.Move(linesPath + TempSuffix, linesPath, overwrite: true);
            MoveOrDelete(fxPath, hasRates);
            MoveOrDelete(costsPath, costList.Count > 0);
            return count;
        }
        finally
        {
            foreach (var path in written)
            {
                File.Delete(path); // no-op for the files already moved into place
            }
        }
    }

    /// <summary>
    /// Writes <c>customers.csv</c>: the standard columns, then one column per custom attribute found on
    /// any customer (sorted ordinally, so the header does not depend on customer order or locale); a
    /// customer without a given attribute gets an empty field. Customers come as a list because the
    /// header needs a first pass over all of them.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A custom attribute is empty or equals a standard column or another attribute ignoring case:
    /// headers are case-insensitive in the contract, so such columns could not be read back apart.
    /// </exception>
    public static void WriteCustomers(TextWriter writer, IReadOnlyList<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(customers);
        WriteCustomers(writer, customers, CustomAttributeColumns(customers));
    }

    /// <summary>
    /// Writes <c>lines.csv</c> row by row while enumerating <paramref name="lines"/>, never buffering
    /// them. Values are written exactly as stored (no rounding, no normalisation), so importing the file
    /// gives back the same ledger.
    /// </summary>
    /// <returns>The number of lines written.</returns>
    public static long WriteLines(TextWriter writer, IEnumerable<RevenueLine> lines)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lines);
        var row = new CsvRowWriter(writer);
        row.Header(LineColumns);
        long count = 0;
        foreach (var line in lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            row.Text(line.Id.Value);
            row.Text(line.CustomerId.Value);
            row.Text(line.Kind.ToLedgerText());
            row.Text(line.Product);
            row.Date(line.Start);
            row.Date(line.End);
            row.Decimal(line.Amount);
            row.Decimal(line.Quantity);
            row.Text(line.Currency.Value);
            row.Int(line.IntervalMonths);
            row.End();
            count++;
        }

        return count;
    }

    /// <summary>
    /// Writes <c>fx.csv</c> (header and one row per rate, in the given order). The header is written even
    /// without rates; <see cref="WriteFolder"/> is the one that omits the file in that case.
    /// </summary>
    /// <returns>The number of rates written.</returns>
    public static int WriteFx(TextWriter writer, IEnumerable<FxRate> rates)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rates);
        using var enumerator = rates.GetEnumerator();
        return WriteFx(writer, enumerator, first: enumerator.MoveNext());
    }

    private static int WriteFx(TextWriter writer, IEnumerator<FxRate> rates, bool first)
    {
        var row = new CsvRowWriter(writer);
        row.Header(FxColumns);
        var count = 0;
        for (var more = first; more; more = rates.MoveNext())
        {
            var rate = rates.Current ?? throw new ArgumentException("An exchange rate is null.", nameof(rates));
            row.Date(rate.Date);
            row.Text(rate.From.Value);
            row.Text(rate.To.Value);
            row.Decimal(rate.Rate);
            row.End();
            count++;
        }

        return count;
    }

    private static void WriteCustomers(TextWriter writer, IReadOnlyList<Customer> customers, string[] attributeColumns)
    {
        var row = new CsvRowWriter(writer);
        row.Header([.. StandardCustomerColumns, .. attributeColumns]);
        foreach (var customer in customers)
        {
            row.Text(customer.Id.Value);
            row.Text(customer.Name);
            row.Text(customer.Country);
            row.Text(customer.Segment);
            row.Text(customer.Channel);
            row.Text(customer.Owner);
            foreach (var column in attributeColumns)
            {
                row.Text(customer.Attributes.TryGetValue(column, out var value) ? value : null);
            }

            row.End();
        }
    }

    private static string[] CustomAttributeColumns(IReadOnlyList<Customer> customers)
    {
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var customer in customers)
        {
            ArgumentNullException.ThrowIfNull(customer, nameof(customers));
            columns.UnionWith(customer.Attributes.Keys);
        }

        var seen = new HashSet<string>(StandardCustomerColumns, StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            if (string.IsNullOrWhiteSpace(column) || !seen.Add(column))
            {
                throw new ArgumentException(
                    $"Custom attribute '{column}' cannot be written as its own customers.csv column: headers are case-insensitive and must be non-empty, and it is empty or collides with a standard column or another attribute.",
                    nameof(customers));
            }
        }

        return [.. columns];
    }

    private static void MoveOrDelete(string path, bool written)
    {
        if (written)
        {
            File.Move(path + TempSuffix, path, overwrite: true);
        }
        else
        {
            File.Delete(path);
        }
    }

    private static void WriteFile(string path, List<string> written, Action<TextWriter> write)
    {
        written.Add(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, FileBufferSize);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), FileBufferSize);
        write(writer);
    }
}
