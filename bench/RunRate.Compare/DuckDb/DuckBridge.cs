using System.Numerics;
using DuckDB.NET.Data;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Compare.DuckDb;

/// <summary>
/// Runs <c>Sql/bridge.sql</c> (the contract's sections 2-4 in SQL) on a loaded <see cref="DuckLedger"/> and
/// turns its integer sums into the engine's <see cref="MonthFigures"/>, so both sides can be compared
/// figure by figure. The SQL returns numerators over one common denominator and the counts and bases of
/// every ratio; only the fractions are formed here (a rational has no SQL type).
/// </summary>
internal static class DuckBridge
{
    private static readonly Lazy<string> Sql = new(() => DuckLedger.ReadSql("bridge.sql"));

    /// <summary>The figures of every month from <paramref name="from"/> to <paramref name="to"/> in <paramref name="currency"/>.</summary>
    public static IReadOnlyList<MonthFigures> Compute(DuckLedger ledger, CurrencyCode currency, YearMonth from, YearMonth to)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        using var command = ledger.Connection.CreateCommand();
        command.CommandText = Sql.Value;
        command.Parameters.Add(new DuckDBParameter("currency", currency.Value));
        command.Parameters.Add(new DuckDBParameter("first_month", from.Index - 12));
        command.Parameters.Add(new DuckDBParameter("from_month", from.Index));
        command.Parameters.Add(new DuckDBParameter("to_month", to.Index));
        using var reader = command.ExecuteReader();
        var months = new List<MonthFigures>(to.MonthsSince(from) + 1);
        while (reader.Read())
        {
            months.Add(Read(reader));
        }

        return months;
    }

    private static MonthFigures Read(DuckDBDataReader row)
    {
        var denominator = Big(row, "denominator");
        var oneTimeDenominator = Big(row, "one_time_denominator");
        Exact Money(string column) => new(Big(row, column), denominator);

        var closing = Money("closing_mrr");
        var yearAgo = Money("year_ago_mrr");
        var nrrBase = Money("nrr_base_mrr");
        var openingCustomers = Count(row, "opening_customers");
        return new MonthFigures
        {
            Month = YearMonth.FromIndex(checked((int)Count(row, "month"))),
            OpeningMrr = Money("opening_mrr"),
            New = Money("new_mrr"),
            Expansion = Money("expansion_mrr"),
            Contraction = Money("contraction_mrr"),
            Churn = Money("churn_mrr"),
            Reactivation = Money("reactivation_mrr"),
            ClosingMrr = closing,
            SubscriptionArr = Money("subscription_mrr") * 12,
            AddonArr = Money("addon_mrr") * 12,
            OpeningCustomers = openingCustomers,
            Customers = Count(row, "customers"),
            NewCustomers = Count(row, "new_customers"),
            ReactivatedCustomers = Count(row, "reactivated_customers"),
            ChurnedCustomers = Count(row, "churned_customers"),
            CustomerChurnRate = Exact.Ratio(Count(row, "churned_from_opening"), openingCustomers),
            Nrr = Exact.Ratio(Money("nrr_mrr"), nrrBase),
            Grr = Exact.Ratio(Money("grr_mrr"), nrrBase),
            GrowthYoy = Exact.Ratio(closing, yearAgo) is { } ratio ? ratio - 1 : null,
            OneTimeRevenue = new Exact(Big(row, "one_time_amount"), oneTimeDenominator),
        };
    }

    private static BigInteger Big(DuckDBDataReader row, string column)
    {
        var value = row.GetValue(row.GetOrdinal(column));
        return value switch
        {
            BigInteger big => big,
            long l => l,
            int i => i,
            decimal d => new BigInteger(d),
            _ => throw new InvalidOperationException($"bridge.sql: column {column} has unexpected type {value.GetType().Name}."),
        };
    }

    private static long Count(DuckDBDataReader row, string column) => (long)Big(row, column);
}
