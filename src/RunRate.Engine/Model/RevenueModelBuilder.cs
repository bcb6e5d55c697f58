using System.Numerics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Model;

/// <summary>
/// Feeds a <see cref="RevenueModel"/> row by row: exchange rates first, then customers, then lines.
/// Each line is converted on arrival and kept as a few numbers (no line objects are retained), so a store
/// can stream a million-customer ledger into the model without ever holding a snapshot.
/// </summary>
public sealed class RevenueModelBuilder
{
    private readonly CurrencyCode _currency;
    private readonly List<FxRate> _rates = [];
    private readonly Dictionary<CustomerId, int> _customers = [];
    private readonly Dictionary<int, Exact> _oneTime = [];
    private readonly List<string> _problems = [];
    private readonly bool[] _intervals = new bool[121];
    private FxTable? _fx;
    private int[] _lineCustomer = new int[1024];
    private int[] _startDay = new int[1024];
    private int[] _endDay = new int[1024]; // 0 = ongoing (day 0 is 0001-01-01, never an end)
    private byte[] _shape = new byte[1024]; // interval (1..120) | 128 for add-ons
    private byte[] _scale = new byte[1024];
    private Int128[] _unscaled = new Int128[1024];
    private int _recurring;
    private int _lines;
    // Room for cents, fractional seats and exchange rates from the start, so such lines added later never
    // need a finer common denominator (which would mean a rebuild).
    private int _maxScale = 6;
    private bool _tooLarge;

    internal RevenueModelBuilder(CurrencyCode currency) => _currency = currency;

    /// <summary>Adds an exchange rate (before any line).</summary>
    public void Add(FxRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        if (_fx is not null)
        {
            throw new InvalidOperationException("Exchange rates must be added before the first line.");
        }

        _rates.Add(rate);
    }

    /// <summary>Adds a customer (before its lines).</summary>
    public void Add(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        _customers.TryAdd(customer.Id, _customers.Count);
    }

    /// <summary>Adds a line of a customer added before.</summary>
    /// <exception cref="ArgumentException">The line's customer was not added.</exception>
    public void Add(RevenueLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _fx ??= new FxTable(_rates);
        if (!_customers.TryGetValue(line.CustomerId, out var customer))
        {
            throw new ArgumentException($"Line {line.Id} references unknown customer {line.CustomerId}.", nameof(line));
        }

        _lines++;
        var rate = _fx.RateOn(line.Currency, _currency, line.Start);
        if (rate is null)
        {
            LineValues.MissingRate(_problems, line, _currency);
            return;
        }

        if (!LineValues.TryValue(line, rate.Value, out var unscaled, out var scale))
        {
            _tooLarge = true;
            return;
        }

        if (line.Kind == LineKind.OneTime)
        {
            var month = YearMonth.Of(line.Start).Index;
            var amount = LineValues.OneTime(unscaled, scale);
            _oneTime[month] = _oneTime.TryGetValue(month, out var sum) ? sum + amount : amount;
            return;
        }

        if (unscaled == 0)
        {
            return;
        }

        if (_recurring == _lineCustomer.Length)
        {
            var size = _recurring * 2;
            Array.Resize(ref _lineCustomer, size);
            Array.Resize(ref _startDay, size);
            Array.Resize(ref _endDay, size);
            Array.Resize(ref _shape, size);
            Array.Resize(ref _scale, size);
            Array.Resize(ref _unscaled, size);
        }

        var interval = line.IntervalMonths ?? 1;
        _intervals[interval] = true;
        _maxScale = Math.Max(_maxScale, scale);
        var i = _recurring++;
        _lineCustomer[i] = customer;
        _startDay[i] = line.Start.DayNumber;
        _endDay[i] = line.End?.DayNumber ?? 0;
        _shape[i] = (byte)(interval | (line.Kind == LineKind.Addon ? 128 : 0));
        _scale[i] = (byte)scale;
        _unscaled[i] = unscaled;
    }

    /// <summary>Builds the model: fixes the common denominator, lays the events out per customer and computes the aggregates.</summary>
    /// <exception cref="LedgerConversionException">Some lines have no exchange rate to the model's currency.</exception>
    /// <exception cref="NotSupportedException">Values too large for 128-bit numerators; the reference engine handles such ledgers.</exception>
    public RevenueModel Build()
    {
        if (_problems.Count > 0)
        {
            throw new LedgerConversionException(_problems);
        }

        var lcm = (BigInteger)LineValues.UsualIntervals;
        for (var interval = 1; interval < _intervals.Length; interval++)
        {
            if (_intervals[interval])
            {
                lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, interval) * interval;
            }
        }

        if (_tooLarge || lcm > (BigInteger)Int128.MaxValue)
        {
            throw TooLarge();
        }

        var l = (Int128)lcm;
        var numerator = new Int128[_recurring];
        Int128 magnitude = 0;
        for (var i = 0; i < _recurring; i++)
        {
            var value = LineValues.Numerator(_unscaled[i], _scale[i], _shape[i] & 127, _maxScale, l) ?? throw TooLarge();
            numerator[i] = value;
            magnitude += value;
            if (magnitude > RevenueModel.MagnitudeLimit)
            {
                throw TooLarge();
            }
        }

        _unscaled = [];
        var columns = EventLayout.Build(_customers.Count, _recurring, _lineCustomer, _startDay, _endDay, _shape, numerator);
        return new RevenueModel(_currency, _fx ?? new FxTable(_rates), _customers, columns, _oneTime, _lines, _maxScale, l, magnitude);
    }

    private static NotSupportedException TooLarge() =>
        new("The ledger's values need more than 128-bit arithmetic; the in-memory model cannot hold it (reports use the reference engine).");
}
