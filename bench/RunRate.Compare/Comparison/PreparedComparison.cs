using System.Diagnostics;
using RunRate.Compare.DuckDb;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Model;
using RunRate.Engine.Primitives;

namespace RunRate.Compare.Comparison;

/// <summary>
/// One ledger loaded twice in the same process: into the engine's <see cref="RevenueModel"/> and into
/// DuckDB tables. Loading is timed apart from the bridge, which is what the comparison is about.
/// </summary>
internal sealed class PreparedComparison : IDisposable
{
    private PreparedComparison(RevenueModel model, DuckLedger duck, TimeSpan engineLoad, TimeSpan duckLoad)
    {
        Model = model;
        Duck = duck;
        EngineLoad = engineLoad;
        DuckLoad = duckLoad;
    }

    /// <summary>The engine's in-memory model.</summary>
    public RevenueModel Model { get; }

    /// <summary>The DuckDB database with the same ledger.</summary>
    public DuckLedger Duck { get; }

    /// <summary>Time to build the engine's model (exchange rates, customers, lines through its builder).</summary>
    public TimeSpan EngineLoad { get; }

    /// <summary>Time to create the DuckDB tables and append every row.</summary>
    public TimeSpan DuckLoad { get; }

    /// <summary>Loads the ledger into both; DuckDB uses at most <paramref name="threads"/> threads.</summary>
    public static PreparedComparison Load(
        IReadOnlyCollection<Customer> customers, IReadOnlyCollection<RevenueLine> lines, IReadOnlyCollection<FxRate> fx, CurrencyCode currency, int threads)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(fx);
        var clock = Stopwatch.StartNew();
        var builder = RevenueModel.CreateBuilder(currency);
        foreach (var rate in fx)
        {
            builder.Add(rate);
        }

        foreach (var customer in customers)
        {
            builder.Add(customer);
        }

        foreach (var line in lines)
        {
            builder.Add(line);
        }

        var model = builder.Build();
        var engineLoad = clock.Elapsed;
        clock.Restart();
        var duck = DuckLedger.Load(customers, lines, fx, threads);
        return new PreparedComparison(model, duck, engineLoad, clock.Elapsed);
    }

    /// <summary>
    /// Computes the bridge <paramref name="runs"/> times on each side (the same rule for both: the
    /// best run counts, so the first, cold run is in effect the warm-up), then compares the figures.
    /// </summary>
    public ComparisonResult Run(YearMonth from, YearMonth to, int runs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var request = new ReportRequest(Model.Currency, from, to);
        var engineRuns = new List<TimeSpan>(runs);
        BridgeReport? report = null;
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            report = Model.Compute(request);
            engineRuns.Add(clock.Elapsed);
        }

        var duckRuns = new List<TimeSpan>(runs);
        IReadOnlyList<MonthFigures>? duckMonths = null;
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            duckMonths = DuckBridge.Compute(Duck, Model.Currency, from, to);
            duckRuns.Add(clock.Elapsed);
        }

        return new ComparisonResult(report!.Months, duckMonths!, engineRuns, duckRuns, FigureComparer.Compare(report.Months, duckMonths!));
    }

    public void Dispose() => Duck.Dispose();
}

/// <summary>Both bridges, every run's time and the disagreements.</summary>
internal sealed record ComparisonResult(
    IReadOnlyList<MonthFigures> Engine,
    IReadOnlyList<MonthFigures> DuckDb,
    IReadOnlyList<TimeSpan> EngineRuns,
    IReadOnlyList<TimeSpan> DuckRuns,
    IReadOnlyList<Mismatch> Mismatches)
{
    /// <summary>True when every figure of every month is identical.</summary>
    public bool Equal => Mismatches.Count == 0;

    /// <summary>The engine's best run.</summary>
    public TimeSpan EngineBest => EngineRuns.Min();

    /// <summary>DuckDB's best run.</summary>
    public TimeSpan DuckBest => DuckRuns.Min();

    /// <summary>DuckDB's best time ÷ the engine's (a timing ratio, not money, so a double is fine).</summary>
    public double Speedup => DuckBest.TotalMilliseconds / Math.Max(EngineBest.TotalMilliseconds, 0.001);
}
