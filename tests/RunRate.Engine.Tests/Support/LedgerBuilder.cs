using System.Globalization;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Tests.Support;

/// <summary>Builds small hand-written ledgers: customers are created on first mention, line ids are numbered.</summary>
internal sealed class LedgerBuilder
{
    private readonly Dictionary<string, Customer> _customers = new(StringComparer.Ordinal);
    private readonly List<RevenueLine> _lines = [];
    private readonly List<FxRate> _rates = [];

    public LedgerBuilder Customer(string id, string? segment = null, string? channel = null, string? owner = null)
    {
        _customers[id] = new Customer(new CustomerId(id), Segment: segment, Channel: channel, Owner: owner);
        return this;
    }

    public LedgerBuilder Subscription(string customer, string start, string? end, decimal amount, int interval = 1, decimal quantity = 1, string currency = "USD", string? product = null, string? id = null) =>
        Line(customer, LineKind.Subscription, start, end, amount, quantity, currency, interval, product, id);

    public LedgerBuilder Addon(string customer, string start, string? end, decimal amount, int interval = 1, decimal quantity = 1, string currency = "USD", string? product = null, string? id = null) =>
        Line(customer, LineKind.Addon, start, end, amount, quantity, currency, interval, product, id);

    public LedgerBuilder OneTime(string customer, string date, decimal amount, string currency = "USD", string? id = null) =>
        Line(customer, LineKind.OneTime, date, null, amount, 1, currency, null, null, id);

    public LedgerBuilder Rate(string date, string from, string to, decimal rate)
    {
        _rates.Add(new FxRate(T.Day(date), CurrencyCode.Parse(from), CurrencyCode.Parse(to), rate));
        return this;
    }

    public RevenueLedger Build() => new(_customers.Values, _lines, new FxTable(_rates));

    private LedgerBuilder Line(string customer, LineKind kind, string start, string? end, decimal amount, decimal quantity, string currency, int? interval, string? product, string? id)
    {
        if (!_customers.ContainsKey(customer))
        {
            Customer(customer);
        }

        id ??= string.Create(CultureInfo.InvariantCulture, $"L{_lines.Count + 1:000}");
        _lines.Add(new RevenueLine(
            new LineId(id),
            new CustomerId(customer),
            kind,
            product,
            T.Day(start),
            end is null ? null : T.Day(end),
            amount,
            quantity,
            CurrencyCode.Parse(currency),
            interval));
        return this;
    }
}
