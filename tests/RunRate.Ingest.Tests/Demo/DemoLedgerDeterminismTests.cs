using RunRate.Ingest.Csv;
using RunRate.Ingest.Demo;
using Shouldly;

namespace RunRate.Ingest.Tests.Demo;

public sealed class DemoLedgerDeterminismTests
{
    [Fact]
    public void Same_seed_gives_identical_csv_bytes()
    {
        var first = CsvBytes(DemoLedgerGenerator.Generate(new DemoOptions(Customers: 300, Seed: 7)));
        var second = CsvBytes(DemoLedgerGenerator.Generate(new DemoOptions(Customers: 300, Seed: 7)));

        first.Lines.Length.ShouldBeGreaterThan(10_000);
        first.Customers.ShouldBe(second.Customers);
        first.Lines.ShouldBe(second.Lines);
        first.Fx.ShouldBe(second.Fx);
    }

    [Fact]
    public void Different_seed_gives_a_different_ledger()
    {
        var first = CsvBytes(DemoLedgerGenerator.Generate(new DemoOptions(Customers: 300, Seed: 7)));
        var second = CsvBytes(DemoLedgerGenerator.Generate(new DemoOptions(Customers: 300, Seed: 8)));

        first.Customers.ShouldNotBe(second.Customers);
        first.Lines.ShouldNotBe(second.Lines);
        first.Fx.ShouldNotBe(second.Fx);
    }

    [Fact]
    public void Lines_are_the_same_on_every_enumeration()
    {
        var demo = DemoLedgerGenerator.Generate(new DemoOptions(Customers: 200));

        var first = demo.Lines.ToList();
        var second = demo.Lines.ToList();

        first.Count.ShouldBeGreaterThan(200);
        second.ShouldBe(first);
    }

    [Fact]
    public void Lines_of_a_prefix_do_not_depend_on_how_far_enumeration_goes()
    {
        var demo = DemoLedgerGenerator.Generate(new DemoOptions(Customers: 200));

        var firstTen = demo.Lines.Take(10).ToList();

        firstTen.ShouldBe(demo.Lines.ToList().Take(10));
    }

    [Fact]
    public void As_of_defaults_to_the_end_of_october_2026()
    {
        new DemoOptions().EffectiveAsOf.ShouldBe(new DateOnly(2026, 10, 31));
        DemoLedgerGenerator.Generate(new DemoOptions(Customers: 10)).AsOf.ShouldBe(new DateOnly(2026, 10, 31));
    }

    [Fact]
    public void History_moves_with_the_as_of_date()
    {
        var asOf = new DateOnly(2025, 6, 15);
        var demo = DemoLedgerGenerator.Generate(new DemoOptions(Customers: 300, AsOf: asOf));
        var lines = demo.Lines.ToList();

        demo.AsOf.ShouldBe(asOf);
        lines.Min(l => l.Start).ShouldBeGreaterThan(asOf.AddYears(-5));
        lines.Max(l => l.Start).ShouldBeLessThanOrEqualTo(asOf.AddDays(61));
        lines.Max(l => l.Start).ShouldBeGreaterThan(asOf);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Fewer_than_one_customer_is_rejected(int customers) =>
        Should.Throw<ArgumentOutOfRangeException>(() => DemoLedgerGenerator.Generate(new DemoOptions(Customers: customers)));

    [Fact]
    public void Ids_widen_for_a_million_customers_and_stay_in_numeric_order()
    {
        DemoIds.CustomerWidth(500).ShouldBe(6);
        DemoIds.Customer(0, DemoIds.CustomerWidth(500)).Value.ShouldBe("C000001");
        DemoIds.Line(1, DemoIds.LineWidth(500)).Value.ShouldBe("L0000001");

        var width = DemoIds.CustomerWidth(1_000_000);
        DemoIds.Customer(999_999, width).Value.ShouldBe("C1000000");
        DemoIds.Customer(8, width).Value.ShouldBe("C0000009");
        string.CompareOrdinal(DemoIds.Customer(8, width).Value, DemoIds.Customer(999_999, width).Value).ShouldBeLessThan(0);

        // A million customers can have up to 60 million lines: every line number must fit the width.
        var lineWidth = DemoIds.LineWidth(1_000_000);
        DemoIds.Line(1_000_000L * DemoIds.MaxLinesPerCustomer, lineWidth).Value.Length.ShouldBe(1 + lineWidth);
    }

    private static (byte[] Customers, byte[] Lines, byte[] Fx) CsvBytes(DemoLedger demo)
    {
        var folder = Path.Combine(Path.GetTempPath(), "runrate-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            LedgerCsvWriter.WriteFolder(folder, demo.Customers, demo.Lines, demo.Fx);
            return (
                File.ReadAllBytes(Path.Combine(folder, LedgerCsvWriter.CustomersFileName)),
                File.ReadAllBytes(Path.Combine(folder, LedgerCsvWriter.LinesFileName)),
                File.ReadAllBytes(Path.Combine(folder, LedgerCsvWriter.FxFileName)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
