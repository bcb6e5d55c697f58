using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RunRate.Ingest.Tests.Support;
using static RunRate.Ingest.Tests.Fuzz.ImportOutcome;

namespace RunRate.Ingest.Tests.Fuzz;

/// <summary>
/// The shapes a CSV file can take: quoted fields holding quotes, commas and every kind of line break, mixed CR/LF/CRLF
/// row ends, unterminated quotes. Free text must come back exactly as written, and errors must name the physical line.
/// </summary>
public sealed class ShapeFuzzProperties
{
    private static readonly Gen<string> Piece = Gen.Elements("a", "Acme", " ", ",", "\"", "\"\"", "\r", "\n", "\r\n", "\n\r", "é", "🚀", "'", ";", "\t");

    private static readonly Gen<string> FreeText = Gen.ArrayOf(Piece).Select(string.Concat);

    private static readonly Gen<string> RowEnd = Gen.Elements("\n", "\r\n", "\r");

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Property(MaxTest = 300, Replay = "(31337,11400714819323198485)")]
    public Property Quoted_free_text_round_trips_whatever_it_holds_and_whatever_ends_the_rows() =>
        Prop.ForAll(
            Gen.ArrayOf(FreeText.Zip(RowEnd), 5).Zip(RowEnd).ToArbitrary(),
            input =>
            {
                var (rows, headerEnd) = input;
                var text = new StringBuilder("customer_id,name,notes" + headerEnd);
                for (var i = 0; i < rows.Length; i++)
                {
                    text.Append(CultureInfo($"C{i},{Quote(rows[i].Item1)},{Quote(rows[i].Item1 + "!")}")).Append(rows[i].Item2);
                }

                var target = new MemoryTarget();
                var result = LedgerImport.Run(Ledgers.Source(text.ToString(), Ledgers.LinesHeader), target, replace: false);

                Assert.True(result.Succeeded, string.Join("\n", result.Errors.Items));
                for (var i = 0; i < rows.Length; i++)
                {
                    var customer = target.Customers[$"C{i}"];
                    var expected = rows[i].Item1.Trim();
                    Assert.Equal(expected.Length == 0 ? null : expected, customer.Name);
                }
            });

    [Property(MaxTest = 200, Replay = "(5150,11400714819323198485)")]
    public Property A_bad_row_after_multi_line_quoted_fields_is_reported_on_its_physical_line() =>
        Prop.ForAll(
            Gen.ArrayOf(FreeText.Zip(RowEnd), 4).ToArbitrary(),
            rows =>
            {
                var text = new StringBuilder("customer_id,name\n");
                var line = 2;
                foreach (var (name, end) in rows)
                {
                    text.Append(CultureInfo($"C{line},{Quote(name)}")).Append(end);
                    line += Breaks(name) + 1;
                }

                text.Append("C1,x,too many\n");
                var result = Check(text.ToString(), Ledgers.LinesHeader);

                var error = Assert.Single(result.Errors.Items);
                Assert.Equal($"customers.csv:{line}: row: expected 2 fields like the header, found 3", error.ToString());
            });

    [Property(MaxTest = 100, Replay = "(8086,11400714819323198485)")]
    public Property An_unterminated_quote_is_reported_on_the_line_it_opens() =>
        Prop.ForAll(
            FreeText.Where(t => !t.Contains('"', StringComparison.Ordinal)).ToArbitrary(),
            tail =>
            {
                var result = Check("customer_id,name\nC1,Acme\nC2,\"Globex" + tail, Ledgers.LinesHeader);

                var error = Assert.Single(result.Errors.Items);
                Assert.Equal("customers.csv:3: row: unterminated quoted field (opened on line 3)", error.ToString());
            });

    [Fact]
    public void Empty_and_whitespace_files_say_the_header_is_missing()
    {
        foreach (var empty in new[] { "", "\uFEFF", "\n", "\r\n\r\n" })
        {
            var result = Check(empty, empty);

            Assert.False(result.Succeeded);
            Assert.All(result.Errors.Items, e => Assert.Equal((1, "header"), (e.Line, e.Column)));
        }
    }

    [Fact]
    public void A_file_truncated_at_every_byte_never_throws_and_only_its_cut_last_row_can_differ()
    {
        var full = Utf8(Lines);
        var complete = new MemoryTarget();
        LedgerImport.Run(Ledgers.Source(Customers, Lines), complete, replace: false);
        for (var length = 0; length <= full.Length; length++)
        {
            var target = new MemoryTarget();
            var source = new LedgerSource(() => new MemoryStream(Utf8(Customers)), () => new MemoryStream(full[..length]), null);
            var result = LedgerImport.Run(source, target, replace: false);
            Check(Utf8(Customers), full[..length]);

            // A last row cut short without its line break is still a well-formed CSV record (RFC 4180 allows the
            // final break to be missing), so only that row may differ from the complete file; every earlier row is exact.
            var cutRow = Encoding.UTF8.GetString(full[..length]).EndsWith('\n') ? null : target.Lines.Keys.Order(StringComparer.Ordinal).LastOrDefault();
            foreach (var (id, line) in target.Lines.Where(l => l.Key != cutRow))
            {
                Assert.Equal(complete.Lines[id], line);
            }

            Assert.True(result.Succeeded || target.Commits == 0);
        }
    }

    private static int Breaks(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\n' or '\r');

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);
}
