using RunRate.Ingest.Tests.Support;

namespace RunRate.Ingest.Tests.Csv;

public sealed class BrokenRowsTests
{
    // Line numbers: header is line 1.
    private const string Broken =
        Ledgers.LinesHeader +
        "L01,C1,subscription,Pro,2024-01-01,,100.00,,USD,1\n" +      // 2 valid
        "L02,NOPE,subscription,Pro,2024-01-01,,100.00,,USD,1\n" +    // 3 unknown customer
        "L03,C1,subscription,Pro,2024-03-01,2024-02-01,100,,USD,1\n" + // 4 end before start
        "L04,C1,subscription,Pro,2024-01-01,,-5,,USD,1\n" +         // 5 negative amount
        "L05,C1,subscription,Pro,2024-01-01,,abc,,USD,1\n" +        // 6 non-numeric amount
        "L06,C1,subscription,Pro,2024-02-30,,10,,USD,1\n" +         // 7 impossible date
        "L01,C1,subscription,Pro,2024-01-01,,10,,USD,1\n" +         // 8 duplicate id
        "L08,C1,one_time,Setup,2024-01-01,2024-02-01,10,,USD,\n" +  // 9 one_time with end date
        "L09,C1,subscription,Pro,2024-01-01,,10,,USD,\n" +          // 10 recurring without interval
        "L10,C1,rental,Pro,2024-01-01,,10,,USD,1\n" +               // 11 unknown kind
        "L11,C1,subscription,Pro,2024-01-01,,10,,US,1\n" +          // 12 bad currency code
        "L12,C1,subscription,Pro,2024-01-01,,10,,USD,0\n" +         // 13 interval 0
        "L13,C1,subscription,Pro,2024-01-01,,10,0,USD,1\n" +        // 14 quantity 0
        "L14,C1,addon,SSO,2024-01-01,,1.000,2,eur,12\n";            // 15 valid (lower-case currency accepted)

    [Fact]
    public void Every_broken_row_is_reported_with_file_line_and_column_and_nothing_is_committed()
    {
        var target = new MemoryTarget();
        var result = Ledgers.Import(Ledgers.Customers, Broken, target: target);

        Assert.False(result.Succeeded);
        Assert.Equal(0, target.Commits);
        var text = result.Errors.Items.Select(e => e.ToString()).ToList();
        Assert.Contains(text, e => e.StartsWith("lines.csv:3: customer_id: unknown customer 'NOPE'", StringComparison.Ordinal));
        Assert.Contains("lines.csv:4: end_date: must be after start_date (2024-03-01), found 2024-02-01", text);
        Assert.Contains(text, e => e.StartsWith("lines.csv:5: amount: must be 0 or more", StringComparison.Ordinal));
        Assert.Contains(text, e => e.StartsWith("lines.csv:6: amount: expected a decimal number", StringComparison.Ordinal));
        Assert.Contains(text, e => e.StartsWith("lines.csv:7: start_date: expected a calendar date YYYY-MM-DD, found '2024-02-30'", StringComparison.Ordinal));
        Assert.Contains("lines.csv:8: line_id: duplicate id 'L01' (first on line 2)", text);
        Assert.Contains(text, e => e.StartsWith("lines.csv:9: end_date: must be empty for a one_time line", StringComparison.Ordinal));
        Assert.Contains(text, e => e.StartsWith("lines.csv:10: interval_months: is required for recurring lines", StringComparison.Ordinal));
        Assert.Contains(text, e => e.StartsWith("lines.csv:11: kind: expected subscription, addon or one_time, found 'rental'", StringComparison.Ordinal));
        Assert.Contains(text, e => e.StartsWith("lines.csv:12: currency: expected an ISO 4217 currency code", StringComparison.Ordinal));
        Assert.Contains(text, e => e.StartsWith("lines.csv:13: interval_months: expected whole months from 1 to 120, found '0'", StringComparison.Ordinal));
        Assert.Contains(text, e => e.StartsWith("lines.csv:14: quantity: must be greater than 0", StringComparison.Ordinal));
        Assert.DoesNotContain(text, e => e.StartsWith("lines.csv:2:", StringComparison.Ordinal) || e.StartsWith("lines.csv:15:", StringComparison.Ordinal));
        Assert.Equal(12, result.Errors.Count);
    }

