using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Storage.Sqlite;

/// <summary>
/// Reads every stored customer through SQLite's C API: the attributes JSON is walked with a UTF-8 reader straight
/// into the customer's sorted dictionary, and countries, segments, channels, owners and attribute names and values,
/// which repeat across a million customers, are shared. Runs inside whatever transaction the connection has open.
/// </summary>
internal static class RawCustomerReader
{
    private const string Sql = "SELECT customer_id, name, country, segment, channel, owner, attributes FROM customers";

    public static long Stream(SqliteConnection connection, Action<Customer> onCustomer)
    {
        using var statement = new RawStatement(connection, Sql);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Text(int column, bool share)
        {
            if (statement.IsNull(column))
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(statement.Bytes(column));
            return share ? Share(text, shared) : text;
        }

        long count = 0;
        while (statement.Step())
        {
            var customer = new Customer(new CustomerId(Text(0, false)!), Text(1, false), Text(2, true), Text(3, true), Text(4, true), Text(5, true));
            var json = statement.Bytes(6);
            if (!json.SequenceEqual("{}"u8))
            {
                customer = customer with { Attributes = Attributes(json, shared) };
            }

            onCustomer(customer);
            count++;
        }

        return count;
    }

    /// <summary>The attributes column: a flat JSON object of strings, as <see cref="SqliteRows.Attributes"/> writes it.</summary>
    private static ImmutableSortedDictionary<string, string> Attributes(ReadOnlySpan<byte> json, Dictionary<string, string> shared)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json);
        string? name = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    name = Share(reader.GetString()!, shared);
                    break;
                case JsonTokenType.String when name is not null:
                    builder[name] = Share(reader.GetString()!, shared);
                    name = null;
                    break;
                case JsonTokenType.StartObject when reader.CurrentDepth == 0:
                case JsonTokenType.EndObject when reader.CurrentDepth == 0:
                    break;
                default:
                    throw new StoreException($"A stored customer has attributes that are not a JSON object of strings: {Encoding.UTF8.GetString(json)}");
            }
        }

        return builder.ToImmutable();
    }

    private static string Share(string text, Dictionary<string, string> shared)
    {
        if (shared.Count > 100_000)
        {
            return text; // free-text attributes: sharing would only grow the table
        }

        if (!shared.TryGetValue(text, out var one))
        {
            shared[text] = one = text;
        }

        return one;
    }
}
