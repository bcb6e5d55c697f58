using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Storage.Sqlite;

/// <summary>Row mapping. Decimals travel as invariant TEXT so that 1200.50 comes back as exactly 1200.50.</summary>
internal static class SqliteRows
{
    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static List<Customer> ReadCustomers(SqliteConnection connection, SqliteTransaction? transaction, string? id = null)
    {
        var result = new List<Customer>();
        StreamCustomers(connection, transaction, result.Add, id);
        return result;
    }

    /// <summary>Hands every stored customer (or the one with <paramref name="id"/>) to <paramref name="onCustomer"/>, one row at a time.</summary>
    public static long StreamCustomers(SqliteConnection connection, SqliteTransaction? transaction, Action<Customer> onCustomer, string? id = null)
    {
        if (id is null)
        {
            return RawCustomerReader.Stream(connection, onCustomer); // the whole table: the C API, inside the open transaction
        }

        using var reader = Query(connection, transaction, "SELECT customer_id, name, country, segment, channel, owner, attributes FROM customers" + (id is null ? "" : " WHERE customer_id = $id"), id);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        long count = 0;
        while (reader.Read())
        {
            var json = reader.GetString(6);
            var customer = new Customer(new CustomerId(reader.GetString(0)), Text(reader, 1), Shared(texts, reader, 2), Shared(texts, reader, 3), Shared(texts, reader, 4), Shared(texts, reader, 5));
            if (json != "{}")
            {
                var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
                customer = customer with { Attributes = attributes.ToImmutableSortedDictionary(StringComparer.Ordinal) };
            }

            onCustomer(customer);
            count++;
        }

        return count;
    }

    public static List<FxRate> ReadFx(SqliteConnection connection, SqliteTransaction transaction)
    {
        var result = new List<FxRate>();
        StreamFx(connection, transaction, result.Add);
        return result;
    }

    /// <summary>Hands every stored rate to <paramref name="onFx"/>.</summary>
    public static long StreamFx(SqliteConnection connection, SqliteTransaction transaction, Action<FxRate> onFx)
    {
        using var reader = Query(connection, transaction, "SELECT date, from_currency, to_currency, rate FROM fx_rates");
        long count = 0;
        while (reader.Read())
        {
            onFx(new FxRate(ParseDate(reader.GetString(0)), CurrencyCode.Parse(reader.GetString(1)), CurrencyCode.Parse(reader.GetString(2)), ParseDecimal(reader.GetString(3))));
            count++;
        }

        return count;
    }

    public static List<CostEntry> ReadCosts(SqliteConnection connection, SqliteTransaction transaction)
    {
        var result = new List<CostEntry>();
        using var reader = Query(connection, transaction, "SELECT month, category, amount, currency, channel, description FROM costs ORDER BY id");
        while (reader.Read())
        {
            var category = CostCategories.Parse(reader.GetString(1))
                ?? throw new StoreException($"A stored cost of {reader.GetString(0)} has an unknown category '{reader.GetString(1)}'.");
            result.Add(new CostEntry(
                YearMonth.Parse(reader.GetString(0)),
                category,
                ParseDecimal(reader.GetString(2)),
                CurrencyCode.Parse(reader.GetString(3)),
                Text(reader, 4),
                Text(reader, 5)));
        }

        return result;
    }

    public static List<RevenueLine> ReadLines(SqliteConnection connection, SqliteTransaction? transaction, string? id = null)
    {
        if (id is not null)
        {
            return ReadLines(Query(connection, transaction, LineColumns + " WHERE line_id = $id", id));
        }

        var result = new List<RevenueLine>();
        StreamLines(connection, transaction, result.Add);
        return result;
    }

    /// <summary>
    /// Lines whose id starts with <paramref name="prefix"/>, as a range on the primary key (ids compare
    /// by their UTF-8 bytes, and U+10FFFF sorts after every character a prefix can be followed by).
    /// </summary>
    public static List<RevenueLine> ReadLinesWithIdPrefix(SqliteConnection connection, SqliteTransaction? transaction, string prefix) =>
        [.. ReadLines(Query(connection, transaction, LineColumns + " WHERE line_id >= $id AND line_id < $id || char(1114111)", prefix))
            .Where(l => l.Id.Value.StartsWith(prefix, StringComparison.Ordinal))];

