using RunRate.Engine.Economics;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Csv;
using RunRate.Ingest.Tests.Support;
using Shouldly;

namespace RunRate.Ingest.Tests.Csv;

public sealed class CostsCsvTests
{
    private const string ValidLines = Ledgers.LinesHeader + "L1,C1,subscription,Pro,2024-01-01,,100,,USD,1\n";

    [Fact]
    public void Valid_costs_are_read_with_channel_description_and_any_letter_case()
    {
        var target = new MemoryTarget();
        var result = Ledgers.Import(
            Ledgers.Customers,
            ValidLines,
            target: target,
            costs: "Month,CATEGORY,amount,currency,channel,description\n" +
                   "2024-01,cogs,1200.50,usd,,Hosting\n" +
                   "2024-01,Marketing,300,EUR,inbound,\"Ads, January\"\n" +
                   "2024-02,sales,0,USD,,\n");

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Errors.Items));
        result.Costs.ShouldBe(3);
        target.Costs.ShouldBe(
        [
            new CostEntry(new YearMonth(2024, 1), CostCategory.Cogs, 1200.50m, CurrencyCode.Usd, null, "Hosting"),
            new CostEntry(new YearMonth(2024, 1), CostCategory.Marketing, 300m, CurrencyCode.Parse("EUR"), "inbound", "Ads, January"),
            new CostEntry(new YearMonth(2024, 2), CostCategory.Sales, 0m, CurrencyCode.Usd, null, null),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Every_bad_cost_row_is_located_and_nothing_is_committed()
    {
        var target = new MemoryTarget();
        var result = Ledgers.Import(
            Ledgers.Customers,
            ValidLines,
            target: target,
            costs: Ledgers.CostsHeader +
                   "2024-01,cogs,10,USD,,\n" +          // 2 valid
                   "2024-13,cogs,10,USD,,\n" +          // 3 bad month
                   "2024-1,cogs,10,USD,,\n" +           // 4 bad month format
                   "2024-01,payroll,10,USD,,\n" +       // 5 unknown category
                   "2024-01,sales,-10,USD,,\n" +        // 6 negative amount
                   "2024-01,sales,10,DOLLAR,,\n" +      // 7 bad currency
                   "2024-01,cogs,10,USD,inbound,\n" +   // 8 channel on cogs
                   ",,,,,\n");                          // 9 every required value missing

        result.Succeeded.ShouldBeFalse();
        target.Commits.ShouldBe(0);
        target.Costs.ShouldBeEmpty();
        var text = result.Errors.Items.Select(e => e.ToString()).ToList();
        text.ShouldContain("costs.csv:3: month: expected a month YYYY-MM, found '2024-13'");
        text.ShouldContain("costs.csv:4: month: expected a month YYYY-MM, found '2024-1'");
        text.ShouldContain("costs.csv:5: category: expected cogs, sales, marketing or other, found 'payroll'");
        text.ShouldContain("costs.csv:6: amount: must be 0 or more, found -10");
        text.ShouldContain(e => e.StartsWith("costs.csv:7: currency: expected an ISO 4217 currency code", StringComparison.Ordinal));
        text.ShouldContain(e => e.StartsWith("costs.csv:8: channel: only sales and marketing costs have a channel", StringComparison.Ordinal));
        text.ShouldContain("costs.csv:9: month: is required (YYYY-MM)");
        text.ShouldContain("costs.csv:9: category: is required (cogs, sales, marketing or other)");
        text.ShouldContain(e => e.StartsWith("costs.csv:9: amount: is required", StringComparison.Ordinal));
        text.ShouldContain(e => e.StartsWith("costs.csv:9: currency: is required", StringComparison.Ordinal));
        text.ShouldNotContain(e => e.StartsWith("costs.csv:2:", StringComparison.Ordinal));
        result.Errors.Count.ShouldBe(10);
    }

    [Theory]
    [InlineData("month,category,amount\n2024-01,cogs,1\n", "missing required column 'currency'")]
    [InlineData("month,category,amount,currency,vendor\n2024-01,cogs,1,USD,AWS\n", "unknown column 'vendor'")]
    [InlineData("", "the file is empty")]
    public void Header_problems_are_reported_on_line_1(string costs, string message)
    {
        var target = new MemoryTarget();
        var result = Ledgers.Import(Ledgers.Customers, ValidLines, target: target, costs: costs);

        var error = result.Errors.Items.ShouldHaveSingleItem();
        error.File.ShouldBe("costs.csv");
        error.Line.ShouldBe(1);
        error.Column.ShouldBe("header");
        error.Message.ShouldContain(message);
        target.Commits.ShouldBe(0);
    }

    [Fact]
    public void Errors_in_lines_and_costs_are_reported_together_and_valid_costs_are_not_written_alone()
    {
        var target = new MemoryTarget();
        var result = Ledgers.Import(
            Ledgers.Customers,
            Ledgers.LinesHeader + "L1,NOPE,subscription,Pro,2024-01-01,,100,,USD,1\n",
            target: target,
            costs: Ledgers.CostsHeader + "2024-01,cogs,10,USD,,\n2024-01,cogs,x,USD,,\n");

        result.Errors.Items.Select(e => e.File).ShouldBe(["costs.csv", "lines.csv"], ignoreOrder: true);
        target.Commits.ShouldBe(0);
        target.Costs.ShouldBeEmpty();
    }

    [Fact]
    public void Each_month_of_the_file_replaces_that_months_costs_and_leaves_the_others()
    {
        var target = new MemoryTarget();
        Ledgers.Import(Ledgers.Customers, ValidLines, target: target, costs: Ledgers.CostsHeader + "2024-01,cogs,10,USD,,\n2024-02,cogs,20,USD,,\n");
        Ledgers.Import(Ledgers.Customers, ValidLines, target: target, costs: Ledgers.CostsHeader + "2024-02,cogs,5,USD,,\n2024-02,other,7,USD,,\n");

        target.Costs.Select(c => (c.Month.ToString(), c.Amount)).ShouldBe([("2024-01", 10m), ("2024-02", 5m), ("2024-02", 7m)], ignoreOrder: true);
    }

    [Fact]
    public void Written_costs_import_back_unchanged()
    {
        CostEntry[] costs =
        [
            new(new YearMonth(2024, 3), CostCategory.Marketing, 1234.5600m, CurrencyCode.Usd, "partner", "Fair, \"booth\"\nand travel"),
            new(new YearMonth(2024, 3), CostCategory.Other, 0.000001m, CurrencyCode.Parse("GBP"), null, null),
        ];
        using var text = new StringWriter();
        LedgerCsvWriter.WriteCosts(text, costs).ShouldBe(2);

        var target = new MemoryTarget();
        var result = Ledgers.Import(Ledgers.Customers, ValidLines, target: target, costs: text.ToString());

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Errors.Items));
        target.Costs.ShouldBe(costs);
        ((int)target.Costs[0].Amount.Scale).ShouldBe(4);
    }
}
