using System.Diagnostics;
using RunRate.Engine.Primitives;
using RunRate.Reliability.Tests.Support;
using RunRate.Storage;
using RunRate.Storage.Audit;
using RunRate.Testing;
using Shouldly;
using Xunit.Abstractions;

namespace RunRate.Reliability.Tests.Crash;

/// <summary>
/// <c>runrate serve</c> killed with SIGKILL while a client streams line writes (create, amend, end, delete) through
/// the API, several times over the same store. After each kill the store is opened fresh: every write the client got
/// a 2xx for is there, the one in flight is wholly there or wholly absent, the audit log holds exactly one entry per
/// surviving write (in order) and none for a lost one, and the revision moved once per surviving write. At the end the
/// figures (<c>/api/summary</c> of a restarted server, <c>runrate mrr --json</c>) equal those of a reference store
/// that got exactly the surviving writes through the storage API.
/// </summary>
public sealed class ServeCrashTests(DemoFolders demo, ITestOutputHelper log) : IClassFixture<DemoFolders>
{
    [Fact]
    public async Task A_server_killed_during_a_stream_of_line_writes_keeps_every_acknowledged_write_and_its_audit_entry()
    {
        var random = new Random(CrashSettings.Seed + 10);
        log.WriteLine($"seed {CrashSettings.Seed} (replay: {CrashSettings.Replay}), engine {(TestStores.OnPostgres ? "postgres" : "sqlite")}");
        var total = Stopwatch.StartNew();
        var folder = demo.NewFolder();
        var location = TestStores.NewLocation(folder);
        var reference = TestStores.NewLocation(folder, "reference.db");
        try
        {
            Import(location);
            Import(reference);
            long startRevision;
            long startAudit;
            IReadOnlyList<CustomerId> customers;
            using (var store = StoreFactory.Open(location, create: false))
            {
                startRevision = store.Revision();
                startAudit = AuditedLines(store).Count;
                customers = [.. store.Load().Customers.Take(200).Select(c => c.Id)];
            }

            var stream = new LineWriteStream(random, customers);
            var survivors = new List<LineWrite>();
            int acknowledged = 0, inFlightKept = 0, inFlightLost = 0;
            for (var round = 1; round <= CrashSettings.Rounds; round++)
            {
                var (acked, inFlight, sent) = await StreamUntilKilled(location, stream, TimeSpan.FromMilliseconds(random.Next(100, 1_000)));
                StoreState.WaitForServerRollback(location, TimeSpan.FromSeconds(30));
                survivors.AddRange(acked);
                acknowledged += acked.Count;
                var kept = inFlight is not null && Resolve(location, inFlight);
                if (kept)
                {
                    stream.Survived(inFlight!);
                    survivors.Add(inFlight!);
                    inFlightKept++;
                }
                else if (inFlight is not null)
                {
                    inFlightLost++;
                }

                using var store = StoreFactory.Open(location, create: false);
                CheckLines(store, stream, $"round {round} (seed {CrashSettings.Seed})");
                store.Revision().ShouldBe(startRevision + survivors.Count, "one revision per surviving write");
                AuditedLines(store).Skip((int)startAudit).Select(e => (e.Action, e.EntityId)).ShouldBe(
                    survivors.Select(w => (w.Action, (string?)w.Id.Value)),
                    $"the audit log must hold one entry per surviving write, in order, and none for a lost one (round {round}, seed {CrashSettings.Seed})");
                log.WriteLine($"round {round}: {sent} writes sent, {acked.Count} acknowledged, in flight: {(inFlight is null ? "none" : $"{inFlight} {(kept ? "kept" : "lost")}")}");
            }

            using (var store = StoreFactory.Open(reference, create: false, actor: "reference"))
            {
                foreach (var write in survivors)
                {
                    write.Apply(store).ShouldBe(WriteOutcome.Done, $"replaying {write}");
                }
            }

            var summaries = await Task.WhenAll(Task.Run(() => Summary(location)), Task.Run(() => Summary(reference)));
            summaries[1].ShouldBe(summaries[0], "/api/summary after the crashes must equal the reference store's");
            Cli(reference, "mrr").ShouldBe(Cli(location, "mrr"), "runrate mrr --json after the crashes must equal the reference store's");
            log.WriteLine($"{CrashSettings.Rounds} kills: {acknowledged} acknowledged writes all kept, in flight {inFlightKept} kept / {inFlightLost} lost, {survivors.Count} surviving writes; figures equal the reference; {total.Elapsed.TotalSeconds:F1} s in all");
        }
        finally
        {
            TestStores.Drop(location);
            TestStores.Drop(reference);
        }
    }

