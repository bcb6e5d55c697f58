using BenchmarkDotNet.Attributes;
using RunRate.Engine.Ledger;
using RunRate.Engine.Model;

namespace RunRate.Benchmarks.Model;

/// <summary>
/// Building the model from a loaded snapshot: what a server pays on start, and again after a change it
/// cannot apply in place (<see cref="RevenueModel.TryApply"/> returning false).
/// </summary>
[MemoryDiagnoser]
public class ModelBuildBenchmarks
{
    private RevenueLedger _ledger = null!;

    /// <summary>Customers in the demo ledger.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Customers { get; set; }

    /// <summary>The sizes (see <see cref="CustomerCounts"/>).</summary>
    public static IEnumerable<int> Sizes => CustomerCounts.All();

    /// <summary>Loads the snapshot once per size, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup() => _ledger = BenchmarkLedger.Snapshot(Customers);

    /// <summary>Builds the model of the whole snapshot.</summary>
    [Benchmark(Description = "RevenueModel.Build")]
    public RevenueModel Build() => RevenueModel.Build(_ledger, BenchmarkLedger.Currency);
}
