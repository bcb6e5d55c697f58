using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Storage.Sqlite;

/// <summary>Row mapping. Decimals travel as invariant TEXT so that 1200.50 comes back as exactly 1200.50.</summary>
internal static class SqliteRows
{
    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static List<Customer> ReadCustomers(SqliteConnection connection, SqliteTransaction transaction)
    {
        var result = new List<Customer>();
        using var reader = Query(connection, transaction, "SELECT customer_id, name, country, segment, channel, owner, attributes FROM customers");
        while (reader.Read())
        {
            var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6)) ?? [];
            result.Add(new Customer(new CustomerId(reader.GetString(0)), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5))
            {
                Attributes = attributes.ToImmutableSortedDictionary(StringComparer.Ordinal),
            });
        }

        return result;
    }

    public static List<FxRate> ReadFx(SqliteConnection connection, SqliteTransaction transaction)
    {
        var result = new List<FxRate>();
        using var reader = Query(connection, transaction, "SELECT date, from_currency, to_currency, rate FROM fx_rates");
        while (reader.Read())
        {
            result.Add(new FxRate(ParseDate(reader.GetString(0)), CurrencyCode.Parse(reader.GetString(1)), CurrencyCode.Parse(reader.GetString(2)), ParseDecimal(reader.GetString(3))));
        }

        return result;
    }

    public static List<RevenueLine> ReadLines(SqliteConnection connection, SqliteTransaction transaction)
    {
        var result = new List<RevenueLine>();
        using var reader = Query(connection, transaction, "SELECT line_id, customer_id, kind, product, start_date, end_date, amount, quantity, currency, interval_months FROM lines");
        while (reader.Read())
        {
            if (!LineKinds.TryParse(reader.GetString(2), out var kind))
            {
                throw new StoreException($"Stored line {reader.GetString(0)} has an unknown kind '{reader.GetString(2)}'.");
            }

            result.Add(new RevenueLine(
                new LineId(reader.GetString(0)),
                new CustomerId(reader.GetString(1)),
                kind,
                Text(reader, 3),
                ParseDate(reader.GetString(4)),
                reader.IsDBNull(5) ? null : ParseDate(reader.GetString(5)),
                ParseDecimal(reader.GetString(6)),
                ParseDecimal(reader.GetString(7)),
                CurrencyCode.Parse(reader.GetString(8)),
                reader.IsDBNull(9) ? null : reader.GetInt32(9)));
        }

        return result;
    }

    private static SqliteDataReader Query(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        // The reader owns the statement; disposing the command here would close the reader.
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteReader();
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
