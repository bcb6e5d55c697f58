using RunRate.Capture.Pipeline;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage;
using RunRate.Storage.Sqlite;
using Shouldly;

namespace RunRate.Capture.Tests.Support;

/// <summary>
/// A real SQLite store in a temporary folder with three accounts: C1 Acme (acme.com, contact Jane),
/// C2 Globex (globex.com, contact Bob at partner.io), C3 Initech (initech.com, contact Peter who writes
/// from acme.com), and C4 without domains. The user's own domain is runrate.io.
/// </summary>
internal sealed class CaptureStore : IDisposable
{
    public static readonly CaptureOptions Options = new() { OwnDomains = ["runrate.io"], StoreCleanFilesDespiteErrors = true };

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-capture-");

    public CaptureStore()
    {
        Store = SqliteLedgerStore.Open(Path.Combine(_folder.FullName, "runrate.db"), create: true);
        foreach (var (id, name) in new[] { ("C1", "Acme"), ("C2", "Globex"), ("C3", "Initech"), ("C4", "Hooli") })
        {
            Store.SaveCustomer(new Customer(new CustomerId(id), name), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        }

        Contact("ct_jane", "C1", "Jane Doe", "jane@acme.com");
        Contact("ct_bob", "C2", "Bob", "bob@partner.io");
        Contact("ct_peter", "C3", "Peter", "peter@acme.com");
        Store.Crm.SaveDomains(new CustomerId("C1"), ["acme.com"]).ShouldBe(WriteOutcome.Done);
        Store.Crm.SaveDomains(new CustomerId("C2"), ["globex.com"]).ShouldBe(WriteOutcome.Done);
        Store.Crm.SaveDomains(new CustomerId("C3"), ["initech.com"]).ShouldBe(WriteOutcome.Done);
    }

    public ILedgerStore Store { get; }

    public string Folder => _folder.FullName;

    /// <summary>The stored activities, ordered by id, as comparable text.</summary>
    public IReadOnlyList<Activity> Activities() => [.. Store.Crm.Load().Activities.OrderBy(a => a.Id.Value, StringComparer.Ordinal)];

    public void Contact(string id, string account, string name, string email) =>
        Store.Crm.SaveContact(new Contact(new ContactId(id), new CustomerId(account), name, email, null, null), WriteMode.Create).ShouldBe(WriteOutcome.Done);

    /// <summary>A file written into the temporary folder.</summary>
    public CaptureFile Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return Fixtures.FromPath(path);
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}

/// <summary>The files under tests/RunRate.Capture.Tests/Fixtures (copied beside the test binaries).</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static CaptureFile File(string name) => FromPath(Path(name));

    public static CaptureFile FromPath(string path) => new(System.IO.Path.GetFileName(path), () => System.IO.File.OpenRead(path));

    /// <summary>In-memory content under a file name.</summary>
    public static CaptureFile Text(string name, string content) =>
        new(name, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)));
}
