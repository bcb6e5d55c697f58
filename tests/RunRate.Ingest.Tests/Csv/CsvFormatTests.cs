using System.Text;
using RunRate.Ingest.Tests.Support;

namespace RunRate.Ingest.Tests.Csv;

public sealed class CsvFormatTests
{
    [Fact]
    public void Quoted_fields_may_hold_commas_quotes_and_newlines_and_line_numbers_stay_physical()
    {
        var customers = "customer_id,name\r\nC1,\"Acme, \"\"the\"\"\nCompany\"\r\nC2,Globex\r\n";
        var lines = Ledgers.LinesHeader + "L1,C2,subscription,P,2024-01-01,,10,,USD,1\n";
        var target = new MemoryTarget();
        var result = Ledgers.Import(customers, lines, target: target);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Items));
        Assert.Equal("Acme, \"the\"\nCompany", target.Customers["C1"].Name);

        var broken = Ledgers.Import("customer_id,name\nC1,\"multi\nline\"\nC1,dup\n", Ledgers.LinesHeader);
        Assert.Equal(4, Assert.Single(broken.Errors.Items).Line);
    }

    [Fact]
    public void Header_names_are_case_insensitive_in_any_order_and_a_bom_is_accepted()
    {
        var lines = "\uFEFFCURRENCY,Amount,Kind,Start_Date,Customer_ID,Line_ID,Interval_Months\nUSD,10,subscription,2024-01-01,C1,L1,1\n";
        var target = new MemoryTarget();
        var result = Ledgers.Import("\uFEFF" + Ledgers.Customers, lines, target: target);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Items));
        Assert.Equal(10m, target.Lines["L1"].Amount);
        Assert.Equal(1m, target.Lines["L1"].Quantity);
    }

    [Fact]
    public void Missing_duplicate_and_unknown_header_columns_are_errors_on_line_one()
    {
        var result = Ledgers.Import(Ledgers.Customers, "line_id,customer_id,kind,kind,amount,colour\n");
        var text = result.Errors.Items.Select(e => e.ToString()).ToList();

        Assert.Contains("lines.csv:1: header: column 'kind' appears twice", text);
        Assert.Contains(text, e => e.StartsWith("lines.csv:1: header: unknown column 'colour'", StringComparison.Ordinal));
        Assert.Contains(text, e => e.StartsWith("lines.csv:1: header: missing required column 'start_date'", StringComparison.Ordinal));
        Assert.Contains(text, e => e.StartsWith("lines.csv:1: header: missing required column 'currency'", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_with_the_wrong_number_of_fields_and_broken_quotes_are_located()
    {
        var lines = Ledgers.LinesHeader +
            "L1,C1,subscription\n" +
            "L2,C1,subscription,\"P\"x,2024-01-01,,10,,USD,1\n" +
            "L3,C1,subscription,P,2024-01-01,,10,,USD,1\n" +
            "L4,C1,subscription,\"never closed,2024-01-01,,10,,USD,1\n";
        var result = Ledgers.Import(Ledgers.Customers, lines);

        Assert.Equal([2, 3, 5], result.Errors.Items.Select(e => e.Line));
        Assert.Contains("expected 10 fields", result.Errors.Items[0].Message, StringComparison.Ordinal);
        Assert.Contains("after a closing quote", result.Errors.Items[1].Message, StringComparison.Ordinal);
        Assert.Contains("unterminated", result.Errors.Items[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_a_file_error_not_garbage()
    {
        var bytes = Encoding.UTF8.GetBytes("customer_id,name\nC1,").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        var source = new LedgerSource(() => new MemoryStream(bytes), () => Ledgers.Stream(Ledgers.LinesHeader), null);
        var result = LedgerImport.Run(source, new MemoryTarget(), replace: false);

        var error = Assert.Single(result.Errors.Items);
        Assert.Equal("customers.csv: file: is not valid UTF-8 text; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)", error.ToString());
    }

    [Fact]
    public void Empty_files_and_missing_files_are_reported()
    {
        var result = Ledgers.Import("", "");
        Assert.Equal(["customers.csv", "lines.csv"], result.Errors.Items.Select(e => e.File));

        var errors = new LedgerErrors();
        var folder = Directory.CreateTempSubdirectory().FullName;
        Assert.Null(LedgerSource.FromFolder(folder, errors));
        Assert.Equal(["customers.csv", "lines.csv"], errors.Items.Select(e => e.File));
    }

    [Fact]
    public void Custom_customer_columns_are_kept_as_attributes_and_blank_lines_are_skipped()
    {
        var target = new MemoryTarget();
        var result = Ledgers.Import("customer_id,name,industry,Tier\nC1,Acme,Retail,gold\n\nC2,Globex,,\n", Ledgers.LinesHeader, target: target);

        Assert.True(result.Succeeded);
        Assert.Equal("Retail", target.Customers["C1"].Attributes["industry"]);
        Assert.Equal("gold", target.Customers["C1"].Attribute("tier"));
        Assert.Empty(target.Customers["C2"].Attributes);
    }

    [Fact]
    public void Lines_may_reference_customers_already_stored_but_not_unknown_ones()
    {
        var target = new MemoryTarget();
        Assert.True(Ledgers.Import(Ledgers.Customers, Ledgers.LinesHeader, target: target).Succeeded);

        var result = Ledgers.Import("customer_id\nC3\n", Ledgers.LinesHeader + "L1,C1,subscription,P,2024-01-01,,10,,USD,1\nL2,C9,subscription,P,2024-01-01,,10,,USD,1\n", target: target);

        var error = Assert.Single(result.Errors.Items);
        Assert.Equal(3, error.Line);
    }
}
