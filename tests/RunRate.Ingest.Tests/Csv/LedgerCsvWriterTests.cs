using System.Collections.Immutable;
using System.Text;
using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Csv;
using Shouldly;

namespace RunRate.Ingest.Tests.Csv;

public sealed class LedgerCsvWriterTests : IDisposable
{
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "runrate-writer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Customers_file_lists_standard_columns_then_every_custom_attribute_sorted_ordinally()
    {
        Customer[] customers =
        [
            WithAttributes(new Customer(new CustomerId("C1"), "Acme", "US", "SMB", "inbound", "Ann"), ("industry", "Retail"), ("Tier", "Gold")),
            WithAttributes(new Customer(new CustomerId("C2")), ("arr_band", "1-10k")),
        ];

        var text = Write(w => LedgerCsvWriter.WriteCustomers(w, customers));

        text.ShouldBe(
            "customer_id,name,country,segment,channel,owner,Tier,arr_band,industry\n" +
            "C1,Acme,US,SMB,inbound,Ann,Gold,,Retail\n" +
            "C2,,,,,,,1-10k,\n");
    }

    [Fact]
    public void Name_with_comma_quote_and_newline_round_trips_as_rfc4180()
    {
        const string name = "Smith, \"Big\" Co\nLtd\r\nEurope";
        Customer[] customers = [new Customer(new CustomerId("C1"), name, Owner: "plain")];

        var text = Write(w => LedgerCsvWriter.WriteCustomers(w, customers));

        text.ShouldBe(
            "customer_id,name,country,segment,channel,owner\n" +
            "C1,\"Smith, \"\"Big\"\" Co\nLtd\r\nEurope\",,,,plain\n");
        var (_, rows) = CsvText.Parse(text);
        rows.Count.ShouldBe(1);
        rows[0][1].ShouldBe(name);
        rows[0][5].ShouldBe("plain");
    }

    [Fact]
    public void Lines_are_written_in_the_contract_format()
    {
        RevenueLine[] lines =
        [
            new(new LineId("L1"), new CustomerId("C1"), LineKind.Subscription, "Growth", new DateOnly(2024, 1, 31), new DateOnly(2025, 1, 31), 1200.50m, 12m, CurrencyCode.Usd, 12),
            new(new LineId("L2"), new CustomerId("C1"), LineKind.Addon, "Support, Premium", new DateOnly(2024, 2, 1), null, 0.000001m, 1.5m, Eur, 1),
            new(new LineId("L3"), new CustomerId("C1"), LineKind.OneTime, null, new DateOnly(2024, 2, 29), null, 1000000m, 1m, Eur, null),
        ];

        var text = Write(w => LedgerCsvWriter.WriteLines(w, lines).ShouldBe(3));

        text.ShouldBe(
            "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n" +
            "L1,C1,subscription,Growth,2024-01-31,2025-01-31,1200.50,12,USD,12\n" +
            "L2,C1,addon,\"Support, Premium\",2024-02-01,,0.000001,1.5,EUR,1\n" +
            "L3,C1,one_time,,2024-02-29,,1000000,1,EUR,\n");
    }

    [Fact]
    public void Fx_rows_are_written_as_date_from_to_rate()
    {
        FxRate[] rates = [new(new DateOnly(2024, 3, 1), Eur, CurrencyCode.Usd, 1.085000m), new(new DateOnly(2024, 4, 1), CurrencyCode.Usd, Eur, 0.921659m)];

        var text = Write(w => LedgerCsvWriter.WriteFx(w, rates).ShouldBe(2));

        text.ShouldBe("date,from,to,rate\n2024-03-01,EUR,USD,1.085000\n2024-04-01,USD,EUR,0.921659\n");
    }

