using System.Text;
using RunRate.Ingest.Tests.Support;
using static RunRate.Ingest.Tests.Fuzz.ImportOutcome;

namespace RunRate.Ingest.Tests.Fuzz;

/// <summary>Files saved in the wrong encoding are refused with a message that says what to do, and nothing is written.</summary>
public sealed class EncodingFuzzTests
{
    public static TheoryData<string, byte[]> WrongEncodings()
    {
        var text = Lines;
        var latin1 = Encoding.Latin1.GetBytes(text.Replace("Setup", "Réglage", StringComparison.Ordinal));
        return new()
        {
            { "UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] },
            { "UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)] },
            { "UTF-16 LE without BOM", Encoding.Unicode.GetBytes(text) },
            { "UTF-16 BE without BOM", Encoding.BigEndianUnicode.GetBytes(text) },
            { "UTF-32 LE with BOM", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)] },
            { "Latin-1", latin1 },
            { "overlong UTF-8", [.. Utf8(Ledgers.LinesHeader), 0xC0, 0xAF, (byte)'\n'] },
            { "UTF-8 surrogate half", [.. Utf8(Ledgers.LinesHeader), 0xED, 0xA0, 0x80, (byte)'\n'] },
            { "truncated UTF-8 at the end", [.. Utf8(Lines), 0xE2, 0x82] },
        };
    }

    [Theory]
    [MemberData(nameof(WrongEncodings))]
    public void A_lines_file_in_another_encoding_is_refused_with_a_located_error(string encoding, byte[] lines)
    {
        var result = Check(Utf8(Customers), lines);

        Assert.False(result.Succeeded, encoding);
        Assert.All(result.Errors.Items, e => Assert.Equal("lines.csv", e.File));
        var first = result.Errors.Items[0].ToString();
        Assert.True(
            first.Contains("UTF-8", StringComparison.Ordinal) || first.Contains("UTF-16", StringComparison.Ordinal),
            $"{encoding}: '{first}' does not say which encoding to use");
    }

    [Fact]
    public void A_utf8_bom_is_skipped_in_every_file()
    {
        var bom = Encoding.UTF8.GetPreamble();
        var result = Check([.. bom, .. Utf8(Customers)], [.. bom, .. Utf8(Lines)], [.. bom, .. Utf8(Fx)], [.. bom, .. Utf8(Costs)]);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Items));
    }

    [Fact]
    public void A_bom_in_the_middle_of_a_file_is_data_not_skipped()
    {
        var result = Check(Customers, Ledgers.LinesHeader + "\uFEFFL9,C1,subscription,Pro,2024-01-01,,1,,USD,1\n");

        Assert.True(result.Succeeded); // an odd id, but text: it round-trips as written
    }

    [Fact]
    public void Non_ascii_utf8_text_round_trips()
    {
        var target = new MemoryTarget();
        var result = LedgerImport.Run(Ledgers.Source("customer_id,name\nC1,Zürich 東京 🚀\n", Ledgers.LinesHeader), target, replace: false);

        Assert.True(result.Succeeded);
        Assert.Equal("Zürich 東京 🚀", target.Customers["C1"].Name);
    }

    [Fact]
    public void A_nul_byte_is_refused_on_its_line_and_never_echoed()
    {
        var result = Check(Customers, Lines + "L4,C1,subscription,Pr\0o,2024-01-01,,1,,USD,1\n");

        var error = Assert.Single(result.Errors.Items);
        Assert.Equal("lines.csv:5: row: NUL character (byte 0) in field 4; the file looks binary or UTF-16: save it as UTF-8 text", error.ToString());
    }
}
