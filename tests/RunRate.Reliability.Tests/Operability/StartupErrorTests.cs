using Microsoft.Data.Sqlite;
using RunRate.Reliability.Tests.Support;
using Shouldly;

namespace RunRate.Reliability.Tests.Operability;

/// <summary>
/// <c>runrate serve</c> refuses a store it cannot use in one line on standard error, naming what and where (never a
/// password), with exit code 4 (the store), and within seconds. A taken port (exit 5) is tested in RunRate.Cli.Tests.
/// </summary>
public sealed class StartupErrorTests : IDisposable
{
    private const int StoreError = 4;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-ops-");

    [Fact]
    public void A_sqlite_store_locked_by_another_process_is_named_within_seconds()
    {
        var db = Path.Combine(_folder.FullName, "locked.db");
        using (var create = StoreFactoryOpen(db))
        {
        }

        using var holder = new SqliteConnection($"Data Source={db};Pooling=False");
        holder.Open();
        using (var lockIt = holder.CreateCommand())
        {
            lockIt.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE;";
            lockIt.ExecuteNonQuery();
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var (exit, _, errors) = RunRateProcess.Run(["serve", "--db", db, "--urls", "http://127.0.0.1:0"], TimeSpan.FromSeconds(60));

        exit.ShouldBe(StoreError);
        OneLine(errors).ShouldContain($"the store {db} is locked by another process");
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(25));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_named()
    {
        var db = Path.Combine(_folder.FullName, "notes.txt");
        File.WriteAllText(db, "this is a text file, not a ledger\n");

        var (exit, _, errors) = RunRateProcess.Run(["serve", "--db", db, "--urls", "http://127.0.0.1:0"], TimeSpan.FromSeconds(60));

        exit.ShouldBe(StoreError);
        OneLine(errors).ShouldContain($"{db} is not a RunRate store");
        File.ReadAllText(db).ShouldBe("this is a text file, not a ledger\n");
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=notaport;Username=ops;Password=s3cret-pw", "Cannot read the PostgreSQL connection string")]
    [InlineData("postgres://ops:s3cret-pw@127.0.0.1:99999999/ledger", "Cannot read the PostgreSQL URL")]
    public void A_malformed_postgresql_location_is_named_without_its_password(string location, string expected)
    {
        var (exit, _, errors) = RunRateProcess.Run(["serve", "--db", location, "--urls", "http://127.0.0.1:0"], TimeSpan.FromSeconds(60));

        exit.ShouldBe(StoreError);
        OneLine(errors).ShouldContain(expected);
        errors.ShouldNotContain("s3cret-pw");
    }

    [Fact]
    public void An_unreachable_postgresql_server_is_named_without_its_password()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        var (exit, _, errors) = RunRateProcess.Run(
            ["serve", "--db", "Host=127.0.0.1;Port=1;Username=ops;Password=s3cret-pw;Database=ledger", "--urls", "http://127.0.0.1:0"], TimeSpan.FromSeconds(60));

        exit.ShouldBe(StoreError);
        OneLine(errors).ShouldContain("cannot reach the PostgreSQL store postgresql://ops@127.0.0.1:1/ledger");
        errors.ShouldNotContain("s3cret-pw");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static RunRate.Storage.ILedgerStore StoreFactoryOpen(string db) => RunRate.Storage.StoreFactory.Open(db, create: true);

    private static string OneLine(string errors)
    {
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1, errors);
        lines[0].ShouldStartWith("error: cannot serve: ");
        return lines[0];
    }
}
