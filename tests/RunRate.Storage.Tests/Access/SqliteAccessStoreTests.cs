using System.Data.Common;
using Microsoft.Data.Sqlite;
using RunRate.Storage.Access;
using Shouldly;

namespace RunRate.Storage.Tests.Access;

/// <summary>The access-store suite on a SQLite file, plus what is particular to SQLite: the tables share the ledger's file.</summary>
public sealed class SqliteAccessStoreTests : AccessStoreBehaviour
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-access-");

    protected override string Location => Path.Combine(_folder.FullName, "runrate.db");

    [AccessFact]
    public void The_access_tables_live_in_the_main_store_file_beside_the_ledger_in_either_order()
    {
        using (var access = Open())
        {
            access.AddUser("ada", Password).ShouldBe(WriteOutcome.Done);
        }

        using (var ledger = StoreFactory.Open(Location, create: false))
        {
            ledger.Revision().ShouldBe(0);
        }

        using var reopened = Open();
        reopened.FindUser("ada").ShouldNotBeNull();
        File.Exists(Path.Combine(_folder.FullName, "runrate.acme.db")).ShouldBeFalse();
    }

    [AccessFact]
    public void A_missing_folder_is_a_store_error_naming_it()
    {
        var missing = Path.Combine(_folder.FullName, "nowhere", "runrate.db");

        Should.Throw<StoreException>(() => AccessStores.Open(missing, Clock)).Message.ShouldContain("does not exist");
    }

    protected override DbConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={Location};Pooling=False");
        connection.Open();
        return connection;
    }

    protected override string TablesSql => "SELECT name FROM sqlite_master WHERE type = 'table'";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
