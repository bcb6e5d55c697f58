using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RunRate.Reporting.Common;
using Shouldly;

namespace RunRate.Cli.Tests.Report;

/// <summary>The printable page: self-contained, charts as SVG images, the same figures as the JSON reports.</summary>
public sealed partial class ReportHtmlTests(SampleBoardFixture board) : IClassFixture<SampleBoardFixture>
{
    [Fact]
    public void Page_embeds_its_charts_as_svg_images_and_loads_nothing_from_outside()
    {
        var images = SvgImage().Matches(board.Html).Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value))).ToList();
        images.Count.ShouldBe(4); // ARR, movements, ARR waterfall, forecast
        foreach (var svg in images)
        {
            XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
        }

        board.Html.ShouldNotContain("<script", Case.Insensitive);
        board.Html.ShouldNotContain("http://", Case.Sensitive, "only the SVG namespace would be allowed, and it is inside base64");
        board.Html.ShouldNotContain("https://");
        board.Html.ShouldContain("@media print");
    }

    [Fact]
    public void Summary_cards_show_every_kpi_of_runrate_summary_as_the_json_rounds_it()
    {
        var summary = board.Json("summary", "--month", board.Month).GetProperty("summary");
        foreach (var field in MonthFields.All.Where(f => f.Name is not ("new" or "expansion" or "contraction" or "churn" or "reactivation" or "one_time_revenue")))
        {
            board.Html.ShouldContain($"class=\"kpi-value\" data-field=\"{field.Name}\">{Display(field, summary.GetProperty(field.Name))}<", Case.Sensitive, field.Name);
        }
    }

    [Fact]
    public void Monthly_table_shows_every_field_of_every_month_of_runrate_mrr()
    {
        var months = board.Json("mrr", "--from", board.From, "--to", board.Month).GetProperty("months").EnumerateArray().ToList();
        var table = board.Html[board.Html.IndexOf("id=\"monthly-table\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        foreach (var field in MonthFields.All)
        {
            var cells = Regex.Matches(table, $"data-field=\"{field.Name}\">([^<]*)<").Select(m => m.Groups[1].Value).ToList();
            cells.ShouldBe(months.Select(m => Display(field, m.GetProperty(field.Name))).ToList(), field.Name);
        }
    }

    [Fact]
    public void Arr_bridge_table_shows_runrate_arr_bridge()
    {
        var json = board.Json("arr-bridge", "--from", board.From, "--to", board.Month);
        foreach (var name in new[] { "opening_arr", "new", "expansion", "contraction", "churn", "reactivation", "closing_arr" })
        {
            board.Html.ShouldContain($"data-field=\"{name}\">{Money(json.GetProperty(name).GetDecimal())}<", Case.Sensitive, name);
        }
    }

    [Fact]
    public void Text_from_the_ledger_is_escaped()
    {
        using var cli = new Support.CliHarness();
        var ledger = cli.Ledger("x", "customer_id,name\nC1,<script>alert(1)</script> & Co\n", "line_id,customer_id,kind,start_date,amount,currency,interval_months\nL1,C1,subscription,2025-01-01,100,USD,1\n");
        cli.Run("import", ledger).ExitCode.ShouldBe(0);
        var path = Path.Combine(cli.Folder, "r.html");
        cli.Run("report", "--month", "2025-03", "--out", path).ExitCode.ShouldBe(0);
        var html = File.ReadAllText(path);
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
        html.ShouldNotContain("<script>");
    }

    /// <summary>How the page spells a JSON figure: money to the cent with thousands separators, ratios as one-decimal percentages, multiples ×.</summary>
    private static string Display(MonthField field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return "—";
        }

        return field.Kind switch
        {
            FieldKind.Money => Money(value.GetDecimal()),
            FieldKind.Count => value.GetInt64().ToString("#,##0", CultureInfo.InvariantCulture),
            _ when field.Name == "quick_ratio" => decimal.Round(value.GetDecimal(), 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "×",
            _ => decimal.Round(value.GetDecimal() * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        };
    }

    private static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex("<img class=\"chart\" alt=\"[^\"]*\" src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\">")]
    private static partial Regex SvgImage();
}
