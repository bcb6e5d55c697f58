using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RunRate.Engine.Ledger;
using RunRate.Ingest.Tests.Support;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Tests.Csv;

/// <summary>
/// The importer reads clean rows through a fast path and everything else through <see cref="LineRules"/>; either way a
/// row must come out exactly as the rules say: the same line (value and scale), or the same located errors.
/// </summary>
public sealed class LineFastPathProperties
{
    // Canonical spellings, odd-but-valid spellings (case, spaces, leading zeros, signs) and invalid values, mixed.
    private static readonly Gen<string> Customer = Gen.Elements("C1", " C1 ", "C2", "NOPE", "", "c1");
    private static readonly Gen<string> Kind = Gen.Elements("subscription", "addon", "one_time", "Subscription", " addon", "rental", "");
    private static readonly Gen<string> Product = Gen.Elements("", "Pro", " Pro ", "Growth", "\"Pro, Plus\"");
    private static readonly Gen<string> Start = Gen.Elements("2024-01-01", "2024-02-29", "2023-02-29", "2024-13-01", "0000-01-01", "2024-1-01", " 2024-03-31", "", "2024/01/01");
    private static readonly Gen<string> End = Gen.Elements("", "", "2025-01-01", "2024-01-01", "2023-12-31", "2024-02-30", "x");
    private static readonly Gen<string> Amount = Gen.Elements("0", "1200.50", "0.01", "007.50", "5.", ".5", "-1", "-0", "\"1,000\"", "abc", "", "99999999999.999999", "123456789012345678901234567890", "1e3", "1.2.3", "0.000");
    private static readonly Gen<string> Quantity = Gen.Elements("", "1", "2.5", "0", "0.00", "-2", "x", "10");
    private static readonly Gen<string> Currency = Gen.Elements("USD", "EUR", "usd", "Eur", "US", "XYZ", "", " GBP ");
    private static readonly Gen<string> Interval = Gen.Elements("", "1", "12", "120", "121", "0", "007", "+3", "1.0", "3 ");

    private static readonly Gen<string[]> Row =
        from customer in Customer
        from kind in Kind
        from product in Product
        from start in Start
        from end in End
        from amount in Amount
        from quantity in Quantity
        from currency in Currency
        from interval in Interval
        select new[] { customer, kind, product, start, end, amount, quantity, currency, interval };

    [Property(MaxTest = 400)]
    public Property A_row_is_read_exactly_as_the_line_rules_read_it() =>
        Prop.ForAll(Row.ToArbitrary(), row =>
        {
            var target = new MemoryTarget();
            var result = Ledgers.Import(Ledgers.Customers, Ledgers.LinesHeader + "L1," + string.Join(',', row) + "\n", target: target);

            var problems = new List<FieldProblem>();
            var unquoted = row.Select(f => f.Trim('"')).ToArray();
            var expected = LineRules.Validate(
                new LineFields("L1", unquoted[0], unquoted[1], unquoted[2], unquoted[3], unquoted[4], unquoted[5], unquoted[6], unquoted[7], unquoted[8]),
                id => id is "C1" or "C2",
                problems);

            Assert.Equal(problems.Select(p => $"lines.csv:2: {p.Field}: {p.Message}"), result.Errors.Items.Select(e => e.ToString()));
            if (expected is null)
            {
                Assert.Empty(target.Lines);
                return;
            }

            var line = Assert.Single(target.Lines).Value;
            Assert.Equal(expected, line);
            Assert.Equal(Show(expected), Show(line));
        });

    [Fact]
    public void A_clean_row_keeps_the_scale_of_its_decimals_and_shares_the_customer_id_with_customers_csv()
    {
        var target = new MemoryTarget();
        var result = Ledgers.Import(Ledgers.Customers, Ledgers.LinesHeader + "L1,C1,subscription,Pro,2024-01-01,,1200.50,2.500,USD,12\n", target: target);

        Assert.True(result.Succeeded);
        var line = target.Lines["L1"];
        Assert.Equal("1200.50 2.500", Show(line)[..13]);
        Assert.Same(target.Customers["C1"].Id.Value, line.CustomerId.Value);
    }

    // decimal equality ignores scale (1.50 == 1.5); the stored text must not.
    private static string Show(RevenueLine line) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{line.Amount} {line.Quantity} {line.Start:yyyy-MM-dd} {line.End:yyyy-MM-dd} {line.Currency} {line.IntervalMonths} {line.Product}");
}
