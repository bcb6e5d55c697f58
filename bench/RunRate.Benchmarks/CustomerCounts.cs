using System.Globalization;

namespace RunRate.Benchmarks;

/// <summary>
/// The ledger sizes every benchmark runs at. BenchmarkDotNet cannot filter by parameter on its command
/// line, so <c>--customers 10000</c> is read here and handed on through an environment variable, which the
/// benchmark processes BenchmarkDotNet starts inherit.
/// </summary>
public static class CustomerCounts
{
    /// <summary>The variable carrying the sizes to the benchmark processes (comma-separated).</summary>
    public const string Variable = "RUNRATE_BENCH_CUSTOMERS";

    private static readonly int[] Default = [10_000, 100_000];

    /// <summary>The sizes to run: <see cref="Variable"/> when set, else 10,000 and 100,000 customers.</summary>
    public static IEnumerable<int> All()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(value) ? Default : Parse(value, Variable);
    }

    /// <summary>Takes <c>--customers N[,M...]</c> out of <paramref name="args"/> and publishes it in <see cref="Variable"/>.</summary>
    public static string[] Consume(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (string.Equals(args[i], "--customers", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException("--customers: expected a number of customers, e.g. 10000 or 10000,100000");
                }

                var value = args[++i];
                _ = Parse(value, "--customers");
                Environment.SetEnvironmentVariable(Variable, value);
                continue;
            }

            rest.Add(args[i]);
        }

        return [.. rest];
    }

    private static int[] Parse(string value, string where)
    {
        var sizes = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw new ArgumentException($"{where}: '{part}' is not a positive whole number of customers");
            }

            sizes.Add(n);
        }

        return sizes.Count > 0 ? [.. sizes] : throw new ArgumentException($"{where}: no number of customers given");
    }
}
