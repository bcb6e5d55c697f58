using System.Diagnostics;
using System.Globalization;
using RunRate.Engine.Economics;
using RunRate.Engine.Forecast;
using RunRate.Engine.Metrics;
using RunRate.Engine.Valuation;
using RunRate.Engine.Primitives;
using RunRate.Ingest;
using RunRate.Ingest.Csv;
using RunRate.Ingest.Demo;
using RunRate.Storage.Sqlite;

// End-to-end figures for docs/performance.md: demo ledger → CSV → SQLite import → load → 60-month bridge.
// Then the forecast, unit economics and valuation on the loaded snapshot.
// usage: dotnet run -c Release --project bench/RunRate.Bench -- [customers=200000] [months=60]
var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var months = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
var folder = Directory.CreateTempSubdirectory("runrate-bench-").FullName;
var db = Path.Combine(folder, "bench.db");
var asOf = new DateOnly(2026, 10, 31);
var to = YearMonth.Of(asOf);
var from = to.AddMonths(-(months - 1));

Console.WriteLine($"RunRate bench: {customers:N0} customers, {months} months ({from}..{to}), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var demo = DemoLedgerGenerator.Generate(new DemoOptions(customers, 42, asOf));
long lines = 0;
Measure("generate + write CSV", () => lines = LedgerCsvWriter.WriteFolder(Path.Combine(folder, "ledger"), demo.Customers, demo.Lines, demo.Fx, demo.Costs));
Console.WriteLine($"  {lines:N0} lines, {new FileInfo(Path.Combine(folder, "ledger", "lines.csv")).Length / 1e6:N1} MB lines.csv");

Measure("validate only (no store)", () =>
{
    var e = new LedgerErrors();
    LedgerImport.Run(LedgerSource.FromFolder(Path.Combine(folder, "ledger"), e)!, new NullTarget(), replace: true, e);
});

var errors = new LedgerErrors();
var importSeconds = Measure("import into SQLite", () =>
{
    using var store = SqliteLedgerStore.Open(db, create: true);
    var result = LedgerImport.Run(LedgerSource.FromFolder(Path.Combine(folder, "ledger"), errors)!, store, replace: true, errors);
    if (!result.Succeeded)
    {
        throw new InvalidOperationException(string.Join('\n', errors.Items));
    }
});
Console.WriteLine($"  {lines / importSeconds:N0} lines/s");

RunRate.Engine.Ledger.RevenueLedger? ledger = null;
Measure("load ledger from SQLite", () =>
{
    using var store = SqliteLedgerStore.Open(db, create: false);
    ledger = store.Load();
});

Measure("stream ledger from SQLite", () =>
{
    // What the columnar engine model reads (ILedgerStore.StreamLedger): rows handed over one by one, no snapshot.
    using var store = SqliteLedgerStore.Open(db, create: false);
    long streamed = 0;
    store.StreamLedger(_ => streamed++, _ => streamed++, _ => streamed++);
});

Measure("  of which: snapshot build (sort, index)", () => _ = new RunRate.Engine.Ledger.RevenueLedger(ledger!.Customers, ledger.Lines, ledger.Fx));

BridgeReport? report = null;
for (var run = 1; run <= 3; run++)
{
    Measure($"bridge {months} months (run {run})", () => report = RevenueEngine.Compute(ledger!, new ReportRequest(CurrencyCode.Usd, from, to)));
}

Console.WriteLine($"  closing ARR {report!.Months[^1].Arr.Round():N2} USD, {report.Months[^1].Customers:N0} customers");

// The forward-looking reports of the board pack, on the same loaded snapshot (second run of each is warm).
var crm = DemoCrm.Generate(demo);
ForecastReport? forecast = null;
for (var run = 1; run <= 2; run++)
{
    Measure($"forecast 12 months + backtest (run {run})", () => forecast = ForecastEngine.Forecast(ledger!, crm, new ForecastRequest(CurrencyCode.Usd, to, 12)));
}

Console.WriteLine($"  {forecast!.Rates.Count} segments, {crm.Deals.Length:N0} deals, month 12 total MRR {forecast.Months[^1].Total.Round():N2} USD");
for (var run = 1; run <= 2; run++)
{
    Measure($"unit economics 12 months (run {run})", () => UnitEconomics.Compute(ledger!, new EconomicsRequest(CurrencyCode.Usd, to.AddMonths(-11), to)));
}

for (var run = 1; run <= 2; run++)
{
    Measure($"valuation + sensitivity (run {run})", () => ValuationEngine.Compute(ledger!, new ValuationRequest(CurrencyCode.Usd, to)));
}

Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MiB");
Directory.Delete(folder, recursive: true);

static double Measure(string what, Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    Console.WriteLine($"{what,-34} {clock.Elapsed.TotalSeconds,8:N2} s");
    return clock.Elapsed.TotalSeconds;
}

/// <summary>Accepts everything and stores nothing: isolates parsing and validation cost.</summary>
internal sealed class NullTarget : ILedgerImportTarget, ILedgerImportSession
{
    public ILedgerImportSession Begin(bool replace) => this;

    public bool IsCustomerStored(string customerId) => false;

    public void Upsert(RunRate.Engine.Ledger.Customer customer)
    {
    }

    public void Upsert(RunRate.Engine.Ledger.FxRate rate)
    {
    }

    public void Upsert(RunRate.Engine.Ledger.RevenueLine line)
    {
    }

    public void ReplaceCosts(YearMonth month, IReadOnlyList<RunRate.Engine.Economics.CostEntry> costs)
    {
    }

    public void Commit()
    {
    }

    public void Dispose()
    {
    }
}
