using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Storage.Sqlite;

/// <summary>
/// Reads every stored line through SQLite's C API, parsing dates, decimals, kinds and currencies straight from the
/// stored UTF-8 bytes: a million-line ledger is read without a string per field (only ids become strings; products
/// and currencies are shared). Runs inside whatever transaction the connection has open.
/// </summary>
internal static class RawLineReader
{
    private const string Sql = "SELECT line_id, customer_id, kind, product, start_date, end_date, amount, quantity, currency, interval_months FROM lines";

    public static long Stream(SqliteConnection connection, Action<RevenueLine> onLine)
    {
        using var statement = new RawStatement(connection, Sql);
        var products = new List<(byte[] Bytes, string Text)>();
        var currencies = new List<(byte[] Bytes, CurrencyCode Code)>();
        long count = 0;
        while (statement.Step())
        {
            var id = Encoding.UTF8.GetString(statement.Bytes(0));
            onLine(new RevenueLine(
                new LineId(id),
                new CustomerId(Encoding.UTF8.GetString(statement.Bytes(1))),
                Kind(statement.Bytes(2), id),
                statement.IsNull(3) ? null : Shared(products, statement.Bytes(3), static b => Encoding.UTF8.GetString(b)),
                Date(statement.Bytes(4)),
                statement.IsNull(5) ? null : Date(statement.Bytes(5)),
                Decimal(statement.Bytes(6)),
                Decimal(statement.Bytes(7)),
                Shared(currencies, statement.Bytes(8), static b => CurrencyCode.Parse(Encoding.UTF8.GetString(b))),
                statement.IsNull(9) ? null : statement.Int32(9)));
            count++;
        }

        return count;
    }

    private static LineKind Kind(ReadOnlySpan<byte> text, string id)
    {
        if (text.SequenceEqual("subscription"u8))
        {
            return LineKind.Subscription;
        }

        if (text.SequenceEqual("addon"u8))
        {
            return LineKind.Addon;
        }

        if (text.SequenceEqual("one_time"u8))
        {
            return LineKind.OneTime;
        }

        throw new StoreException($"Stored line {id} has an unknown kind '{Encoding.UTF8.GetString(text)}'.");
    }

    // A ledger has a handful of products and currencies but millions of lines: one instance each.
    private static T Shared<T>(List<(byte[] Bytes, T Value)> cache, ReadOnlySpan<byte> text, Func<byte[], T> create)
    {
        foreach (var (bytes, value) in cache)
        {
            if (text.SequenceEqual(bytes))
            {
                return value;
            }
        }

        var key = text.ToArray();
        var made = create(key);
        if (cache.Count < 256)
        {
            cache.Add((key, made));
        }

        return made;
    }

    /// <summary>Stored dates are canonical yyyy-MM-dd (the importer wrote them).</summary>
    private static DateOnly Date(ReadOnlySpan<byte> text)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && TryDigits(text[..4], out var year) && TryDigits(text.Slice(5, 2), out var month) && TryDigits(text.Slice(8, 2), out var day))
        {
            return new DateOnly(year, month, day);
        }

        return SqliteRows.ParseDate(Encoding.UTF8.GetString(text));
    }

    private static decimal Decimal(ReadOnlySpan<byte> text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
