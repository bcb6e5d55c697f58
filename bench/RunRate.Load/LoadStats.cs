using System.Collections.Concurrent;
using System.Globalization;

namespace RunRate.Load;

/// <summary>Latencies per kind of request and errors by status, gathered from every client.</summary>
internal sealed class LoadStats
{
    public static readonly string[] Kinds = ["summary", "customers", "create", "amend"];

    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    public void Add(string kind, double ms) => _latencies.GetOrAdd(kind, _ => []).Add(ms);

    public void Error(string kind, string status) => Errors.AddOrUpdate($"{kind} {status}", 1, (_, n) => n + 1);

    public int Requests => _latencies.Values.Sum(b => b.Count);

    public int ErrorCount => Errors.Values.Sum();

    /// <summary>The table: requests, req/s, p50/p95/p99/max per kind and overall.</summary>
    public void Write(TextWriter output, TimeSpan elapsed)
    {
        output.WriteLine(Invariant($"{"kind",-10} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}"));
        foreach (var kind in Kinds.Append("overall"))
        {
            var values = kind == "overall" ? [.. _latencies.Values.SelectMany(b => b)] : (_latencies.TryGetValue(kind, out var b) ? b.ToArray() : []);
            Array.Sort(values);
            output.WriteLine(Invariant($"{kind,-10} {values.Length,9} {values.Length / elapsed.TotalSeconds,8:F1} {P(values, 50),8:F1} {P(values, 95),8:F1} {P(values, 99),8:F1} {(values.Length == 0 ? 0 : values[^1]),8:F1}"));
        }

        output.WriteLine(ErrorCount == 0 ? "errors: 0" : "errors: " + string.Join(", ", Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => Invariant($"{e.Key} x{e.Value}"))));
    }

    private static double P(double[] sorted, int percentile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
