using BenchmarkDotNet.Attributes;
using RunRate.Engine.Ledger;
using RunRate.Engine.Model;

namespace RunRate.Benchmarks.Model;

/// <summary>
/// Keeping the model live: applying one written line, what a server pays per API write instead of a rebuild.
/// (Apart from <see cref="ModelBuildBenchmarks"/> so each table keeps its own time unit: nanoseconds here.)
/// </summary>
[MemoryDiagnoser]
public class ModelApplyBenchmarks
{
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
    /// edited as a seat change (quantity + 1), which keeps the line's denominator, so the model can apply it in place.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        var ledger = BenchmarkLedger.Snapshot(Customers);
        _model = RevenueModel.Build(ledger, BenchmarkLedger.Currency);
        _stored = ledger.Lines.First(l => l.Kind == LineKind.Subscription && l.End is null && l.IntervalMonths == 1);
        _edited = _stored with { Quantity = _stored.Quantity + 1 };
        if (!ApplyAndRevert())
        {
            throw new InvalidOperationException($"The model refused the seat change of line {_stored.Id}: the benchmark would measure a no-op.");
        }
    }

    /// <summary>One seat change applied and then reverted (two TryApply calls), so every iteration starts from the same state.</summary>
    [Benchmark(Description = "RevenueModel.TryApply (apply + revert)")]
    public bool ApplyAndRevert() => _model.TryApply(_stored, _edited) & _model.TryApply(_edited, _stored);
}
