using RunRate.Reporting.Board;
using Shouldly;

namespace RunRate.Reporting.Tests.Board;

/// <summary>The page builder escapes everything that comes from data, in text and in attributes.</summary>
public sealed class HtmlOutTests
{
    [Theory]
    [InlineData("Acme & Co", "Acme &amp; Co")]
    [InlineData("<b>\"x\"</b>", "&lt;b&gt;&quot;x&quot;&lt;/b&gt;")]
    [InlineData("O'Neil × 2 — ok", "O&#39;Neil × 2 — ok")]
    [InlineData("", "")]
    public void Text_is_escaped_but_unicode_stays_readable(string text, string expected) => HtmlOut.E(text).ShouldBe(expected);

    [Fact]
    public void Table_cells_carry_their_field_and_row_headers()
    {
        var html = new HtmlOut().Table("cap <1>", ["A", "B"], [[Cell.Label("r<1>"), new Cell("1,00", "arr")]], "t").ToString();

        html.ShouldBe("<table id=\"t\"><caption>cap &lt;1&gt;</caption><thead><tr><th scope=\"col\">A</th><th scope=\"col\" class=\"num\">B</th></tr></thead>"
            + "<tbody><tr><th scope=\"row\">r&lt;1&gt;</th><td class=\"num\" data-field=\"arr\">1,00</td></tr></tbody></table>");
    }

    [Theory]
    [InlineData("board.XLSX", BoardFormat.Xlsx)]
    [InlineData("a/b/report.htm", BoardFormat.Html)]
    [InlineData("r.html", BoardFormat.Html)]
    [InlineData("r.Pdf", BoardFormat.Pdf)]
    public void Format_follows_the_extension(string path, BoardFormat format)
    {
        BoardFormats.TryFromPath(path, out var found).ShouldBeTrue();
        found.ShouldBe(format);
    }

    [Theory]
    [InlineData("r.txt")]
    [InlineData("r")]
    [InlineData("r.xlsx.bak")]
    public void Other_extensions_are_refused(string path) => BoardFormats.TryFromPath(path, out _).ShouldBeFalse();

    [Fact]
    public void Api_names_are_exactly_xlsx_html_and_pdf()
    {
        BoardFormats.Names.All(n => BoardFormats.TryParse(n, out _)).ShouldBeTrue();
        BoardFormats.TryParse("htm", out _).ShouldBeFalse();
        BoardFormats.TryParse("docx", out _).ShouldBeFalse();
        BoardFormats.TryParse(null, out _).ShouldBeFalse();
    }
}
