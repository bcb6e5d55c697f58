using System.Globalization;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Compare.Tests.Support;

/// <summary>A small hand-written ledger: customers created on first mention, line ids numbered.</summary>
internal sealed class HandLedger
{
    private readonly Dictionary<string, Customer> _customers = new(StringComparer.Ordinal);

    public List<RevenueLine> Lines { get; } = [];

    public List<FxRate> Rates { get; } = [];

    public IReadOnlyCollection<Customer> Customers => _customers.Values;

    public HandLedger Line(string customer, LineKind kind, string start, string? end, decimal amount, int? interval = 1, decimal quantity = 1, string currency = "USD")
    {
        _customers.TryAdd(customer, new Customer(new CustomerId(customer)));
        Lines.Add(new RevenueLine(
            new LineId(string.Create(CultureInfo.InvariantCulture, $"L{Lines.Count + 1:000}")),
            new CustomerId(customer),
            kind,
            null,
            Day(start),
            end is null ? null : Day(end),
            amount,
            quantity,
            CurrencyCode.Parse(currency),
            kind == LineKind.OneTime ? null : interval));
        return this;
    }

    public HandLedger Rate(string date, string from, string to, decimal rate)
    {
        Rates.Add(new FxRate(Day(date), CurrencyCode.Parse(from), CurrencyCode.Parse(to), rate));
        return this;
    }

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
