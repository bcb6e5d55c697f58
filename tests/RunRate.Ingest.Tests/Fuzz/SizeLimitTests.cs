using System.Diagnostics;
using System.Text;
using RunRate.Ingest.Tests.Support;
using static RunRate.Ingest.Tests.Fuzz.ImportOutcome;

namespace RunRate.Ingest.Tests.Fuzz;

/// <summary>
/// Oversized input fails fast, with a located error and bounded memory: a header with millions of columns, a field of
/// megabytes, a file that is one endless line. A 1 MB field is still legal text and round-trips.
/// </summary>
public sealed class SizeLimitTests
{
    private const long Budget = 48L * 1024 * 1024; // bytes the import may allocate, whatever the input size

    private static (ImportResult Result, MemoryTarget Target, long Allocated, TimeSpan Elapsed) Import(Func<Stream> customers, Func<Stream> lines)
    {
        var target = new MemoryTarget();
        var watch = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = LedgerImport.Run(new LedgerSource(customers, lines, null), target, replace: false);
        return (result, target, GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed);
    }

    private static Func<Stream> Text(string text) => () => new MemoryStream(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("customer_id,", "column_with_a_long_name,")]
    [InlineData("customer_id", ",")]
    [InlineData("customer_id,", "\"quoted, column\",")]
    public void A_header_with_millions_of_columns_is_refused_fast_in_bounded_memory(string start, string column)
    {
        const long columns = 100_000_000; // ~2.4 GB if it were read to the end
        var (result, target, allocated, elapsed) = Import(
            () => new RepeatingStream(Encoding.UTF8.GetBytes(start), Encoding.UTF8.GetBytes(column), columns, "x\nC1,a\n"u8.ToArray()),
            Text(Ledgers.LinesHeader));

        Assert.Equal(0, target.Commits);
        var error = result.Errors.Items[0];
        Assert.Equal(("customers.csv", 1, "header"), (error.File, error.Line, error.Column));
        Assert.Matches("more than 1024 fields|record longer than", error.Message);
        Assert.True(allocated < Budget, $"allocated {allocated / 1024 / 1024} MiB for a {columns}-column header");
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"took {elapsed}");
    }

    [Fact]
    public void A_row_that_is_one_endless_line_is_refused_on_its_line_in_bounded_memory()
    {
        var (result, target, allocated, _) = Import(
            () => new RepeatingStream("customer_id,name\nC1,"u8.ToArray(), "abcdefgh"u8.ToArray(), 6_000_000, "\nC2,ok\nC2,again\n"u8.ToArray()),
            Text(Ledgers.LinesHeader));

        Assert.Equal(0, target.Commits);
        Assert.Equal(
            ["customers.csv:2: row: record longer than 4194304 characters", "customers.csv:4: customer_id: duplicate id 'C2' (first on line 3)"],
            result.Errors.Items.Select(e => e.ToString()));
        Assert.True(allocated < Budget, $"allocated {allocated / 1024 / 1024} MiB");
    }

    [Fact]
    public void A_header_that_is_one_endless_line_is_refused_without_reading_it_all()
    {
        var (result, target, allocated, _) = Import(Text(Customers), () => new RepeatingStream([], "abcdefgh"u8.ToArray(), 100_000_000, []));

        Assert.Equal(0, target.Commits);
        Assert.Equal("lines.csv:1: header: record longer than 4194304 characters", result.Errors.Items[0].ToString());
        Assert.True(allocated < Budget, $"allocated {allocated / 1024 / 1024} MiB");
    }

    [Fact]
    public void A_one_megabyte_field_round_trips()
    {
        var name = string.Concat(Enumerable.Repeat("Acme, \"quoted\"\nline ", 52_429)); // just over 1 MiB of text
        var target = new MemoryTarget();
        var result = LedgerImport.Run(Ledgers.Source($"customer_id,name\nC1,\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n", Ledgers.LinesHeader), target, replace: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Items));
        Assert.Equal(name.Trim(), target.Customers["C1"].Name);
    }

    [Fact]
    public void An_oversized_row_is_reported_on_its_line_and_the_rows_after_it_are_still_checked()
    {
        var huge = new string('x', 5 * 1024 * 1024);
        var (result, target, allocated, _) = Import(
            Text($"customer_id,name\nC1,ok\nC2,{huge}\nC3,ok\nC3,twice\n"),
            Text(Ledgers.LinesHeader));

        Assert.Equal(0, target.Commits);
        Assert.Equal(
            ["customers.csv:3: row: record longer than 4194304 characters", "customers.csv:5: customer_id: duplicate id 'C3' (first on line 4)"],
            result.Errors.Items.Select(e => e.ToString()));
        Assert.True(allocated < Budget + (3L * huge.Length), $"allocated {allocated / 1024 / 1024} MiB");
    }
}
