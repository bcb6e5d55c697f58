using System.Collections.Immutable;
using System.Text.Json;
using Npgsql;
using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Sqlite;

namespace RunRate.Storage.Postgres;

/// <summary>Ledger rows of the PostgreSQL store: the upsert statements and the readers back into engine records.</summary>
internal static class PostgresRows
{
    public const string CustomerColumns = "customer_id, name, country, segment, channel, owner, attributes";
    public const string LineColumns = "line_id, customer_id, kind, product, start_date, end_date, amount, quantity, currency, interval_months";
    public const string FxColumns = "date, from_currency, to_currency, rate";
    public const string CostColumns = "month, category, amount, currency, channel, description";

    public const string UpsertCustomer =
        $"INSERT INTO customers ({CustomerColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) " +
        "ON CONFLICT (customer_id) DO UPDATE SET name = excluded.name, country = excluded.country, segment = excluded.segment, channel = excluded.channel, owner = excluded.owner, attributes = excluded.attributes";

    public const string UpsertLine =
        $"INSERT INTO lines ({LineColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) " +
        "ON CONFLICT (line_id) DO UPDATE SET customer_id = excluded.customer_id, kind = excluded.kind, product = excluded.product, start_date = excluded.start_date, " +
        "end_date = excluded.end_date, amount = excluded.amount, quantity = excluded.quantity, currency = excluded.currency, interval_months = excluded.interval_months";

    public static object?[] Values(Customer customer) =>
        [customer.Id.Value, customer.Name, customer.Country, customer.Segment, customer.Channel, customer.Owner, SqliteRows.Attributes(customer)];

    public static object?[] Values(RevenueLine line) =>
        [line.Id.Value, line.CustomerId.Value, line.Kind.ToLedgerText(), line.Product, line.Start, line.End, line.Amount, line.Quantity, line.Currency.Value, line.IntervalMonths];

    public static List<Customer> ReadCustomers(PgSession session, string? id = null)
    {
        var result = new List<Customer>();
        StreamCustomers(session, result.Add, id);
        return result;
    }

    /// <summary>Hands every stored customer (or the one with <paramref name="id"/>) to <paramref name="onCustomer"/>, one row at a time.</summary>
    public static void StreamCustomers(PgSession session, Action<Customer> onCustomer, string? id = null)
    {
        using var reader = id is null
            ? session.Query($"SELECT {CustomerColumns}::text FROM customers")
            : session.Query($"SELECT {CustomerColumns}::text FROM customers WHERE customer_id = $1", id);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
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
        }
    }

    public static List<FxRate> ReadFx(PgSession session)
    {
        var result = new List<FxRate>();
        StreamFx(session, result.Add);
        return result;
    }

    /// <summary>Hands every stored rate to <paramref name="onFx"/>.</summary>
    public static void StreamFx(PgSession session, Action<FxRate> onFx)
    {
        using var reader = session.Query($"SELECT {FxColumns} FROM fx_rates");
        while (reader.Read())
        {
            onFx(new FxRate(reader.GetFieldValue<DateOnly>(0), CurrencyCode.Parse(reader.GetString(1)), CurrencyCode.Parse(reader.GetString(2)), reader.GetDecimal(3)));
        }
    }

    public static List<CostEntry> ReadCosts(PgSession session)
    {
        var result = new List<CostEntry>();
        using var reader = session.Query($"SELECT {CostColumns} FROM costs ORDER BY id");
        while (reader.Read())
        {
            var month = PgValues.Month(reader.GetFieldValue<DateOnly>(0));
            var category = CostCategories.Parse(reader.GetString(1))
                ?? throw new StoreException($"A stored cost of {month} has an unknown category '{reader.GetString(1)}'.");
            result.Add(new CostEntry(month, category, reader.GetDecimal(2), CurrencyCode.Parse(reader.GetString(3)), Text(reader, 4), Text(reader, 5)));
        }

        return result;
    }

    public static List<RevenueLine> ReadLines(PgSession session, string? id = null) =>
        ReadLines(id is null ? session.Query($"SELECT {LineColumns} FROM lines") : session.Query($"SELECT {LineColumns} FROM lines WHERE line_id = $1", id));

    /// <summary>Lines whose id starts with <paramref name="prefix"/>: a range on the primary key, whose "C" collation orders ids by their bytes.</summary>
    public static List<RevenueLine> ReadLinesWithIdPrefix(PgSession session, string prefix) =>
        [.. ReadLines(session.Query($"SELECT {LineColumns} FROM lines WHERE line_id >= $1 AND line_id < $1 || chr(1114111)", prefix))
            .Where(l => l.Id.Value.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>Hands every stored line to <paramref name="onLine"/>, one row at a time (nothing is collected).</summary>
    public static void StreamLines(PgSession session, Action<RevenueLine> onLine) =>
        StreamLines(session.Query($"SELECT {LineColumns} FROM lines"), onLine);

    private static List<RevenueLine> ReadLines(NpgsqlDataReader source)
    {
        var result = new List<RevenueLine>();
        StreamLines(source, result.Add);
        return result;
    }

    private static void StreamLines(NpgsqlDataReader source, Action<RevenueLine> onLine)
    {
        using var reader = source;
        var currencies = new Dictionary<string, CurrencyCode>(StringComparer.Ordinal);
        var products = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (!LineKinds.TryParse(reader.GetString(2), out var kind))
            {
                throw new StoreException($"Stored line {reader.GetString(0)} has an unknown kind '{reader.GetString(2)}'.");
            }

            var code = reader.GetString(8);
            if (!currencies.TryGetValue(code, out var currency))
            {
                currencies[code] = currency = CurrencyCode.Parse(code);
            }

            string? product = null;
            if (!reader.IsDBNull(3))
            {
                var text = reader.GetString(3);
                if (!products.TryGetValue(text, out product))
                {
                    products[text] = product = text;
                }
            }

            onLine(new RevenueLine(
                new LineId(reader.GetString(0)),
                new CustomerId(reader.GetString(1)),
                kind,
                product,
                reader.GetFieldValue<DateOnly>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                reader.GetDecimal(6),
                reader.GetDecimal(7),
                currency,
                reader.IsDBNull(9) ? null : reader.GetInt32(9)));
        }
    }

    // Segments, channels, countries and owners repeat across a million customers: share one string each.
    private static string? Shared(Dictionary<string, string> cache, NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var text = reader.GetString(ordinal);
        if (!cache.TryGetValue(text, out var shared))
        {
            cache[text] = shared = text;
        }

        return shared;
    }

    public static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
