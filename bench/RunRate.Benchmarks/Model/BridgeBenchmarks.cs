using BenchmarkDotNet.Attributes;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Model;

namespace RunRate.Benchmarks.Model;

/// <summary>
/// The 60-month bridge three ways: the reference engine on a loaded snapshot (the baseline, what every
/// report paid before the in-memory model), the model's full recompute from its columns (what bench/compare
/// times against DuckDB), and the model's read of its maintained aggregates (what the overview serves).
/// </summary>
[MemoryDiagnoser]
public class BridgeBenchmarks
{
    private RevenueLedger _ledger = null!;
    private RevenueModel _model = null!;
    private ReportRequest _request = null!;

    /// <summary>Customers in the demo ledger.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Customers { get; set; }

    /// <summary>The sizes (see <see cref="CustomerCounts"/>).</summary>
    public static IEnumerable<int> Sizes => CustomerCounts.All();

    /// <summary>Loads the snapshot and builds the model once per size, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ledger = BenchmarkLedger.Snapshot(Customers);
        _model = RevenueModel.Build(_ledger, BenchmarkLedger.Currency);
        _request = BenchmarkLedger.SixtyMonths();
    }

    /// <summary>The reference: <see cref="RevenueEngine.Compute"/> on the snapshot.</summary>
    [Benchmark(Baseline = true, Description = "RevenueEngine.Compute (reference)")]
    public BridgeReport ReferenceCompute() => RevenueEngine.Compute(_ledger, _request);

    /// <summary>The model's full recompute from its columns.</summary>
    [Benchmark(Description = "RevenueModel.Compute")]
    public BridgeReport ModelCompute() => _model.Compute(_request);

    /// <summary>The model's report from its maintained aggregates.</summary>
    [Benchmark(Description = "RevenueModel.Report")]
    public BridgeReport ModelReport() => _model.Report(_request);
}
