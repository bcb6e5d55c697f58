using System.Globalization;
using System.Text;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Tests.Generators;

/// <summary>A generated ledger and the report range to compute over it; prints itself readably when a property fails.</summary>
public sealed record LedgerCase(
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<RevenueLine> Lines,
    IReadOnlyList<FxRate> Rates,
    YearMonth From,
    YearMonth To)
{
    public RevenueLedger Ledger() => new(Customers, Lines, new FxTable(Rates));

    public ReportRequest Request(LedgerFilter? filter = null) => new(CurrencyCode.Usd, From, To, filter);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"report {From}..{To}; fx:");
        foreach (var r in Rates)
        {
            text.Append(CultureInfo.InvariantCulture, $" {r.Date:yyyy-MM-dd} {r.From}->{r.To} {r.Rate};");
        }

        text.AppendLine();
        foreach (var c in Customers)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"customer {c.Id} segment={c.Segment}");
        }

        foreach (var l in Lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {l.Id} {l.CustomerId} {l.Kind.ToLedgerText()} {l.Product} {l.Start:yyyy-MM-dd}..{l.End:yyyy-MM-dd} {l.Amount} x {l.Quantity} {l.Currency} /{l.IntervalMonths}");
        }

        return text.ToString();
    }
}

/// <summary>A generated ledger and the same ledger with customers, lines and rates shuffled and line ids relabelled.</summary>
public sealed record ShuffledLedgerCase(LedgerCase Original, LedgerCase Shuffled)
{
    public override string ToString() => Original.ToString();
}

/// <summary>A generated ledger with any interval 1..120 and many decimals (see <c>LedgerGenerators.AwkwardCase</c>).</summary>
public sealed record AwkwardLedgerCase(LedgerCase Case)
{
    public override string ToString() => Case.ToString();
}
