using System.Xml.Linq;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.ArrBridge;
using RunRate.Reporting.Board;
using Shouldly;

namespace RunRate.Reporting.Tests.Board;

/// <summary>The server-rendered charts: well-formed standalone SVG, bars where the figures say.</summary>
public sealed class SvgChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Waterfall_bars_start_where_the_previous_step_ended_and_close_at_closing_arr()
    {
        var bridge = new ArrPeriod(1000, 900, 100, 10, 300, 200, -100, -400, 50, 3, 2, 1, 1050, 950, 100, 12);
        var svg = XDocument.Parse(SvgCharts.Waterfall(bridge));

        var bars = svg.Descendants(Svg + "rect").Skip(1).Select(r => (Y: decimal.Parse(r.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture), H: decimal.Parse(r.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        bars.Count.ShouldBe(7);
        // opening 0..1000, new 1000..1300, expansion 1300..1500, reactivation 1500..1550, contraction 1550..1450, churn 1450..1050, closing 0..1050
        var perUnit = bars[0].H / 1000;
        bars[1].H.ShouldBe(300 * perUnit, 0.02m);
        bars[5].H.ShouldBe(400 * perUnit, 0.02m);
        (bars[1].Y + bars[1].H).ShouldBe(bars[0].Y, 0.02m);
        bars[6].H.ShouldBe(1050 * perUnit, 0.02m);
        (bars[5].Y + bars[5].H).ShouldBe(bars[6].Y, 0.02m);
        svg.Root!.Element(Svg + "title")!.Value.ShouldBe("ARR bridge waterfall");
    }

    [Fact]
    public void Charts_of_no_months_are_still_valid_svg()
    {
        XDocument.Parse(SvgCharts.ArrOverTime([])).Root!.Name.ShouldBe(Svg + "svg");
        XDocument.Parse(SvgCharts.Movements([])).Root!.Name.ShouldBe(Svg + "svg");
    }

    [Fact]
    public void Movements_draw_losses_below_the_zero_line()
    {
        var month = new MonthFigures
        {
            Month = new YearMonth(2025, 1), OpeningMrr = 100, New = 20, Expansion = 0, Contraction = 0, Churn = -30, Reactivation = 0, ClosingMrr = 90,
            SubscriptionArr = 1080, AddonArr = 0, OpeningCustomers = 2, Customers = 2, NewCustomers = 1, ReactivatedCustomers = 0, ChurnedCustomers = 1,
            CustomerChurnRate = Exact.Ratio(1, 2), Nrr = null, Grr = null, GrowthYoy = null, OneTimeRevenue = 0,
        };
        var svg = XDocument.Parse(SvgCharts.Movements([month]));
        var zero = svg.Descendants(Svg + "line").Single(l => l.Attribute("stroke")!.Value == "#9ca3af");
        var churn = svg.Descendants(Svg + "rect").Single(r => r.Attribute("fill")!.Value == SvgCharts.ChurnColor && r.Attribute("width")!.Value != "10" && decimal.Parse(r.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
        churn.Attribute("y")!.Value.ShouldBe(zero.Attribute("y1")!.Value);
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.2, 2)]
    [InlineData(2.2, 2.5)]
    [InlineData(3, 5)]
    [InlineData(130_000, 200_000)]
    public void Axis_steps_are_round(decimal rough, decimal step) => SvgCanvas.NiceStep(rough).ShouldBe(step);
}
