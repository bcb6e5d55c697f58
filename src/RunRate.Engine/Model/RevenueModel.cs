using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Model;

/// <summary>
/// The ledger held in memory, column by column, in one reporting currency, with the monthly bridge
/// aggregates kept up to date line by line. Large ledgers (a million customers) are loaded once and
/// then stay live: a written line changes only its customer's part of the aggregates.
/// </summary>
/// <remarks>STUB: the columnar implementation replaces this body; the public surface is the contract.</remarks>
public sealed class RevenueModel
{
    private readonly object _gate = new();
    private readonly Dictionary<CustomerId, Customer> _customers;
    private readonly Dictionary<LineId, RevenueLine> _lines;
    private readonly FxTable _fx;

    internal RevenueModel(CurrencyCode currency, IEnumerable<Customer> customers, IEnumerable<RevenueLine> lines, FxTable fx)
    {
        Currency = currency;
        _customers = customers.ToDictionary(c => c.Id);
        _lines = lines.ToDictionary(l => l.Id);
        _fx = fx;
    }

    /// <summary>The reporting currency every figure of this model is in.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>Customers held.</summary>
    public int CustomerCount => _customers.Count;

    /// <summary>Lines held (every kind).</summary>
    public int LineCount => _lines.Count;

    /// <summary>Builds the model of a loaded snapshot.</summary>
    /// <exception cref="Movements.LedgerConversionException">A line has no exchange rate to <paramref name="currency"/>.</exception>
    public static RevenueModel Build(RevenueLedger ledger, CurrencyCode currency)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var builder = CreateBuilder(currency);
        foreach (var rate in ledger.Fx.Rates)
        {
            builder.Add(rate);
        }

        foreach (var customer in ledger.Customers)
        {
            builder.Add(customer);
        }

        foreach (var line in ledger.Lines)
        {
            builder.Add(line);
        }

        return builder.Build();
    }

    /// <summary>A builder fed row by row (exchange rates, then customers, then lines), so a store can stream a large ledger without a snapshot.</summary>
    public static RevenueModelBuilder CreateBuilder(CurrencyCode currency) => new(currency);

    /// <summary>Recomputes the whole bridge from the columns (both cores); exactly <see cref="RevenueEngine.Compute"/>'s figures.</summary>
    /// <exception cref="ArgumentException">The request has a filter or another currency: filtered reports run on a snapshot.</exception>
    public BridgeReport Compute(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            return RevenueEngine.Compute(new RevenueLedger(_customers.Values, _lines.Values, _fx), request);
        }
    }

    /// <summary>The bridge read from the maintained aggregates: O(months), whatever the ledger's size.</summary>
    /// <exception cref="ArgumentException">The request has a filter or another currency.</exception>
    public BridgeReport Report(ReportRequest request) => Compute(request);

    /// <summary>
    /// Applies one committed change of a line: <paramref name="before"/> as stored before the write (null when
    /// created), <paramref name="after"/> as stored after it (null when deleted). An unknown customer is added.
    /// Returns false, changing nothing, when the change cannot be applied in place (a line needing a finer common
    /// denominator, or a missing exchange rate); the caller then rebuilds the model.
    /// </summary>
    public bool TryApply(RevenueLine? before, RevenueLine? after)
    {
        lock (_gate)
        {
            if (before is not null)
            {
                _lines.Remove(before.Id);
            }

            if (after is not null)
            {
                _customers.TryAdd(after.CustomerId, new Customer(after.CustomerId));
                _lines[after.Id] = after;
            }

            return true;
        }
    }
}

/// <summary>Feeds a <see cref="RevenueModel"/> row by row: exchange rates first, then customers, then lines.</summary>
public sealed class RevenueModelBuilder
{
    private readonly CurrencyCode _currency;
    private readonly List<FxRate> _fx = [];
    private readonly List<Customer> _customers = [];
    private readonly List<RevenueLine> _lines = [];

    internal RevenueModelBuilder(CurrencyCode currency) => _currency = currency;

    /// <summary>Adds an exchange rate.</summary>
    public void Add(FxRate rate) => _fx.Add(rate);

    /// <summary>Adds a customer.</summary>
    public void Add(Customer customer) => _customers.Add(customer);

    /// <summary>Adds a line of a customer added before.</summary>
    public void Add(RevenueLine line) => _lines.Add(line);

    /// <summary>Builds the model.</summary>
    public RevenueModel Build() => new(_currency, _customers, _lines, new FxTable(_fx));
}
