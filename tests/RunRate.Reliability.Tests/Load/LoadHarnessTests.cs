using RunRate.Load;
using RunRate.Reliability.Tests.Support;
using RunRate.Testing;
using Shouldly;

namespace RunRate.Reliability.Tests.Load;

/// <summary>
/// The CI version of bench/load: a short mixed load on a real <c>runrate serve</c> (the demo ledger), then the
/// harness's verification — no error, every acknowledged line stored as written, nothing unacknowledged, and the
/// served MRR equal to the engine's over the expected ledger.
/// </summary>
public sealed class LoadHarnessTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-load-");
    private readonly string _db;

    public LoadHarnessTests()
    {
        _db = TestStores.NewLocation(_folder.FullName);
    }

    [Fact]
    public async Task A_short_mixed_load_has_no_error_and_the_store_holds_exactly_the_acknowledged_writes()
    {
        using var output = new StringWriter();
        var options = new LoadOptions { Db = _db, Duration = TimeSpan.FromSeconds(8), Clients = 4, Runrate = RunRateProcess.Dll };

        var exit = await Task.Run(() => LoadHarness.RunAsync(options, output));

        var report = output.ToString();
        exit.ShouldBe(0, report);
        report.ShouldContain("errors: 0");
        report.ShouldContain("verified: every acknowledged line stored as written");
        report.ShouldMatch(@"create\s+[1-9]\d*");
        report.ShouldMatch(@"amend\s+[1-9]\d*");
    }

    [Fact]
    public void The_verification_catches_an_acknowledged_write_that_is_not_stored()
    {
        var line = new WrittenLine("LOAD-x-0-0", "LOAD-x-C0", 12.5m, 2, 1, new DateOnly(2025, 3, 1));
        var empty = new RunRate.Engine.Ledger.RevenueLedger([], []);

        var lost = LoadVerification.Compare(empty, empty, "LOAD-x-", new Dictionary<string, WrittenLine> { [line.Id] = line }, new Dictionary<string, bool>());

        lost.ShouldHaveSingleItem().ShouldContain("is not stored");
    }

    [Theory]
    [InlineData("--db")]
    [InlineData("--clients", "0", "--db", "x.db")]
    [InlineData("--mix", "50,20,20", "--db", "x.db")]
    [InlineData("--seconds", "soon", "--db", "x.db")]
    public void Bad_arguments_are_refused(params string[] args)
    {
        LoadOptions.Parse(args, out var problem).ShouldBeNull();
        problem.ShouldNotBeNullOrEmpty();
    }

    public void Dispose()
    {
        TestStores.Drop(_db);
        _folder.Delete(recursive: true);
    }
}
