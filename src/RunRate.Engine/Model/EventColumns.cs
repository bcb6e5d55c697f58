namespace RunRate.Engine.Model;

/// <summary>
/// Every customer's day events, column by column: one contiguous block per customer as built
/// (<c>Start[c]..Start[c+1]</c>), plus a replacement block for each customer changed since, so an
/// incremental update never shifts the big arrays. Customers added after the build only have a replacement.
/// </summary>
internal sealed class EventColumns
{
    private readonly int[] _start;
    private readonly int[] _day;
    private readonly int[] _month;
    private readonly Int128[] _subscription;
    private readonly Int128[] _addon;
    private Replaced?[] _replaced; // a reference per customer (8 bytes), null while unchanged since the build

    public EventColumns(int[] start, int[] day, int[] month, Int128[] subscription, Int128[] addon)
    {
        _start = start;
        _day = day;
        _month = month;
        _subscription = subscription;
        _addon = addon;
        BuiltCustomers = start.Length - 1;
        Customers = BuiltCustomers;
        _replaced = new Replaced?[Customers];
    }

    /// <summary>Customers held (built ones first, then those added by updates).</summary>
    public int Customers { get; private set; }

    public int BuiltCustomers { get; }

    /// <summary>Day entries of the build (replaced blocks are not counted).</summary>
    public int BuiltEvents => _day.Length;

    public int ReplacedCustomers { get; private set; }

    public DayEvents Of(int customer) =>
        _replaced[customer] is { } replaced ? replaced.Events
        : customer < BuiltCustomers ? new DayEvents(_day, _month, _subscription, _addon, _start[customer], _start[customer + 1] - _start[customer])
        : DayEvents.Empty;

    public int AddCustomer()
    {
        if (Customers == _replaced.Length)
        {
            Array.Resize(ref _replaced, Math.Max(16, _replaced.Length * 2));
        }

        return Customers++;
    }

    public void Replace(int customer, DayEvents events)
    {
        if (_replaced[customer] is null)
        {
            ReplacedCustomers++;
        }

        _replaced[customer] = new Replaced(events);
    }

    /// <summary>The first and last month with an event (int.MaxValue, int.MinValue when there is none).</summary>
    public (int Min, int Max) MonthRange()
    {
        var min = int.MaxValue;
        var max = int.MinValue;
        foreach (var m in _month)
        {
            min = Math.Min(min, m);
            max = Math.Max(max, m);
        }

        return (min, max);
    }

    private sealed record Replaced(DayEvents Events);
}
