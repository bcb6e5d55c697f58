using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using RunRate.Compare.Comparison;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Demo;

namespace RunRate.Compare.Cli;

/// <summary>
/// <c>bench/compare</c>: the engine's 60-month bridge against the same bridge written in SQL and run by
/// DuckDB in the same process, on the same demo ledger, checked equal figure by figure. The last line is
/// the verdict: <c>engine N ms, duckdb N ms, speedup X.Yx, equal: yes|no</c>.
/// </summary>
internal static class CompareCommand
{
    /// <summary>The demo's as-of date; the bridge ends with its month.</summary>
    public static readonly DateOnly AsOf = new(2026, 10, 31);

    /// <summary>DuckDB threads: the reference machine's two cores, the same as the engine uses.</summary>
    public const int Threads = 2;

    /// <summary>Runs the comparison; 0 when equal, 1 when not, 2 on bad arguments.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "--help" or "-h"))
        {
            output.WriteLine(CompareOptions.Usage);
            return 0;
        }

        var options = CompareOptions.Parse(args, out var error);
        if (options is null)
        {
            errors.WriteLine(error);
            return 2;
        }

        var to = YearMonth.Of(AsOf);
        var from = to.AddMonths(-(options.Months - 1));
        output.WriteLine(Invariant($"RunRate engine vs DuckDB: {options.Customers:N0} demo customers (seed 42, as of {AsOf:yyyy-MM-dd}), {options.Months} months {from}..{to}, {options.Currency}, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        using var prepared = Prepare(options, output, out var sample);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var result = prepared.Run(from, to, options.Runs);
        var (median, p99, changes) = UpdateProbe.Measure(prepared.Model, sample, to);
        output.WriteLine(Invariant($"incremental update: {changes:N0} single-line changes, each applied and {to} read back from the maintained aggregates: median {median:F3} ms, p99 {p99:F3} ms"));
        Report(result, output);
        return result.Equal ? 0 : 1;
    }

    /// <summary>Generates the demo ledger and loads it into both sides; the generated lines are garbage once both hold them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PreparedComparison Prepare(CompareOptions options, TextWriter output, out List<RevenueLine> sample)
    {
        var clock = Stopwatch.StartNew();
        var demo = DemoLedgerGenerator.Generate(new DemoOptions(options.Customers, 42, AsOf));
        var lines = demo.Lines.ToList();
        var events = lines.Sum(l => !l.Kind.IsRecurring() ? 0 : l.End is null ? 1 : 2);
        output.WriteLine(Invariant($"ledger: {demo.Customers.Count:N0} customers, {lines.Count:N0} lines, {events:N0} events (recurring line starts and ends), {demo.Fx.Count:N0} fx rates; generated in {clock.ElapsedMilliseconds:N0} ms"));
        sample = UpdateProbe.Sample(lines, 1000);
        var prepared = PreparedComparison.Load(demo.Customers, lines, demo.Fx.ToList(), options.Currency, Threads);
        var (customers, lineRows, fx) = prepared.Duck.Counts();
        output.WriteLine(Invariant($"engine load (RevenueModel builder): {prepared.EngineLoad.TotalMilliseconds:N0} ms, {prepared.Model.CustomerCount:N0} customers, {prepared.Model.LineCount:N0} lines"));
        output.WriteLine(Invariant($"duckdb load (appender, threads={Threads}, {prepared.Duck.Version}): {prepared.DuckLoad.TotalMilliseconds:N0} ms, {customers:N0} customers, {lineRows:N0} lines, {fx:N0} fx rates"));
        return prepared;
    }

    private static void Report(ComparisonResult result, TextWriter output)
    {
        output.WriteLine(Invariant($"engine RevenueModel.Compute, best of {result.EngineRuns.Count}: {Runs(result.EngineRuns)}"));
        output.WriteLine(Invariant($"duckdb bridge.sql, best of {result.DuckRuns.Count}: {Runs(result.DuckRuns)}"));
        if (result.Engine.Count > 0)
        {
            var last = result.Engine[^1];
            output.WriteLine(Invariant($"engine {last.Month}: closing MRR {last.ClosingMrr.Round():N2}, ARR {last.Arr.Round():N2}, {last.Customers:N0} customers, NRR {Ratio(last.Nrr)}, GRR {Ratio(last.Grr)}"));
        }

        if (result.DuckDb.Count > 0)
        {
            var last = result.DuckDb[^1];
            output.WriteLine(Invariant($"duckdb {last.Month}: closing MRR {last.ClosingMrr.Round():N2}, ARR {last.Arr.Round():N2}, {last.Customers:N0} customers, NRR {Ratio(last.Nrr)}, GRR {Ratio(last.Grr)}"));
        }

        output.WriteLine(Invariant($"compared {result.Engine.Count} months x {FigureComparer.FigureNames.Count} figures exactly: {result.Mismatches.Count} mismatches"));
        foreach (var mismatch in result.Mismatches.Take(10))
        {
            output.WriteLine($"  mismatch: {mismatch}");
        }

        output.WriteLine(Invariant($"peak working set: {Environment.WorkingSet / 1048576.0:N0} MiB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB peak"));
        output.WriteLine(Invariant($"engine {result.EngineBest.TotalMilliseconds:F0} ms, duckdb {result.DuckBest.TotalMilliseconds:F0} ms, speedup {result.Speedup:F1}x, equal: {(result.Equal ? "yes" : "no")}"));
    }

    private static string Runs(IReadOnlyList<TimeSpan> runs) =>
        string.Join(" / ", runs.Select(r => r.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture))) + " ms";

    private static string Ratio(Exact? ratio) => ratio is { } r ? r.ToDecimal().ToString("0.0000", CultureInfo.InvariantCulture) : "null";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
