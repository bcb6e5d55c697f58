using System.Globalization;

namespace RunRate.Engine.Primitives;

/// <summary>
/// A calendar month. Reports are monthly, so months are first-class values with cheap arithmetic
/// (an index counted from year 0) instead of "first day of month" dates that invite off-by-one errors.
/// </summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    private readonly int _index; // year * 12 + (month - 1)

    /// <summary>Creates a month; throws for a month outside 1..12 or a year outside 1..9999.</summary>
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        _index = (year * 12) + month - 1;
    }

    private YearMonth(int index) => _index = index;

    /// <summary>The year.</summary>
    public int Year => _index / 12;

    /// <summary>The month of the year, 1..12.</summary>
    public int Month => (_index % 12) + 1;

    /// <summary>A dense index (year × 12 + month − 1), handy as an array offset.</summary>
    public int Index => _index;

    /// <summary>The month from an index produced by <see cref="Index"/>.</summary>
    public static YearMonth FromIndex(int index) => new(index);

    /// <summary>The month containing a date.</summary>
    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The last day of the month.</summary>
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>The month <paramref name="months"/> later (or earlier when negative).</summary>
    public YearMonth AddMonths(int months) => new(_index + months);

    /// <summary>Number of months from <paramref name="other"/> to this month.</summary>
    public int MonthsSince(YearMonth other) => _index - other._index;

    /// <summary>Parses <c>YYYY-MM</c> strictly.</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is null || text.Length != 7 || text[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) ||
            year < 1 || month is < 1 or > 12)
        {
            return false;
        }

        value = new YearMonth(year, month);
        return true;
    }

    /// <summary>Parses <c>YYYY-MM</c> or throws <see cref="FormatException"/>.</summary>
    public static YearMonth Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a month in the form YYYY-MM.");

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => _index.CompareTo(other._index);

    /// <summary>Compares months.</summary>
    public static bool operator <(YearMonth left, YearMonth right) => left._index < right._index;

    /// <summary>Compares months.</summary>
    public static bool operator >(YearMonth left, YearMonth right) => left._index > right._index;

    /// <summary>Compares months.</summary>
    public static bool operator <=(YearMonth left, YearMonth right) => left._index <= right._index;

    /// <summary>Compares months.</summary>
    public static bool operator >=(YearMonth left, YearMonth right) => left._index >= right._index;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
