using System.Globalization;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Csv;
using RunRate.Ingest.Tests.Demo;
using Shouldly;

namespace RunRate.Ingest.Tests.Csv;

public sealed class DemoLedgerCsvRoundTripTests(DemoLedgerFixture fixture) : IClassFixture<DemoLedgerFixture>
{
    [Fact]
    public void Demo_lines_written_to_csv_read_back_as_the_same_lines()
    {
        using var writer = new StringWriter();
        LedgerCsvWriter.WriteLines(writer, fixture.Demo.Lines).ShouldBe(fixture.Lines.Count);

        var (header, rows) = CsvText.Parse(writer.ToString());

        header.ShouldBe(["line_id", "customer_id", "kind", "product", "start_date", "end_date", "amount", "quantity", "currency", "interval_months"]);
        rows.Select(ParseLine).ShouldBe(fixture.Lines);
    }

    [Fact]
    public void Demo_customers_written_to_csv_read_back_with_their_industry_column()
    {
        using var writer = new StringWriter();
        LedgerCsvWriter.WriteCustomers(writer, fixture.Demo.Customers);

        var (header, rows) = CsvText.Parse(writer.ToString());

        header.ShouldBe(["customer_id", "name", "country", "segment", "channel", "owner", "industry"]);
        rows.Count.ShouldBe(fixture.Demo.Customers.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var customer = fixture.Demo.Customers[i];
            rows[i].ShouldBe([customer.Id.Value, customer.Name ?? "", customer.Country ?? "", customer.Segment ?? "", customer.Channel ?? "", customer.Owner ?? "", customer.Attribute("industry") ?? ""]);
        }

        // Some demo names carry commas (", Inc."), so quoting is exercised on real data.
        rows.ShouldContain(row => row[1].Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public void Demo_fx_written_to_csv_reads_back_as_the_same_rates()
    {
        using var writer = new StringWriter();
        LedgerCsvWriter.WriteFx(writer, fixture.Demo.Fx).ShouldBe(fixture.Demo.Fx.Count);

        var (_, rows) = CsvText.Parse(writer.ToString());

        rows.Select(r => new FxRate(
                DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                CurrencyCode.Parse(r[1]),
                CurrencyCode.Parse(r[2]),
                decimal.Parse(r[3], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)))
            .ShouldBe(fixture.Demo.Fx);
    }

    private static RevenueLine ParseLine(string[] r)
    {
        LineKinds.TryParse(r[2], out var kind).ShouldBeTrue();
        return new RevenueLine(
            new LineId(r[0]),
            new CustomerId(r[1]),
            kind,
            r[3].Length == 0 ? null : r[3],
            DateOnly.ParseExact(r[4], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r[5].Length == 0 ? null : DateOnly.ParseExact(r[5], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal.Parse(r[6], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
            decimal.Parse(r[7], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
            CurrencyCode.Parse(r[8]),
            r[9].Length == 0 ? null : int.Parse(r[9], NumberStyles.None, CultureInfo.InvariantCulture));
    }
}
