using System.Globalization;
using RunRate.Engine.Primitives;

namespace RunRate.Compare.Cli;

/// <summary>The command line of <c>bench/compare</c>.</summary>
/// <param name="Customers">Demo customers to generate.</param>
/// <param name="Months">Months of the bridge, ending with the demo's as-of month.</param>
/// <param name="Currency">Reporting currency (the demo has rates between USD, EUR and GBP).</param>
/// <param name="Runs">Timed runs per side; the best counts.</param>
internal sealed record CompareOptions(int Customers, int Months, CurrencyCode Currency, int Runs)
{
    public const string Usage =
        "usage: bench/compare [--customers N (default 1000000)] [--months N (default 60)] [--currency USD|EUR|GBP (default USD)] [--runs N (default 5)]";

    private static readonly string[] DemoCurrencies = ["USD", "EUR", "GBP"];

    /// <summary>The defaults: a million customers, five years, USD, best of three.</summary>
    public static CompareOptions Default { get; } = new(1_000_000, 60, CurrencyCode.Usd, 5);

    /// <summary>Parses the arguments; on bad input returns null and an error naming the option.</summary>
    public static CompareOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Default;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }

            if (name is not ("--customers" or "--months" or "--currency" or "--runs"))
            {
                error = $"{name}: unknown option\n{Usage}";
                return null;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    error = $"{name}: a value is required";
                    return null;
                }

                value = args[++i];
            }

            switch (name)
            {
                case "--customers" when Int(value, 1, 10_000_000) is { } n:
                    options = options with { Customers = n };
                    break;
                case "--months" when Int(value, 1, 600) is { } n:
                    options = options with { Months = n };
                    break;
                case "--runs" when Int(value, 1, 100) is { } n:
                    options = options with { Runs = n };
                    break;
                case "--currency" when DemoCurrencies.Contains(value.ToUpperInvariant(), StringComparer.Ordinal):
                    options = options with { Currency = CurrencyCode.Parse(value.ToUpperInvariant()) };
                    break;
                case "--currency":
                    error = $"--currency: expected USD, EUR or GBP (the demo ledger's currencies), found '{value}'";
                    return null;
                default:
                    error = $"{name}: expected a whole number in {Range(name)}, found '{value}'";
                    return null;
            }
        }

        return options;
    }

    private static int? Int(string text, int min, int max) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : null;

    private static string Range(string name) => name switch
    {
        "--customers" => "1..10000000",
        "--months" => "1..600",
        _ => "1..100",
    };
}
