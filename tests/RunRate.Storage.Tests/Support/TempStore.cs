using RunRate.Storage.Sqlite;

namespace RunRate.Storage.Tests.Support;

/// <summary>A real SQLite file in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TempStore : TestStore
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-store-");

    public TempStore() => Path = System.IO.Path.Combine(_folder.FullName, "ledger.db");

    public string Path { get; }

    public override SqliteLedgerStore Open() => SqliteLedgerStore.Open(Path, create: true);

    public override void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
