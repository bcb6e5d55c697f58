using System.Collections.Frozen;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Ledger;

/// <summary>
/// Exchange rates by pair and effective date. A line is converted once, at the rate in force on its
/// start date, so exchange rates never create movements. Inverse or cross rates are deliberately not
/// derived: 1 ÷ rate does not terminate, and a derived rate would be a figure nobody entered.
/// </summary>
public sealed class FxTable
{
    private readonly FrozenDictionary<(CurrencyCode From, CurrencyCode To), FxRate[]> _byPair;

    /// <summary>Builds the table; rates of a pair are ordered by date.</summary>
    public FxTable(IEnumerable<FxRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        Rates = [.. rates.OrderBy(r => r.From.Value, StringComparer.Ordinal).ThenBy(r => r.To.Value, StringComparer.Ordinal).ThenBy(r => r.Date)];
        _byPair = Rates.GroupBy(r => (r.From, r.To)).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>A table with no rates.</summary>
    public static FxTable Empty { get; } = new([]);

    /// <summary>Every rate, ordered by pair and date.</summary>
    public IReadOnlyList<FxRate> Rates { get; }

    /// <summary>
    /// The rate converting <paramref name="from"/> into <paramref name="to"/> on <paramref name="day"/>:
    /// 1 for the same currency, the latest rate dated on or before the day, or null when there is none.
    /// </summary>
    public decimal? RateOn(CurrencyCode from, CurrencyCode to, DateOnly day)
    {
        if (from == to)
        {
            return 1m;
        }

        if (!_byPair.TryGetValue((from, to), out var rates))
        {
            return null;
        }

        var lo = 0;
        var hi = rates.Length - 1;
        var found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (rates[mid].Date <= day)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? null : rates[found].Rate;
    }
}
