using System.Text;
using RunRate.Ingest;

namespace RunRate.Storage.Tests.Support;

/// <summary>A fresh, empty store of one engine for one test, removed afterwards.</summary>
public abstract class TestStore : IDisposable
{
    /// <summary>Opens (creating when needed) the store.</summary>
    public abstract ILedgerStore Open();

    public ImportResult Import(string customers, string lines, string? fx = null, bool replace = false, string? costs = null)
    {
        using var store = Open();
        return LedgerImport.Run(Source(customers, lines, fx, costs), store, replace);
    }

    public static LedgerSource Source(string customers, string lines, string? fx = null, string? costs = null) =>
        new(() => Stream(customers), () => Stream(lines), fx is null ? null : () => Stream(fx), costs is null ? null : () => Stream(costs));

    public abstract void Dispose();

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}

/// <summary>Makes fresh stores of one engine; the generic suites take one per test class.</summary>
public interface IStoreEngine
{
    /// <summary>A new, empty store.</summary>
    TestStore NewStore();
}

/// <summary>SQLite: every store is a file in its own temporary folder.</summary>
public sealed class SqliteEngine : IStoreEngine
{
    public TestStore NewStore() => new TempStore();
}
