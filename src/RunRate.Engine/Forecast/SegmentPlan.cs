using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>One segment's bridge over a forecast's window and horizon.</summary>
/// <param name="Segment">The segment value.</param>
/// <param name="Bridge">The engine's bridge for the segment's customers.</param>
internal sealed record SegmentBridge(string Segment, BridgeReport Bridge);

/// <summary>
/// The customers in scope split by the segment attribute (values compared ignoring case, as the
/// reports' breakdowns do; an empty value is a segment of its own), each segment a small ledger of
/// its own so that one engine run gives its whole bridge.
/// </summary>
internal sealed class SegmentPlan
{
    private readonly List<(string Segment, List<Customer> Customers)> _segments;
    private readonly Dictionary<CustomerId, List<RevenueLine>> _lines;
    private readonly FxTable _fx;
    private readonly LedgerFilter _filter;

    public SegmentPlan(RevenueLedger ledger, LedgerFilter filter, string by)
    {
        _fx = ledger.Fx;
        _filter = filter;
        var groups = new Dictionary<string, (string Segment, List<Customer> Customers)>(StringComparer.OrdinalIgnoreCase);
        foreach (var customer in ledger.Customers.Where(filter.Matches))
        {
            var value = customer.Attribute(by) ?? "";
            if (!groups.TryGetValue(value, out var group))
            {
                group = (value, []);
                groups[value] = group;
            }

            group.Customers.Add(customer);
        }

        _segments = [.. groups.Values.OrderBy(g => g.Segment, StringComparer.Ordinal)];
        _lines = [];
        foreach (var line in ledger.Lines)
        {
            if (line.Kind.IsRecurring() && filter.Matches(line))
            {
                if (!_lines.TryGetValue(line.CustomerId, out var list))
                {
                    list = [];
                    _lines[line.CustomerId] = list;
                }

                list.Add(line);
            }
        }
    }

    /// <summary>The segment values, in ordinal order.</summary>
    public IEnumerable<string> Segments => _segments.Select(s => s.Segment);

    /// <summary>The recurring lines in scope (customer and product filter).</summary>
    public IEnumerable<RevenueLine> Lines => _segments.SelectMany(s => s.Customers).SelectMany(c => _lines.GetValueOrDefault(c.Id) ?? []);

    /// <summary>Each segment's bridge from <paramref name="from"/> to <paramref name="to"/>: one engine run per segment.</summary>
    public IReadOnlyList<SegmentBridge> Bridges(CurrencyCode currency, YearMonth from, YearMonth to)
    {
        var request = new ReportRequest(currency, from, to, _filter);
        var result = new List<SegmentBridge>(_segments.Count);
        foreach (var (segment, customers) in _segments)
        {
            var lines = customers.SelectMany(c => _lines.GetValueOrDefault(c.Id) ?? []);
            result.Add(new SegmentBridge(segment, RevenueEngine.Compute(new RevenueLedger(customers, lines, _fx), request)));
        }

        return result;
    }
}
