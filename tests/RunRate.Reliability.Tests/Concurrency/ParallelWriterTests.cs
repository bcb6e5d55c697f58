using System.Diagnostics;
using System.Globalization;
using System.Text;
using RunRate.Ingest;
using RunRate.Reliability.Tests.Support;
using RunRate.Storage;
using RunRate.Testing;
using Shouldly;
using Xunit.Abstractions;

namespace RunRate.Reliability.Tests.Concurrency;

/// <summary>
/// Parallel writers on one store, through a real <c>runrate serve</c> process and real <c>runrate import</c> processes:
/// read-modify-write with If-Match loses no update, nothing deadlocks (every phase has a deadline), nothing answers 5xx,
/// and the store ends up with exactly the acknowledged writes, reporting like a store built serially from them.
/// Runs on SQLite, and on PostgreSQL in test.sh's second pass (<c>RUNRATE_TEST_STORE=postgres</c>).
/// </summary>
public sealed class ParallelWriterTests(ITestOutputHelper output) : IDisposable
{
    private const string Seed = "customer_id,name\nC1,Counter Co\nC2,Adder Co\n";
    private const string SeedLines = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n"
        + "L-counter,C1,subscription,Seats,2024-01-01,,10,1,USD,1\n";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-concurrency-");
    private readonly List<string> _locations = [];

    [Fact]
    public async Task Clients_incrementing_one_line_with_If_Match_and_retry_lose_no_increment()
    {
        const int clients = 8;
        const int increments = 25;
        var location = SeededStore("rmw");
        var (server, address) = RunRateProcess.Serve(["--demo", "--db", location]);
        using var _ = server;
        var watch = Stopwatch.StartNew();

        var team = Enumerable.Range(0, clients).Select(_ => new LineClient(address)).ToList();
        try
        {
            var tries = await Task.WhenAll(team.Select(async client =>
            {
                var taken = 0;
                for (var i = 0; i < increments; i++)
                {
                    taken += await client.IncrementAsync("L-counter", 1m);
                }

                return taken;
            })).WaitAsync(Deadline);

            var line = await team[0].GetStringAsync("/api/lines/L-counter");
            System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("quantity").GetDecimal().ShouldBe(1m + (clients * increments));
            var statuses = Statuses(team);
            statuses.Keys.ShouldAllBe(status => status == 200 || status == 412, Describe(statuses));
            output.WriteLine($"{clients} clients x {increments} increments: {clients * increments} acknowledged, {team.Sum(c => c.Retries)} retries after 412 "
                + $"({tries.Sum()} PUTs), {watch.Elapsed.TotalSeconds:0.0} s; statuses {Describe(statuses)}");
        }
        finally
        {
            team.ForEach(client => client.Dispose());
        }
    }

