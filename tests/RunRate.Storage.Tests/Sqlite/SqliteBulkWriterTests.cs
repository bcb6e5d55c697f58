using System.Globalization;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Sqlite;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Sqlite;

/// <summary>
/// The import's writer groups consecutive rows of a table into multi-row statements bound from pinned buffers: runs
/// that are not a multiple of the group, runs cut by the other table, empty and null text, and a failing row.
/// </summary>
public sealed class SqliteBulkWriterTests : IDisposable
{
    private readonly TempStore _store = new();

    public SqliteBulkWriterTests()
    {
        using var created = _store.Open();
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 7, 10)]
    [InlineData(4, 8, 9)]
    [InlineData(64, 130, 2_500)]
    public void Every_row_arrives_exactly_whatever_the_group_size(int rowsPerStatement, int customers, int lines)
    {
        using (var connection = Open())
        using (var transaction = connection.BeginTransaction())
        {
            using (var writer = new SqliteBulkWriter(connection, rowsPerStatement))
            {
                // Customers and lines interleave, so runs of one table end anywhere in a group.
                for (var c = 0; c < customers; c++)
                {
                    writer.Add(new Customer(new CustomerId($"C{c}"), Name: c % 2 == 0 ? $"Näme {c}" : null, Segment: c % 3 == 0 ? string.Empty : "SMB"));
                    for (var l = c; l < lines; l += customers)
                    {
                        writer.Add(Line(l, c));
                    }
                }

                writer.Drain();
                writer.Written.ShouldBe(customers + lines);
            }

            transaction.Commit();
        }

        using var check = Open();
        Scalar(check, "SELECT count(*) FROM customers").ShouldBe(customers.ToString(CultureInfo.InvariantCulture));
        Scalar(check, "SELECT count(*) FROM lines").ShouldBe(lines.ToString(CultureInfo.InvariantCulture));
        Scalar(check, "SELECT name FROM customers WHERE customer_id = 'C0'").ShouldBe("Näme 0");
        Scalar(check, "SELECT segment IS NOT NULL AND segment = '' FROM customers WHERE customer_id = 'C0'").ShouldBe("1");
        Scalar(check, $"SELECT group_concat(line_id || ':' || customer_id || ':' || kind || ':' || ifnull(product, '-') || ':' || start_date || ':' || ifnull(end_date, '-') || ':' || amount || ':' || quantity || ':' || currency || ':' || ifnull(interval_months, '-'), '|') FROM (SELECT * FROM lines ORDER BY rowid)")
            .ShouldBe(string.Join('|', Enumerable.Range(0, lines).OrderBy(l => l % customers).ThenBy(l => l).Select(l => Expected(l, l % customers))));
    }

    [Fact]
    public void A_row_the_schema_refuses_fails_the_writer_and_is_reported_on_the_next_call()
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var writer = new SqliteBulkWriter(connection, rowsPerStatement: 4);
        writer.Add(new Customer(new CustomerId("C0")));
        for (var l = 0; l < 6; l++)
        {
            writer.Add(Line(l, customer: l == 5 ? 99 : 0)); // C99 does not exist: the foreign key refuses it
        }

        Should.Throw<SqliteException>(writer.Drain).Message.ShouldContain("FOREIGN KEY");
    }

    public void Dispose() => _store.Dispose();

    private static RevenueLine Line(int l, int customer) => new(
        new LineId($"L{l}"),
        new CustomerId($"C{customer}"),
        l % 3 == 0 ? LineKind.OneTime : LineKind.Subscription,
        l % 4 == 0 ? null : (l % 4 == 1 ? string.Empty : "Pro"),
        new DateOnly(2024, 1, 1).AddDays(l),
        l % 5 == 0 ? new DateOnly(2025, 12, 31) : null,
        l + 0.25m,
        1.5m,
        CurrencyCode.Usd,
        l % 3 == 0 ? null : 12);

    private static string Expected(int l, int customer) =>
        string.Create(CultureInfo.InvariantCulture, $"L{l}:C{customer}:{(l % 3 == 0 ? "one_time" : "subscription")}:{(l % 4 == 0 ? "-" : (l % 4 == 1 ? string.Empty : "Pro"))}:{new DateOnly(2024, 1, 1).AddDays(l):yyyy-MM-dd}:{(l % 5 == 0 ? "2025-12-31" : "-")}:{l + 0.25m}:1.5:USD:{(l % 3 == 0 ? "-" : "12")}");

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_store.Path};Pooling=False");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys=ON";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