    private const string LineColumns = "SELECT line_id, customer_id, kind, product, start_date, end_date, amount, quantity, currency, interval_months FROM lines";

    /// <summary>Hands every stored line to <paramref name="onLine"/>, one row at a time (nothing is collected).</summary>
    /// <remarks>The whole table is read through <see cref="RawLineReader"/> inside the connection's open transaction.</remarks>
    public static long StreamLines(SqliteConnection connection, SqliteTransaction? transaction, Action<RevenueLine> onLine)
    {
        _ = transaction; // the raw reader runs inside the connection's transaction, whichever it is
        return RawLineReader.Stream(connection, onLine);
    }

    private static List<RevenueLine> ReadLines(SqliteDataReader source)
    {
        var result = new List<RevenueLine>();
        StreamLines(source, result.Add);
        return result;
    }

    private static long StreamLines(SqliteDataReader source, Action<RevenueLine> onLine)
    {
        using var reader = source;
        var currencies = new Dictionary<string, CurrencyCode>(StringComparer.Ordinal);
        var products = new Dictionary<string, string>(StringComparer.Ordinal);
        long count = 0;
        while (reader.Read())
        {
            var kind = Kind(reader);
            onLine(new RevenueLine(
                new LineId(reader.GetString(0)),
                new CustomerId(reader.GetString(1)),
                kind,
                reader.IsDBNull(3) ? null : Intern(products, reader.GetString(3)),
                ParseDate(reader.GetString(4)),
                reader.IsDBNull(5) ? null : ParseDate(reader.GetString(5)),
                ParseDecimal(reader.GetString(6)),
                ParseDecimal(reader.GetString(7)),
                Currency(currencies, reader.GetString(8)),
                reader.IsDBNull(9) ? null : reader.GetInt32(9)));
            count++;
        }

        return count;
    }

    private static LineKind Kind(SqliteDataReader reader)
    {
        var text = reader.GetString(2);
        return text switch
        {
            "subscription" => LineKind.Subscription,
            "addon" => LineKind.Addon,
            "one_time" => LineKind.OneTime,
            _ => LineKinds.TryParse(text, out var kind) ? kind : throw new StoreException($"Stored line {reader.GetString(0)} has an unknown kind '{text}'."),
        };
    }

    /// <summary>The attributes column: a JSON object, <c>{}</c> when there are none.</summary>
    public static string Attributes(Customer customer) =>
        customer.Attributes.IsEmpty ? "{}" : JsonSerializer.Serialize(customer.Attributes);

    private static SqliteDataReader Query(SqliteConnection connection, SqliteTransaction? transaction, string sql, string? id = null)
    {
        // The reader owns the statement; disposing the command here would close the reader.
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        return command.ExecuteReader();
    }

    internal static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Stored dates are always canonical yyyy-MM-dd (the importer wrote them), so a fixed-position parse is safe and fast.</summary>
    internal static DateOnly ParseDate(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
            ? new DateOnly(Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2))
            : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                throw new StoreException($"Stored date '{text}' is not yyyy-MM-dd.");
            }

            value = (value * 10) + digit;
        }

        return value;
    }

    // A ledger has a handful of currencies and products but millions of lines: share one instance each.
    private static CurrencyCode Currency(Dictionary<string, CurrencyCode> cache, string code)
    {
        if (!cache.TryGetValue(code, out var currency))
        {
            currency = CurrencyCode.Parse(code);
            cache[code] = currency;
        }

        return currency;
    }

    // Segments, channels, countries and owners repeat across a million customers: share one string each.
    private static string? Shared(Dictionary<string, string> cache, SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Intern(cache, reader.GetString(ordinal));

    private static string Intern(Dictionary<string, string> cache, string value)
    {
        if (!cache.TryGetValue(value, out var shared))
        {
            cache[value] = shared = value;
        }

        return shared;
    }

    internal static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
