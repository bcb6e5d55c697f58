using System.Diagnostics;
using System.Globalization;
using RunRate.Reliability.Tests.Support;
using RunRate.Testing;
using Shouldly;
using Xunit.Abstractions;

namespace RunRate.Reliability.Tests.Crash;

/// <summary>
/// <c>runrate import</c> of a large ledger killed with SIGKILL at random moments (seeded, printed), on the engine of the
/// run (SQLite, or PostgreSQL in the second pass). After every kill the store is opened fresh, through the storage API
/// and the real CLI (<c>mrr --json</c>, <c>summary --json</c>), and must hold the whole import or none of it: its
/// content equal to the state before or to a clean import's after-state, and its book keeping (revision, import
/// history, audit log) unchanged or moved by exactly one import. A last import, not killed, must then succeed and give
/// the after-state: the import is idempotent.
/// </summary>
public sealed class ImportCrashTests(DemoFolders demo, ITestOutputHelper log) : IClassFixture<DemoFolders>
{
    [Fact]
    public void An_import_into_a_new_store_killed_at_random_points_leaves_no_store_an_empty_one_or_the_whole_ledger() =>
        Crash("new store", prepare: null, replace: false, salt: 1);

    [Fact]
    public void A_merge_into_an_existing_ledger_killed_at_random_points_leaves_the_old_ledger_or_the_merged_one() =>
        Crash("merge", prepare: demo.Small, replace: false, salt: 2);

    [Fact]
    public void A_replace_killed_at_random_points_leaves_the_old_ledger_or_the_new_one() =>
        Crash("--replace", prepare: demo.Small, replace: true, salt: 3);

    private void Crash(string scenario, string? prepare, bool replace, int salt)
    {
        var random = new Random(CrashSettings.Seed + salt);
        log.WriteLine($"{scenario}: seed {CrashSettings.Seed} (replay: {CrashSettings.Replay}), {CrashSettings.Customers:N0} customers, {demo.LargeLines:N0} lines, engine {(TestStores.OnPostgres ? "postgres" : "sqlite")}");
        var total = Stopwatch.StartNew();
        var folder = demo.NewFolder();
        var location = TestStores.NewLocation(folder);
        var reference = TestStores.NewLocation(folder, "reference.db");
        try
        {
            // The after-state: the same import, done cleanly into a store prepared the same way; its duration bounds the kill delays.
            Prepare(reference, prepare);
            var referenceBefore = StoreState.Read(reference, withReports: false);
            var clean = Stopwatch.StartNew();
            Import(reference, replace).ShouldBe(0);
            clean.Stop();
            var after = StoreState.Read(reference);
            after.Book.ShouldBe(referenceBefore.Book.Next());
            log.WriteLine($"clean import {clean.Elapsed.TotalSeconds:F2} s (process start to exit); after-state: {after.Describe()}");

            Prepare(location, prepare);
            var before = StoreState.Read(location);
            log.WriteLine($"before-state: {before.Describe()}");
            var current = before;
            int nothing = 0, whole = 0;
            for (var kill = 1; kill <= CrashSettings.Kills; kill++)
            {
                var delay = TimeSpan.FromMilliseconds(random.Next((int)Math.Max(50, clean.Elapsed.TotalMilliseconds)));
                var killed = KillImportAfter(location, replace, delay);
                var rollback = StoreState.WaitForServerRollback(location, TimeSpan.FromSeconds(30));
                var state = StoreState.Read(location);
                var outcome = Judge(current, state, after.Content, $"kill {kill} after {delay.TotalMilliseconds:F0} ms (seed {CrashSettings.Seed})");
                _ = outcome ? whole++ : nothing++;
                log.WriteLine($"kill {kill}: after {delay.TotalMilliseconds:F0} ms{(killed ? "" : " (the import had already ended)")}; {(outcome ? "whole import" : "nothing")}: {state.Describe()}{(TestStores.OnPostgres ? $"; server rolled back within {rollback.TotalMilliseconds:F0} ms" : "")}");
                current = state;
            }

            Import(location, replace).ShouldBe(0, "the import after the crashes must succeed");
            var final = StoreState.Read(location);
            final.Content.ShouldBe(after.Content, "the re-run import must give the clean import's after-state");
            final.Book.ShouldBe(current.Book.Next());
            log.WriteLine($"{scenario}: {CrashSettings.Kills} kills, {nothing} left nothing, {whole} the whole import; re-run gives the after-state; {total.Elapsed.TotalSeconds:F1} s in all");
        }
        finally
        {
            TestStores.Drop(location);
            TestStores.Drop(reference);
        }
    }

    /// <summary>
    /// True when <paramref name="state"/> holds the whole import (the after content, book keeping one import further
    /// than <paramref name="previous"/>), false when it holds none of it (exactly <paramref name="previous"/>, or, for a
    /// store that did not exist, an empty one); anything else fails the test.
    /// </summary>
    private static bool Judge(StoreState previous, StoreState state, Content after, string kill)
    {
        if (state.Content == after && state.Book == (previous.Exists ? previous.Book.Next() : new Book(1, 1, 1)))
        {
            return true;
        }

        if (previous.IsEmpty ? state.IsEmpty : state == previous)
        {
            return false;
        }

        throw new ShouldAssertException(
            $"{kill}: the store holds neither the state before ({previous.Describe()}) nor the whole import ({after.Customers} customers, {after.Lines} lines): {state.Describe()}");
    }

    /// <summary>Starts the import, sends SIGKILL after <paramref name="delay"/>; false when it had ended by then (a normal exit).</summary>
    private bool KillImportAfter(string location, bool replace, TimeSpan delay)
    {
        using var import = RunRateProcess.Start(Arguments(location, replace));
        if (import.WaitForExit(delay))
        {
            import.ExitCode.ShouldBe(0, $"an import that was not killed must succeed: {import.Errors}");
            return false;
        }

        import.Kill();
        return true;
    }

    private int Import(string location, bool replace)
    {
        var (exit, output, errors) = RunRateProcess.Run(Arguments(location, replace), StoreState.CliTimeout);
        if (exit != 0)
        {
            log.WriteLine($"import exited {exit}: {output}{errors}");
        }

        return exit;
    }

    private string[] Arguments(string location, bool replace) =>
        replace ? ["import", demo.Large, "--db", location, "--replace"] : ["import", demo.Large, "--db", location];

    private static void Prepare(string location, string? folder)
    {
        if (folder is null)
        {
            return;
        }

        var (exit, output, errors) = RunRateProcess.Run(["import", folder, "--db", location], StoreState.CliTimeout);
        exit.ShouldBe(0, string.Create(CultureInfo.InvariantCulture, $"{output}{errors}"));
    }
}
