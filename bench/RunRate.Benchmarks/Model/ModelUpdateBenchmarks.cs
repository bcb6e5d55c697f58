using BenchmarkDotNet.Attributes;
using RunRate.Engine.Ledger;
using RunRate.Engine.Model;

namespace RunRate.Benchmarks.Model;

/// <summary>
/// Keeping the model: building it from a loaded snapshot (what a server pays on start or after a change it
/// cannot apply in place) and applying one written line (what it pays per API write).
/// </summary>
[MemoryDiagnoser]
public class ModelUpdateBenchmarks
{
    private RevenueLedger _ledger = null!;
    private RevenueModel _model = null!;
    private RevenueLine _stored = null!;
    private RevenueLine _edited = null!;

    /// <summary>Customers in the demo ledger.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Customers { get; set; }

    /// <summary>The sizes (see <see cref="CustomerCounts"/>).</summary>
    public static IEnumerable<int> Sizes => CustomerCounts.All();

    /// <summary>
    /// Loads the snapshot, builds the model and picks the line to edit: the first ongoing monthly subscription,
    /// edited as a seat change (quantity + 1), which never needs a finer common denominator.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _ledger = BenchmarkLedger.Snapshot(Customers);
        _model = RevenueModel.Build(_ledger, BenchmarkLedger.Currency);
        _stored = _ledger.Lines.First(l => l.Kind == LineKind.Subscription && l.End is null && l.IntervalMonths == 1);
        _edited = _stored with { Quantity = _stored.Quantity + 1 };
        if (!ApplyAndRevert())
        {
            throw new InvalidOperationException($"The model refused the seat change of line {_stored.Id}: the benchmark would measure a no-op.");
        }
    }

    /// <summary>Builds the model of the whole snapshot.</summary>
    [Benchmark(Description = "RevenueModel.Build")]
    public RevenueModel Build() => RevenueModel.Build(_ledger, BenchmarkLedger.Currency);

    /// <summary>One seat change applied and then reverted (two TryApply calls), so every iteration starts from the same state.</summary>
    [Benchmark(Description = "RevenueModel.TryApply (apply + revert)")]
    public bool ApplyAndRevert() => _model.TryApply(_stored, _edited) & _model.TryApply(_edited, _stored);
}
