using System.Numerics;
using System.Reflection;
using DuckDB.NET.Data;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Compare.DuckDb;

/// <summary>
/// An in-process DuckDB database holding one ledger (customers, lines, exchange rates) in the tables of
/// <c>Sql/schema.sql</c>, loaded through DuckDB's appender. Decimals go in as integer mantissa and scale,
/// so nothing is rounded on the way in.
/// </summary>
internal sealed class DuckLedger : IDisposable
{
    private readonly DuckDBConnection _connection;

    private DuckLedger(DuckDBConnection connection) => _connection = connection;

    /// <summary>The open connection (queries run on it).</summary>
    public DuckDBConnection Connection => _connection;

    /// <summary>Opens an in-memory database limited to <paramref name="threads"/> threads and loads the ledger into it.</summary>
    public static DuckLedger Load(IEnumerable<Customer> customers, IEnumerable<RevenueLine> lines, IEnumerable<FxRate> fx, int threads)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        try
        {
            connection.Open();
            Execute(connection, $"SET threads={threads}");
            if (Environment.GetEnvironmentVariable("RUNRATE_DUCKDB_PROFILE") is { Length: > 0 } profile)
            {
                // DuckDB's per-operator JSON profile of the last query, for tuning bridge.sql.
                Execute(connection, "PRAGMA enable_profiling='json'");
                Execute(connection, $"PRAGMA profiling_output='{profile.Replace("'", "''", StringComparison.Ordinal)}'");
            }
            Execute(connection, ReadSql("schema.sql"));
            var ledger = new DuckLedger(connection);
            var keys = ledger.AppendCustomers(customers);
            ledger.AppendLines(lines, keys);
            ledger.AppendFx(fx);
            return ledger;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The text of an embedded SQL file (<c>Sql/NAME</c>).</summary>
    public static string ReadSql(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"RunRate.Compare.{name}")
            ?? throw new InvalidOperationException($"Embedded SQL {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Row counts of the three tables, to show what was loaded.</summary>
    public (long Customers, long Lines, long Fx) Counts() =>
        (Scalar("SELECT count(*) FROM customers"), Scalar("SELECT count(*) FROM lines"), Scalar("SELECT count(*) FROM fx"));

    /// <summary>DuckDB's version string, for the report.</summary>
    public string Version => "DuckDB " + Convert.ToString(ScalarObject("SELECT version()"), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _connection.Dispose();

    private Dictionary<CustomerId, int> AppendCustomers(IEnumerable<Customer> customers)
    {
        var keys = new Dictionary<CustomerId, int>();
        using var appender = _connection.CreateAppender("customers");
        foreach (var customer in customers)
        {
            var key = keys.Count;
            keys.Add(customer.Id, key);
            appender.CreateRow().AppendValue(key).AppendValue(customer.Id.Value).EndRow();
        }

        return keys;
    }

    private void AppendLines(IEnumerable<RevenueLine> lines, Dictionary<CustomerId, int> keys)
    {
        using var appender = _connection.CreateAppender("lines");
        foreach (var line in lines)
        {
            if (!keys.TryGetValue(line.CustomerId, out var key))
            {
                throw new ArgumentException($"Line {line.Id} references unknown customer {line.CustomerId}.", nameof(lines));
            }

            var (amount, amountScale) = Mantissa(line.Amount);
            var (quantity, quantityScale) = Mantissa(line.Quantity);
            appender.CreateRow()
                .AppendValue(line.Id.Value)
                .AppendValue(key)
                .AppendValue(KindText(line.Kind))
                .AppendValue(line.Start)
                .AppendValue(line.End)
                .AppendValue(amount)
                .AppendValue(amountScale)
                .AppendValue(quantity)
                .AppendValue(quantityScale)
                .AppendValue(line.Currency.Value)
                .AppendValue(line.IntervalMonths is { } months ? (short)months : (short?)null)
                .EndRow();
        }
    }

    private void AppendFx(IEnumerable<FxRate> rates)
    {
        using var appender = _connection.CreateAppender("fx");
        foreach (var rate in rates)
        {
            var (units, scale) = Mantissa(rate.Rate);
            appender.CreateRow()
                .AppendValue(rate.Date)
                .AppendValue(rate.From.Value)
                .AppendValue(rate.To.Value)
                .AppendValue(units)
                .AppendValue(scale)
                .EndRow();
        }
    }

    /// <summary>A decimal as integer mantissa and scale with trailing zeros removed: 49.90 → (499, 1).</summary>
    internal static (BigInteger Units, byte Scale) Mantissa(decimal value)
    {
        var (units, scale) = Exact.DecimalParts(value);
        while (scale > 0 && !units.IsZero && (units % 10).IsZero)
        {
            units /= 10;
            scale--;
        }

        return (units, (byte)(units.IsZero ? 0 : scale));
    }

    private static string KindText(LineKind kind) => kind switch
    {
        LineKind.Subscription => "subscription",
        LineKind.Addon => "addon",
        LineKind.OneTime => "one_time",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private long Scalar(string sql) => Convert.ToInt64(ScalarObject(sql), System.Globalization.CultureInfo.InvariantCulture);

    private object? ScalarObject(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
