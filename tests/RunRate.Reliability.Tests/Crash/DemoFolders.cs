using RunRate.Ingest.Csv;
using RunRate.Ingest.Demo;

namespace RunRate.Reliability.Tests.Crash;

/// <summary>
/// The ledger folders the import crash tests use, written once per test class: a small "existing" ledger and a large
/// one to import over it (the same id scheme, another seed: a merge both updates and adds rows).
/// </summary>
public sealed class DemoFolders : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("runrate-crash-");

    public DemoFolders()
    {
        Small = Write("small", 1_500, seed: 7);
        Large = Write("large", CrashSettings.Customers, seed: 11);
    }

    /// <summary>The ledger a store holds before the import under test.</summary>
    public string Small { get; }

    /// <summary>The ledger imported while being killed.</summary>
    public string Large { get; }

    public long LargeLines { get; private set; }

    /// <summary>A fresh folder for one test's stores.</summary>
    public string NewFolder() => Directory.CreateDirectory(Path.Combine(_root.FullName, "store-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string name, int customers, int seed)
    {
        var folder = Path.Combine(_root.FullName, name);
        Directory.CreateDirectory(folder);
        var demo = DemoLedgerGenerator.Generate(new DemoOptions(customers, seed, AsOf));
        var lines = LedgerCsvWriter.WriteFolder(folder, demo.Customers, demo.Lines, demo.Fx, demo.Costs);
        if (name == "large")
        {
            LargeLines = lines;
        }

        return folder;
    }
}
