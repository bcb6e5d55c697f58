using System.Text;
using RunRate.Ingest;
using RunRate.Storage.Sqlite;

namespace RunRate.Storage.Tests.Sqlite;

/// <summary>A real SQLite file in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-store-");

    public TempStore() => Path = System.IO.Path.Combine(_folder.FullName, "ledger.db");

    public string Path { get; }

    public SqliteLedgerStore Open() => SqliteLedgerStore.Open(Path, create: true);

    public ImportResult Import(string customers, string lines, string? fx = null, bool replace = false, string? costs = null)
    {
        using var store = Open();
        return LedgerImport.Run(Source(customers, lines, fx, costs), store, replace);
    }

    public static LedgerSource Source(string customers, string lines, string? fx = null, string? costs = null) =>
        new(() => Stream(customers), () => Stream(lines), fx is null ? null : () => Stream(fx), costs is null ? null : () => Stream(costs));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