    [Fact]
    public async Task Imports_and_api_writes_in_parallel_keep_every_acknowledged_write_and_report_like_a_serial_store()
    {
        const int imports = 3;
        const int adders = 2;
        const int adds = 15;
        const int incrementers = 4;
        const int increments = 8;
        var location = SeededStore("mixed");
        var folders = Enumerable.Range(1, imports).Select(ImportFolder).ToList();
        var (server, address) = RunRateProcess.Serve(["--demo", "--db", location]);
        using var _ = server;
        var watch = Stopwatch.StartNew();

        var team = Enumerable.Range(0, adders + incrementers).Select(_ => new LineClient(address)).ToList();
        var acknowledged = new List<string>[adders];
        try
        {
            var importing = folders.Select(folder => Task.Run(() => RunRateProcess.Run(["import", folder, "--db", location], Deadline))).ToList();
            var adding = Enumerable.Range(0, adders).Select(async a =>
            {
                acknowledged[a] = [];
                for (var i = 0; i < adds; i++)
                {
                    var row = ApiLine(a, i);
                    if (await team[a].CreateAsync(Json(row)))
                    {
                        acknowledged[a].Add(row);
                    }
                }
            });
            var incrementing = team.Skip(adders).Select(async client =>
            {
                for (var i = 0; i < increments; i++)
                {
                    await client.IncrementAsync("L-counter", 1m);
                }
            });
            await Task.WhenAll([.. importing, .. adding, .. incrementing]).WaitAsync(Deadline);

            foreach (var result in importing.Select(t => t.Result))
            {
                result.ExitCode.ShouldBe(0, result.Output + result.Errors);
            }

            var statuses = Statuses(team);
            statuses.Keys.ShouldAllBe(status => status == 200 || status == 201 || status == 412, Describe(statuses));
            acknowledged.Sum(a => a.Count).ShouldBe(adders * adds);
            var elapsed = watch.Elapsed;

            // The reference: the same operations applied one after another to a fresh store.
            var reference = NewLocation("reference");
            var counter = $"L-counter,C1,subscription,Seats,2024-01-01,,10,{1 + (incrementers * increments)},USD,1";
            Import(reference, Seed, SeedLines);
            foreach (var folder in folders)
            {
                Import(reference, File.ReadAllText(Path.Combine(folder, "customers.csv")), File.ReadAllText(Path.Combine(folder, "lines.csv")));
            }

            Import(reference, Seed, LinesHeader + string.Join("", acknowledged.SelectMany(a => a).Append(counter).Select(row => row + "\n")));

            Contents(location).ShouldBe(Contents(reference));
            var mrr = Cli("mrr", "--from", "2024-01", "--to", "2026-12", "--json", "--db", reference);
            Cli("mrr", "--from", "2024-01", "--to", "2026-12", "--json", "--db", location).ShouldBe(mrr);
            (await team[0].GetStringAsync("/api/mrr?from=2024-01&to=2026-12")).ShouldBe(mrr); // the server's live model agrees
            output.WriteLine($"{imports} imports of {ImportLines} lines, {adders} clients x {adds} creates, {incrementers} clients x {increments} increments "
                + $"in {elapsed.TotalSeconds:0.0} s; {team.Sum(c => c.Retries)} retries after 412; statuses {Describe(statuses)}");
        }
        finally
        {
            team.ForEach(client => client.Dispose());
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _locations.ForEach(TestStores.Drop);
        _folder.Delete(recursive: true);
    }

    private const string LinesHeader = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n";

    private const int ImportLines = 200;

    /// <summary>A fresh store holding two customers and the counter line (quantity 1).</summary>
    private string SeededStore(string name)
    {
        var location = NewLocation(name);
        Import(location, Seed, SeedLines);
        return location;
    }

    private string NewLocation(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.FullName, name)).FullName;
        var location = TestStores.NewLocation(folder);
        _locations.Add(location);
        return location;
    }

    /// <summary>Import folder <paramref name="n"/>: 20 customers of its own and <see cref="ImportLines"/> lines on them.</summary>
    private string ImportFolder(int n)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.FullName, "import-" + n.ToString(CultureInfo.InvariantCulture))).FullName;
        var customers = new StringBuilder("customer_id,name\n");
        var lines = new StringBuilder(LinesHeader);
        for (var c = 0; c < 20; c++)
        {
            customers.Append(CultureInfo.InvariantCulture, $"I{n}-C{c},Import {n} customer {c}\n");
        }

        for (var l = 0; l < ImportLines; l++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"I{n}-L{l},I{n}-C{l % 20},subscription,Plan,{2024 + (l % 3)}-{1 + (l % 12):00}-01,,{10 + l}.{n}5,{1 + (l % 4)},USD,{(l % 2 == 0 ? 1 : 12)}\n");
        }

        File.WriteAllText(Path.Combine(folder, "customers.csv"), customers.ToString());
        File.WriteAllText(Path.Combine(folder, "lines.csv"), lines.ToString());
        return folder;
    }

    /// <summary>The lines.csv row of client <paramref name="client"/>'s <paramref name="i"/>-th created line.</summary>
    private static string ApiLine(int client, int i) =>
        string.Create(CultureInfo.InvariantCulture, $"A{client}-{i},C2,addon,Support,2024-{1 + (i % 12):00}-15,,{5 + i}.25,2,USD,1");

    private static string Json(string row)
    {
        var f = row.Split(',');
        return $$"""{"line_id":"{{f[0]}}","customer_id":"{{f[1]}}","kind":"{{f[2]}}","product":"{{f[3]}}","start_date":"{{f[4]}}","amount":{{f[6]}},"quantity":{{f[7]}},"currency":"{{f[8]}}","interval_months":{{f[9]}}}""";
    }

    private static void Import(string location, string customers, string lines)
    {
        using var store = StoreFactory.Open(location, create: true);
        var errors = new LedgerErrors();
        LedgerImport.Run(new LedgerSource(() => Stream(customers), () => Stream(lines), null, null), store, replace: false, errors).Succeeded.ShouldBeTrue(string.Join("\n", errors.Items));
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>The stored customers and lines, one record a line, sorted (the comparison is of content, not order).</summary>
    private static string Contents(string location)
    {
        using var store = StoreFactory.Open(location, create: false);
        var ledger = store.Load();
        return string.Join("\n", ledger.Customers.Select(c => c.ToString()).Concat(ledger.Lines.Select(l => l.ToString())).Order(StringComparer.Ordinal));
    }

    private static string Cli(params string[] args)
    {
        var (exit, stdout, stderr) = RunRateProcess.Run(args, Deadline);
        exit.ShouldBe(0, stderr);
        return stdout;
    }

    private static Dictionary<int, int> Statuses(IEnumerable<LineClient> clients)
    {
        var all = new Dictionary<int, int>();
        foreach (var (status, count) in clients.SelectMany(c => c.Statuses))
        {
            all[status] = all.GetValueOrDefault(status) + count;
        }

        return all;
    }

    private static string Describe(Dictionary<int, int> statuses) =>
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
}
