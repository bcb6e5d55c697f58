using BenchmarkDotNet.Attributes;
using RunRate.Ingest;
using RunRate.Ingest.Csv;

namespace RunRate.Benchmarks.Import;

/// <summary>
/// Parsing and validating a ledger's CSV files (customers.csv, lines.csv, fx.csv) through the same
/// <see cref="LedgerImport.Run"/> the CLI uses, into a target that stores nothing: the import's cost
/// before any database. The files are read from memory so disk speed does not enter the figure.
/// </summary>
[MemoryDiagnoser]
public class CsvValidationBenchmarks
{
    private byte[] _customers = [];
    private byte[] _lines = [];
    private byte[] _fx = [];

    /// <summary>Customers in the demo ledger.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Customers { get; set; }

    /// <summary>The sizes (see <see cref="CustomerCounts"/>).</summary>
    public static IEnumerable<int> Sizes => CustomerCounts.All();

    /// <summary>Writes the demo ledger as CSV once per size and keeps the bytes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var folder = Directory.CreateTempSubdirectory("runrate-bdn-").FullName;
        try
        {
            var demo = BenchmarkLedger.Demo(Customers);
            LedgerCsvWriter.WriteFolder(folder, demo.Customers, demo.Lines, demo.Fx);
            _customers = File.ReadAllBytes(Path.Combine(folder, "customers.csv"));
            _lines = File.ReadAllBytes(Path.Combine(folder, "lines.csv"));
            _fx = File.ReadAllBytes(Path.Combine(folder, "fx.csv"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Parses and validates every row; throws if the demo ledger ever stops being valid.</summary>
    [Benchmark(Description = "LedgerImport.Run (parse + validate, null target)")]
    public long ParseAndValidate()
    {
        var errors = new LedgerErrors();
        var source = new LedgerSource(() => new MemoryStream(_customers, writable: false), () => new MemoryStream(_lines, writable: false), () => new MemoryStream(_fx, writable: false));
        var result = LedgerImport.Run(source, new NullTarget(), replace: true, errors);
        return result.Succeeded ? result.Lines : throw new InvalidOperationException(string.Join('\n', errors.Items));
    }
}