    [Theory]
    [InlineData("L1,C1,subscription,P,2024-01-01,,1.5e3,,USD,1", "amount")]
    [InlineData("L1,C1,subscription,P,2024-01-01,,\"1,500.00\",,USD,1", "amount")]
    [InlineData("L1,C1,subscription,P,24-01-01,,10,,USD,1", "start_date")]
    [InlineData("L1,C1,subscription,P,2024-13-01,,10,,USD,1", "start_date")]
    [InlineData("L1,C1,subscription,P,2024-01-01,,10,,XYZ,1", "currency")]
    [InlineData("L1,C1,subscription,P,2024-01-01,,10,,USD,121", "interval_months")]
    [InlineData("L1,C1,subscription,P,2024-01-01,,10,,USD,1.5", "interval_months")]
    [InlineData("L1,C1,one_time,P,2024-01-01,,10,,USD,12", "interval_months")]
    [InlineData("L1,C1,subscription,P,2024-01-01,2024-01-01,10,,USD,1", "end_date")]
    [InlineData("L1,C1,subscription,P,2024-01-01,,10,-1,USD,1", "quantity")]
    [InlineData(",C1,subscription,P,2024-01-01,,10,,USD,1", "line_id")]
    [InlineData("L1,,subscription,P,2024-01-01,,10,,USD,1", "customer_id")]
    [InlineData("L1,C1,subscription,P,,,10,,USD,1", "start_date")]
    [InlineData("L1,C1,subscription,P,2024-01-01,,,,USD,1", "amount")]
    [InlineData("L1,C1,subscription,P,2024-01-01,,0.12345678901234567890123456789,,USD,1", "amount")]
    public void A_single_bad_value_is_located_in_its_column(string row, string column)
    {
        var result = Ledgers.Import(Ledgers.Customers, Ledgers.LinesHeader + row + "\n");

        var error = Assert.Single(result.Errors.Items);
        Assert.Equal("lines.csv", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Customer_file_problems_are_located_too()
    {
        var result = Ledgers.Import("customer_id,name\nC1,A\n,B\nC1,again\n", Ledgers.LinesHeader);

        Assert.Equal(
            ["customers.csv:3: customer_id: is required and must not be empty", "customers.csv:4: customer_id: duplicate id 'C1' (first on line 2)"],
            result.Errors.Items.Select(e => e.ToString()));
    }

    [Fact]
    public void Fx_file_problems_are_located()
    {
        var fx = "date,from,to,rate\n2024-01-01,EUR,USD,1.1\n2024-01-01,EUR,USD,1.2\n2024-01-01,EUR,EUR,1\n2024-01-01,EUR,USD,0\n2024-99-01,EUR,USD,1\n";
        var result = Ledgers.Import(Ledgers.Customers, Ledgers.LinesHeader, fx);

        Assert.Equal([3, 4, 5, 6], result.Errors.Items.Select(e => e.Line));
        Assert.All(result.Errors.Items, e => Assert.Equal("fx.csv", e.File));
    }

    [Fact]
    public void Errors_beyond_the_cap_are_counted_not_kept()
    {
        var rows = string.Concat(Enumerable.Range(0, 50).Select(i => $"L{i},C1,subscription,P,2024-01-01,,x,,USD,1\n"));
        var errors = new LedgerErrors(cap: 10);
        LedgerImport.Run(Ledgers.Source(Ledgers.Customers, Ledgers.LinesHeader + rows), new MemoryTarget(), replace: false, errors);

        Assert.Equal(50, errors.Count);
        Assert.Equal(10, errors.Items.Count);
    }
}
