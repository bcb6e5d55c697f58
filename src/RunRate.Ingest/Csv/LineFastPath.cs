using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Ingest.Csv;

/// <summary>
/// Reads a clean <c>lines.csv</c> row straight from the record's characters: no string per field, dates and
/// decimals parsed from spans, currencies, products and customer ids shared. It accepts only rows that
/// <see cref="Validation.LineRules"/> accepts, written in the canonical way (lower-case kind, plain digits, an
/// upper-case known currency), and builds the same line; anything else returns false and the caller asks the
/// rules, which then word every problem.
/// </summary>
internal sealed class LineFastPath
{
    private readonly CsvTable _table;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _known;
    private readonly HashSet<string> _knownSet;
    private readonly Func<string, bool> _stored;
    private readonly Dictionary<string, CurrencyCode> _currencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CurrencyCode>.AlternateLookup<ReadOnlySpan<char>> _currencyBySpan;
    private readonly Dictionary<string, string> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _productBySpan;
    private readonly int _id;
    private readonly int _customer;
    private readonly int _kind;
    private readonly int _product;
    private readonly int _start;
    private readonly int _end;
    private readonly int _amount;
    private readonly int _quantity;
    private readonly int _currency;
    private readonly int _interval;

    public LineFastPath(CsvTable table, HashSet<string> known, Func<string, bool> stored)
    {
        _table = table;
        _knownSet = known;
        _known = known.GetAlternateLookup<ReadOnlySpan<char>>();
        _stored = stored;
        _currencyBySpan = _currencies.GetAlternateLookup<ReadOnlySpan<char>>();
        _productBySpan = _products.GetAlternateLookup<ReadOnlySpan<char>>();
        _id = table.IndexOf("line_id");
        _customer = table.IndexOf("customer_id");
        _kind = table.IndexOf("kind");
        _product = table.IndexOf("product");
        _start = table.IndexOf("start_date");
        _end = table.IndexOf("end_date");
        _amount = table.IndexOf("amount");
        _quantity = table.IndexOf("quantity");
        _currency = table.IndexOf("currency");
        _interval = table.IndexOf("interval_months");
    }

    /// <summary>The current row's trimmed line id.</summary>
    public ReadOnlySpan<char> Id => _table.Span(_id);

    /// <summary>The current row as a line, when it is clean; <paramref name="id"/> is the row's id as a string.</summary>
    public bool TryRead(string? id, out RevenueLine line)
    {
        line = null!;
        if (id is null || !TryKind(_table.Span(_kind), out var kind) || !TryDate(_table.Span(_start), out var start))
        {
            return false;
        }

        DateOnly? end = null;
        var endText = _table.Span(_end);
        if (!endText.IsEmpty)
        {
            if (kind == LineKind.OneTime || !TryDate(endText, out var endDate) || endDate <= start)
            {
                return false;
            }

            end = endDate;
        }

        if (!TryDecimal(_table.Span(_amount), out var amount))
        {
            return false;
        }

        var quantity = 1m;
        var quantityText = _table.Span(_quantity);
        if (!quantityText.IsEmpty && (!TryDecimal(quantityText, out quantity) || quantity <= 0))
        {
            return false;
        }

        int? interval = null;
        var intervalText = _table.Span(_interval);
        if (kind == LineKind.OneTime)
        {
            if (!intervalText.IsEmpty)
            {
                return false;
            }
        }
        else if (TryInterval(intervalText, out var months))
        {
            interval = months;
        }
        else
        {
            return false;
        }

        if (!TryCurrency(_table.Span(_currency), out var currency) || !TryCustomer(_table.Span(_customer), out var customer))
        {
            return false;
        }

        var productText = _table.Span(_product);
        string? product = null;
        if (!productText.IsEmpty && !_productBySpan.TryGetValue(productText, out product))
        {
            product = productText.ToString();
            _products[product] = product;
        }

        line = new RevenueLine(new LineId(id), new CustomerId(customer), kind, product, start, end, amount, quantity, currency, interval);
        return true;
    }

    private bool TryCustomer(ReadOnlySpan<char> text, out string customer)
    {
        if (_known.TryGetValue(text, out customer!))
        {
            return true;
        }

        if (text.IsEmpty)
        {
            return false;
        }

        customer = text.ToString();
        if (!_stored(customer))
        {
            return false;
        }

        _knownSet.Add(customer);
        return true;
    }

    private bool TryCurrency(ReadOnlySpan<char> text, out CurrencyCode currency)
    {
        if (_currencyBySpan.TryGetValue(text, out currency))
        {
            return true;
        }

        // Only the canonical spelling (three upper-case letters of a known code) is remembered.
        var code = text.ToString();
        if (code.Length != 3 || !string.Equals(code, code.ToUpperInvariant(), StringComparison.Ordinal) || FieldParser.Currency(code, out currency) is not null)
        {
            return false;
        }

        _currencies[code] = currency;
        return true;
    }

    private static bool TryKind(ReadOnlySpan<char> text, out LineKind kind)
    {
        switch (text)
        {
            case "subscription": kind = LineKind.Subscription; return true;
            case "addon": kind = LineKind.Addon; return true;
            case "one_time": kind = LineKind.OneTime; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>yyyy-MM-dd with digits only and a real calendar day (what the strict parse accepts).</summary>
    internal static bool TryDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-' ||
            !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day) ||
            year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Plain digits with at most one inner point, up to 18 characters: the decimal with exactly that scale, as decimal.Parse gives it.</summary>
    internal static bool TryDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        if (text.IsEmpty || text.Length > 18 || text[0] == '.' || text[^1] == '.')
        {
            return false;
        }

        ulong mantissa = 0;
        var scale = -1;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (scale >= 0)
                {
                    return false;
                }

                scale = 0;
                continue;
            }

            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
            if (scale >= 0)
            {
                scale++;
            }
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>Whole months 1..120 written with plain digits.</summary>
    internal static bool TryInterval(ReadOnlySpan<char> text, out int months) =>
        TryDigits(text, out months) && text.Length <= 3 && months is >= 1 and <= 120;

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