    /// <summary>
    /// Starts the server, sends writes one after another until the server is killed <paramref name="after"/> the first
    /// write; returns the acknowledged writes and the one that got no answer (null when the kill fell between two).
    /// </summary>
    private static async Task<(List<LineWrite> Acknowledged, LineWrite? InFlight, int Sent)> StreamUntilKilled(string location, LineWriteStream stream, TimeSpan after)
    {
        var (server, address) = RunRateProcess.Serve(["--demo", "--db", location]);
        using (server)
        {
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
            var acknowledged = new List<LineWrite>();
            // Warm up (first requests compile code and build the live model), so the kill lands among steady writes.
            (await client.GetAsync(new Uri("/api/summary", UriKind.Relative))).EnsureSuccessStatusCode();
            Task? killer = null;
            var sent = 0;
            while (true)
            {
                var write = stream.Next();
                sent++;
                if (acknowledged.Count > 0)
                {
                    killer ??= Task.Delay(after).ContinueWith(_ => server.Kill(), TaskScheduler.Default);
                }

                HttpResponseMessage response;
                try
                {
                    response = await write.Send(client);
                }
                catch (HttpRequestException) when (killer is not null)
                {
                    await killer;
                    return (acknowledged, write, sent);
                }
                catch (TaskCanceledException) when (killer is not null)
                {
                    await killer;
                    return (acknowledged, write, sent);
                }

                using (response)
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new ShouldAssertException($"{write} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }

                acknowledged.Add(write);
                stream.Survived(write);
            }
        }
    }

    /// <summary>Whether the write that got no answer is in the store: wholly (true) or not at all (false); anything else fails.</summary>
    private static bool Resolve(string location, LineWrite write)
    {
        using var store = StoreFactory.Open(location, create: false);
        var stored = store.FindLine(write.Id);
        if (Equals(stored, write.After))
        {
            return true;
        }

        return Equals(stored, write.Before)
            ? false
            : throw new ShouldAssertException($"the write in flight ({write}) is neither wholly present nor wholly absent: {stored}");
    }

    /// <summary>Every line the stream touched is stored exactly as the surviving writes left it.</summary>
    private static void CheckLines(ILedgerStore store, LineWriteStream stream, string when)
    {
        foreach (var id in stream.Touched)
        {
            var expected = stream.Alive.GetValueOrDefault(id);
            store.FindLine(id).ShouldBe(expected, $"{when}: line {id.Value}");
        }
    }

    private static List<AuditEntry> AuditedLines(ILedgerStore store) =>
        [.. store.Audit.List(new AuditQuery(Limit: 10_000, Entity: "line")).Where(e => e.EntityId?.StartsWith("crash-", StringComparison.Ordinal) == true).OrderBy(e => e.Seq)];

    private void Import(string location)
    {
        var (exit, output, errors) = RunRateProcess.Run(["import", demo.Small, "--db", location], StoreState.CliTimeout);
        exit.ShouldBe(0, output + errors);
    }

    private static async Task<string> Summary(string location)
    {
        var (server, address) = RunRateProcess.Serve(["--demo", "--db", location]);
        using (server)
        {
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            return await client.GetStringAsync(new Uri("/api/summary", UriKind.Relative));
        }
    }

    private static string Cli(string location, string report)
    {
        var (exit, output, errors) = RunRateProcess.Run([report, "--json", "--db", location], StoreState.CliTimeout);
        exit.ShouldBe(0, errors);
        return output;
    }
}
