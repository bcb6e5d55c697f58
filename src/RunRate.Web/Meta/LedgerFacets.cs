using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Web.Meta;

/// <summary>
/// The values the dashboard's pickers offer (<c>GET /api/meta</c>), gathered row by row while the live model
/// streams the ledger, so a large ledger is never held as a snapshot just to list its segments. A line written
/// through the API adds its product, currency and months; values of removed lines stay listed until the next
/// load, which only ever offers a filter too many, never one too few.
/// </summary>
internal sealed class LedgerFacets
{
    private readonly SortedSet<string> _currencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _segments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _countries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _products = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _attributes = new(StringComparer.OrdinalIgnoreCase);
    private DateOnly? _firstStart;
    private DateOnly? _lastDate;

    public void Add(FxRate rate)
    {
        _currencies.Add(rate.From.Value);
        _currencies.Add(rate.To.Value);
    }

    public void Add(Customer customer)
    {
        Keep(_segments, customer.Segment);
        Keep(_channels, customer.Channel);
        Keep(_countries, customer.Country);
        Keep(_owners, customer.Owner);
        foreach (var name in customer.Attributes.Keys)
        {
            Keep(_attributes, name);
        }
    }

    public void Add(RevenueLine line)
    {
        _currencies.Add(line.Currency.Value);
        Keep(_products, line.Product);
        _firstStart = _firstStart is { } first && first <= line.Start ? first : line.Start;
        var last = line.End is { } end && end > line.Start ? end : line.Start;
        _lastDate = _lastDate is { } l && l >= last ? l : last;
    }

    public MetaResponse Describe(long revision) => new(
        revision,
        [.. _currencies],
        Sorted(_segments),
        Sorted(_channels),
        Sorted(_countries),
        Sorted(_owners),
        Sorted(_products),
        Sorted(_attributes),
        _firstStart is { } f ? YearMonth.Of(f).ToString() : null,
        _lastDate is { } l ? YearMonth.Of(l).ToString() : null);

    // The first spelling met wins, as Distinct(OrdinalIgnoreCase) did over the snapshot.
    private static void Keep(Dictionary<string, string> values, string? value)
    {
        if (value is not null)
        {
            values.TryAdd(value, value);
        }
    }

    private static List<string> Sorted(Dictionary<string, string> values) => [.. values.Values.Order(StringComparer.Ordinal)];
}
