using System.Globalization;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Tests.Support;

/// <summary>Terse helpers for hand-written tests: dates, months, exact values and reports.</summary>
internal static class T
{
    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static YearMonth Month(string yyyyMm) => YearMonth.Parse(yyyyMm);

    public static Exact X(decimal value) => Exact.FromDecimal(value);

    public static Exact X(long numerator, long denominator) => new(numerator, denominator);

    public static ReportRequest Request(string from, string to, LedgerFilter? filter = null, string currency = "USD") =>
        new(CurrencyCode.Parse(currency), Month(from), Month(to), filter);

    public static BridgeReport Report(RevenueLedger ledger, string from, string to, LedgerFilter? filter = null) =>
        RevenueEngine.Compute(ledger, Request(from, to, filter));

    public static MonthFigures In(this BridgeReport report, string month) => report[Month(month)];
}
