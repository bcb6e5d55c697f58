using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using RunRate.Storage;

namespace RunRate.Load;

/// <summary>One line as the harness wrote it (and the API acknowledged it): the content the store must hold.</summary>
internal sealed record WrittenLine(string Id, string Customer, decimal Amount, decimal Quantity, int Interval, DateOnly Start)
{
    public string Json() => string.Create(CultureInfo.InvariantCulture,
        $$"""{"line_id":"{{Id}}","customer_id":"{{Customer}}","kind":"subscription","product":"load","start_date":"{{Start:yyyy-MM-dd}}","end_date":null,"amount":{{Amount}},"quantity":{{Quantity}},"currency":"USD","interval_months":{{Interval}}}""");
}

/// <summary>
/// The load run: C clients for a fixed time doing the mix (overview summary, customer list, line creates and amends),
/// then the verification against the store. Returns the process exit code (0 all good, 1 an error or a mismatch).
/// </summary>
internal static class LoadHarness
{
    public static async Task<int> RunAsync(LoadOptions options, TextWriter output)
    {
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture) + "-" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var prefix = $"LOAD-{run}-";
        using var server = options.Url is null ? ServeProcess.Start(options.Runrate, options.Db) : null;
        var address = options.Url ?? server!.Address;
        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var initial = Snapshot(options.Db);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients }) { BaseAddress = new Uri(address + "/"), Timeout = TimeSpan.FromSeconds(60) };
        if (options.Token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        }

        var stats = new LoadStats();
        var acknowledged = new ConcurrentDictionary<string, WrittenLine>(StringComparer.Ordinal);
        var uncertain = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        for (var c = 0; c < options.Clients; c++)
        {
            using var customer = await http.PostAsync(new Uri("api/customers", UriKind.Relative), Json($$"""{"customer_id":"{{prefix}}C{{c}}","name":"Load client {{c}}"}"""));
            if (!customer.IsSuccessStatusCode)
            {
                output.WriteLine($"cannot create the load customer: {(int)customer.StatusCode} {await customer.Content.ReadAsStringAsync()}");
                return 1;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {options.Clients} clients for {options.Duration.TotalSeconds:F0} s on {address} (mix {options.Mix.Summary}% summary, {options.Mix.Customers}% customers, {options.Mix.Writes}% writes of which {options.AmendPercent}% amends)"));
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, options.Clients).Select(c => Task.Run(() => Client(c, options, http, prefix, month, clock, stats, acknowledged, uncertain))).ToArray();
        await Task.WhenAll(clients);
        var elapsed = clock.Elapsed;
        stats.Write(output, elapsed);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {stats.Requests / elapsed.TotalSeconds:F1} req/s over {elapsed.TotalSeconds:F1} s; lines acknowledged: {acknowledged.Count}"));

        var problems = await Verify(options, http, month, prefix, initial, acknowledged, uncertain);
        foreach (var problem in problems.Take(20))
        {
            output.WriteLine("mismatch: " + problem);
        }

        output.WriteLine(problems.Count == 0 ? "verified: every acknowledged line stored as written, nothing else changed, summary MRR equals the engine's" : $"verification FAILED: {problems.Count} problem(s)");
        return problems.Count == 0 && stats.ErrorCount == 0 ? 0 : 1;
    }

    private static async Task Client(int c, LoadOptions options, HttpClient http, string prefix, string month, Stopwatch clock, LoadStats stats, ConcurrentDictionary<string, WrittenLine> acknowledged, ConcurrentDictionary<string, bool> uncertain)
    {
        var random = new Random(c * 7919 + 17);
        var mine = new List<string>();
        for (var n = 0; clock.Elapsed < options.Duration; n++)
        {
            var roll = random.Next(100);
            var (kind, send, line) = roll < options.Mix.Summary
                ? ("summary", (Func<Task<HttpResponseMessage>>)(() => http.GetAsync(new Uri($"api/summary?month={month}", UriKind.Relative))), (WrittenLine?)null)
                : roll < options.Mix.Summary + options.Mix.Customers
                    ? ("customers", () => http.GetAsync(new Uri("api/customers", UriKind.Relative)), null)
                    : Write(c, n, random, mine, options.AmendPercent, http, prefix);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await send();
                await response.Content.LoadIntoBufferAsync();
                stats.Add(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    stats.Error(kind, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                    if (line is not null)
                    {
                        uncertain[line.Id] = true;
                    }
                }
                else if (line is not null)
                {
                    acknowledged[line.Id] = line;
                    if (kind == "create")
                    {
                        mine.Add(line.Id);
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                stats.Error(kind, ex.GetType().Name);
                if (line is not null)
                {
                    uncertain[line.Id] = true;
                }
            }
        }
    }

    private static (string Kind, Func<Task<HttpResponseMessage>> Send, WrittenLine Line) Write(int c, int n, Random random, List<string> mine, int amendPercent, HttpClient http, string prefix)
    {
        var amend = mine.Count > 0 && random.Next(100) < amendPercent;
        var id = amend ? mine[random.Next(mine.Count)] : $"{prefix}{c}-{n}";
        var line = new WrittenLine(id, $"{prefix}C{c}", random.Next(100, 50_000) / 100m, random.Next(1, 6), random.Next(2) == 0 ? 1 : 12,
            new DateOnly(2025, 1, 1).AddDays(random.Next(0, 300)));
        return amend
            ? ("amend", () => http.PutAsync(new Uri($"api/lines/{Uri.EscapeDataString(id)}", UriKind.Relative), Json(line.Json())), line)
            : ("create", () => http.PostAsync(new Uri("api/lines", UriKind.Relative), Json(line.Json())), line);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static RunRate.Engine.Ledger.RevenueLedger Snapshot(string db)
    {
        using var store = StoreFactory.Open(db, create: false);
        return store.Load();
    }

    private static async Task<List<string>> Verify(LoadOptions options, HttpClient http, string month, string prefix, RunRate.Engine.Ledger.RevenueLedger initial,
        ConcurrentDictionary<string, WrittenLine> acknowledged, ConcurrentDictionary<string, bool> uncertain)
    {
        var final = Snapshot(options.Db);
        var problems = LoadVerification.Compare(initial, final, prefix, acknowledged, uncertain);
        using var summary = await http.GetAsync(new Uri($"api/summary?month={month}", UriKind.Relative));
        var served = await summary.Content.ReadAsStringAsync();
        problems.AddRange(LoadVerification.CompareMrr(final, month, served));
        return problems;
    }
}