    [Fact]
    public void Folder_files_are_utf8_without_bom_with_lf_line_ends()
    {
        Customer[] customers = [new(new CustomerId("C1"), "Zürich Daten AG", "CH", Owner: "Chloé")];
        RevenueLine[] lines = [Line("L1", "C1")];
        FxRate[] rates = [new(new DateOnly(2024, 1, 1), Eur, CurrencyCode.Usd, 1.1m)];

        LedgerCsvWriter.WriteFolder(_folder, customers, lines, rates).ShouldBe(1);

        foreach (var file in new[] { LedgerCsvWriter.CustomersFileName, LedgerCsvWriter.LinesFileName, LedgerCsvWriter.FxFileName })
        {
            var bytes = File.ReadAllBytes(Path.Combine(_folder, file));
            bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
            bytes.ShouldNotContain((byte)'\r');
            bytes[^1].ShouldBe((byte)'\n');
        }

        var customersBytes = File.ReadAllBytes(Path.Combine(_folder, LedgerCsvWriter.CustomersFileName));
        customersBytes.ShouldBe(Encoding.UTF8.GetBytes("customer_id,name,country,segment,channel,owner\nC1,Zürich Daten AG,CH,,,Chloé\n"));
        Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["customers.csv", "fx.csv", "lines.csv"]);
    }

    [Fact]
    public void Fx_file_is_written_only_when_there_are_rates()
    {
        Customer[] customers = [new(new CustomerId("C1"))];
        LedgerCsvWriter.WriteFolder(_folder, customers, [Line("L1", "C1")], [new FxRate(new DateOnly(2024, 1, 1), Eur, CurrencyCode.Usd, 1.1m)]);
        File.Exists(Path.Combine(_folder, LedgerCsvWriter.FxFileName)).ShouldBeTrue();

        LedgerCsvWriter.WriteFolder(_folder, customers, [Line("L1", "C1")]);

        // A stale rate file would silently change how the new ledger converts.
        File.Exists(Path.Combine(_folder, LedgerCsvWriter.FxFileName)).ShouldBeFalse();
        File.Exists(Path.Combine(_folder, LedgerCsvWriter.LinesFileName)).ShouldBeTrue();
    }

    [Fact]
    public void Costs_file_is_written_only_when_there_are_costs_and_a_folder_import_reads_it()
    {
        Customer[] customers = [new(new CustomerId("C1"))];
        CostEntry[] costs = [new(new YearMonth(2024, 1), CostCategory.Cogs, 99.90m, CurrencyCode.Usd, null, "Hosting")];
        LedgerCsvWriter.WriteFolder(_folder, customers, [Line("L1", "C1")], costs: costs);
        File.ReadAllText(Path.Combine(_folder, LedgerCsvWriter.CostsFileName)).ShouldBe("month,category,amount,currency,channel,description\n2024-01,cogs,99.90,USD,,Hosting\n");

        var errors = new LedgerErrors();
        var target = new Support.MemoryTarget();
        LedgerImport.Run(LedgerSource.FromFolder(_folder, errors)!, target, replace: false, errors).Costs.ShouldBe(1);
        target.Costs.ShouldBe(costs);

        LedgerCsvWriter.WriteFolder(_folder, customers, [Line("L1", "C1")]);

        // Stale costs would be imported with the new ledger.
        File.Exists(Path.Combine(_folder, LedgerCsvWriter.CostsFileName)).ShouldBeFalse();
    }

    [Fact]
    public void Lines_are_written_while_being_enumerated_not_buffered()
    {
        using var writer = new StringWriter();
        var rowsWrittenBeforeEachLine = new List<int>();

        IEnumerable<RevenueLine> Source()
        {
            for (var i = 1; i <= 5; i++)
            {
                rowsWrittenBeforeEachLine.Add(writer.ToString().Count(c => c == '\n'));
                yield return Line($"L{i}", "C1");
            }
        }

        LedgerCsvWriter.WriteLines(writer, Source()).ShouldBe(5);

        // Header, then one row per line already out by the time the next line is requested.
        rowsWrittenBeforeEachLine.ShouldBe([1, 2, 3, 4, 5]);
    }

    [Fact]
    public void Failing_line_source_leaves_the_existing_folder_untouched()
    {
        Customer[] customers = [new(new CustomerId("C1"), "Old")];
        LedgerCsvWriter.WriteFolder(_folder, customers, [Line("L1", "C1")]);
        var before = FolderContents();

        IEnumerable<RevenueLine> Failing()
        {
            yield return Line("L9", "C9");
            throw new InvalidOperationException("source broke");
        }

        Should.Throw<InvalidOperationException>(() =>
            LedgerCsvWriter.WriteFolder(_folder, [new Customer(new CustomerId("C9"), "New")], Failing()));

        FolderContents().ShouldBe(before);
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("CUSTOMER_ID")]
    [InlineData("")]
    public void Attribute_that_cannot_be_its_own_column_is_rejected_before_writing(string attribute)
    {
        Customer[] customers = [WithAttributes(new Customer(new CustomerId("C1")), (attribute, "x"))];

        Should.Throw<ArgumentException>(() => LedgerCsvWriter.WriteFolder(_folder, customers, []));

        Directory.Exists(_folder).ShouldBeFalse();
    }

    [Fact]
    public void Attributes_differing_only_in_case_are_rejected()
    {
        Customer[] customers =
        [
            WithAttributes(new Customer(new CustomerId("C1")), ("industry", "Retail")),
            WithAttributes(new Customer(new CustomerId("C2")), ("Industry", "Media")),
        ];

        var error = Should.Throw<ArgumentException>(() => LedgerCsvWriter.WriteCustomers(new StringWriter(), customers));

        error.Message.ShouldContain("Industry");
    }

    private string[] FolderContents() =>
        [.. Directory.GetFiles(_folder).Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f) + ":" + File.ReadAllText(f))];

    private static Customer WithAttributes(Customer customer, params (string Key, string Value)[] attributes) =>
        customer with
        {
            Attributes = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, attributes.Select(a => KeyValuePair.Create(a.Key, a.Value))),
        };

    private static RevenueLine Line(string id, string customer) =>
        new(new LineId(id), new CustomerId(customer), LineKind.Subscription, "Starter", new DateOnly(2024, 1, 1), null, 15m, 2m, CurrencyCode.Usd, 1);

    private static string Write(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }
}
