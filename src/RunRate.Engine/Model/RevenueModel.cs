using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Model;

/// <summary>
/// The ledger held in memory, column by column, in one reporting currency, with the monthly bridge
/// aggregates kept up to date line by line. A large ledger (a million customers) is loaded once and then
/// stays live: a written line changes only its customer's share of the aggregates, so the overview reads
/// figures in O(months) whatever the ledger's size. Figures are exactly <see cref="RevenueEngine.Compute"/>'s.
/// Thread-safe: updates and reads are serialised by one lock (reads take microseconds).
/// </summary>
public sealed partial class RevenueModel
{
    /// <summary>Bound on the sum of all numerators: every aggregate then fits 128 bits with a wide margin.</summary>
    internal static readonly Int128 MagnitudeLimit = Int128.MaxValue >> 24;

    private const int AxisPadding = 24;
    private const int MaxAxisMonths = 1200;

    private readonly object _gate = new();
    private readonly FxTable _fx;
    private readonly Dictionary<CustomerId, int> _customers;
    private readonly EventColumns _events;
    private readonly Dictionary<int, Exact> _oneTime;
    private readonly int _maxScale;
    private readonly Int128 _lcm;
    private readonly System.Numerics.BigInteger _denominator;
    private readonly ModelTotals _live;
    private readonly CustomerWalk _walk = new();
    private Int128 _magnitude;
    private int _maxEventMonth;

    internal RevenueModel(
        CurrencyCode currency,
        FxTable fx,
        Dictionary<CustomerId, int> customers,
        EventColumns events,
        Dictionary<int, Exact> oneTime,
        int lines,
        int maxScale,
        Int128 lcm,
        Int128 magnitude)
    {
        Currency = currency;
        _fx = fx;
        _customers = customers;
        _events = events;
        _oneTime = oneTime;
        LineCount = lines;
        _maxScale = maxScale;
        _lcm = lcm;
        _denominator = System.Numerics.BigInteger.Pow(10, maxScale) * (System.Numerics.BigInteger)lcm;
        _magnitude = magnitude;
        var (min, max) = events.MonthRange();
        _maxEventMonth = max;
        var lo = (min == int.MaxValue ? YearMonth.Of(new DateOnly(2000, 1, 1)).Index : min) - AxisPadding;
        var hi = Math.Min((max == int.MinValue ? lo : max) + Window.YearAgo + AxisPadding, lo + MaxAxisMonths - 1);
        _live = Accumulate(lo, hi - lo + 1);
    }

    /// <summary>The reporting currency every figure of this model is in.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>Customers held.</summary>
    public int CustomerCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Customers;
            }
        }
    }

    /// <summary>Lines held (every kind, including free and one-time lines).</summary>
    public int LineCount { get; private set; }

    /// <summary>Day entries (days on which some customer's MRR changes) held by the build.</summary>
    public int EventCount => _events.BuiltEvents;

    /// <summary>Builds the model of a loaded snapshot.</summary>
    /// <exception cref="Movements.LedgerConversionException">A line has no exchange rate to <paramref name="currency"/>.</exception>
    /// <exception cref="NotSupportedException">Values too large for 128-bit numerators.</exception>
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

    /// <summary>
    /// Recomputes the whole bridge of the request's window from the columns, on every core: what a report
    /// would cost without the maintained aggregates. Exactly <see cref="RevenueEngine.Compute"/>'s figures.
    /// </summary>
    /// <exception cref="ArgumentException">The request has a filter or another currency: such reports run on a snapshot.</exception>
    public BridgeReport Compute(ReportRequest request)
    {
        var (first, months) = Window_(request);
        lock (_gate)
        {
            return Assemble(request, Accumulate(first, months).ToWindow(first, months));
        }
    }

    /// <summary>The bridge read from the maintained aggregates: O(months), whatever the ledger's size.</summary>
    /// <exception cref="ArgumentException">The request has a filter or another currency.</exception>
    public BridgeReport Report(ReportRequest request)
    {
        var (first, months) = Window_(request);
        lock (_gate)
        {
            // Past the axis the closing state is constant only if nothing changes in its last twelve months.
            var axisEnd = _live.Lo + _live.Months - 1;
            var totals = request.To.Index > axisEnd && _maxEventMonth + Window.YearAgo > axisEnd
                ? Accumulate(first, months)
                : _live;
            return Assemble(request, totals.ToWindow(first, months));
        }
    }

    private (int First, int Months) Window_(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Filter.IsEmpty)
        {
            throw new ArgumentException("The in-memory model answers unfiltered reports; filtered reports run on a snapshot.", nameof(request));
        }

        if (request.Currency != Currency)
        {
            throw new ArgumentException($"The model is in {Currency}, the request asks for {request.Currency}.", nameof(request));
        }

        var first = request.From.Index - Window.YearAgo;
        return (first, request.To.Index - first + 1);
    }

    private BridgeReport Assemble(ReportRequest request, BridgeTotals<Int128> totals) =>
        RevenueEngine.Assemble(request, _denominator, _oneTime, totals);

    /// <summary>Walks every customer into totals over [lo, lo + months), splitting the customers over the cores.</summary>
    private ModelTotals Accumulate(int lo, int months)
    {
        var customers = _events.Customers;
        var result = new ModelTotals(lo, months);
        var chunks = Math.Max(1, Math.Min(customers / 4096, Environment.ProcessorCount * 8));
        if (chunks == 1)
        {
            for (var c = 0; c < customers; c++)
            {
                _walk.Walk(_events.Of(c), result, 1);
            }

            return result;
        }

        var merge = new object();
        Parallel.For(
            0,
            chunks,
            () => (Walk: new CustomerWalk(), Totals: new ModelTotals(lo, months)),
            (chunk, _, local) =>
            {
                var to = (int)((long)customers * (chunk + 1) / chunks);
                for (var c = (int)((long)customers * chunk / chunks); c < to; c++)
                {
                    local.Walk.Walk(_events.Of(c), local.Totals, 1);
                }

                return local;
            },
            local =>
            {
                lock (merge)
                {
                    result.Add(local.Totals);
                }
            });
        return result;
    }
}
