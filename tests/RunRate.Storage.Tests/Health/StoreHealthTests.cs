using RunRate.Storage.Health;

namespace RunRate.Storage.Tests.Health;

/// <summary>The read-only store probe behind <c>/health/ready</c> and <c>runrate serve</c>'s start-up check.</summary>
public sealed class StoreHealthTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-health-");

    [Fact]
    public void A_migrated_store_passes_the_store_and_schema_checks()
    {
        // SQLite here; the PostgreSQL case is the web suite's readiness test in its PostgreSQL pass.
        var location = Path.Combine(_folder.FullName, "runrate.db");
        using (StoreFactory.Open(location, create: true))
        {
        }

        var report = StoreHealth.Check(location, Wait);

        Assert.True(report.Ok, string.Join("; ", report.Checks));
        Assert.Equal(["store", "schema"], report.Checks.Select(c => c.Name));
    }

    [Fact]
    public void A_missing_store_fails_as_missing_and_creates_nothing()
    {
        var location = Path.Combine(_folder.FullName, "none.db");

        var failing = StoreHealth.Check(location, Wait).Failing;

        Assert.NotNull(failing);
        Assert.True(failing.Missing);
        Assert.False(File.Exists(location));
    }

    [Fact]
    public void A_text_file_is_not_a_store()
    {
        var location = Path.Combine(_folder.FullName, "notes.txt");
        File.WriteAllText(location, "hello\n");

        var failing = StoreHealth.Check(location, Wait).Failing;

        Assert.NotNull(failing);
        Assert.Equal("store", failing.Name);
        Assert.False(failing.Missing);
        Assert.Contains("is not a RunRate store", failing.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgresql_server_that_does_not_answer_fails_the_store_check_without_the_password()
    {
        var failing = StoreHealth.Check("Host=127.0.0.1;Port=1;Username=ops;Password=s3cret-pw;Database=ledger", Wait).Failing;

        Assert.NotNull(failing);
        Assert.Equal("store", failing.Name);
        Assert.False(failing.Missing);
        Assert.Contains("cannot reach the PostgreSQL store postgresql://ops@127.0.0.1:1/ledger", failing.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", failing.Detail, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
