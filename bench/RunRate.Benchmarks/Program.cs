using BenchmarkDotNet.Running;
using RunRate.Benchmarks;

// Micro-benchmarks of the hot paths (docs/performance.md, "Micro-benchmarks"). Built in CI, never run there.
// usage: dotnet run -c Release --project bench/RunRate.Benchmarks -- --filter '*' [--job short] [--customers 10000,100000]
// --customers is ours (default 10000,100000): it is taken out before BenchmarkDotNet reads the rest.
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkLedger).Assembly).Run(CustomerCounts.Consume(args));
