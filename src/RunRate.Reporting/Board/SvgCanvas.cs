using System.Globalization;
using System.Text;

namespace RunRate.Reporting.Board;

/// <summary>
/// A minimal SVG writer for the report's charts: a plot area with a value axis, bars, lines, text and
/// a legend. Coordinates are decimals formatted invariantly, so the same figures give the same bytes.
/// </summary>
internal sealed class SvgCanvas
{
    private readonly StringBuilder _body = new();
    private readonly List<(string Label, string Color)> _legend = [];

    public SvgCanvas(string title, decimal width = 720, decimal height = 300)
    {
        Title = title;
        Width = width;
        Height = height;
    }

    public string Title { get; }

    public decimal Width { get; }

    public decimal Height { get; }

    public decimal Left { get; init; } = 64;

    public decimal Right { get; init; } = 16;

    public decimal Top { get; init; } = 16;

    public decimal Bottom { get; init; } = 56;

    public decimal PlotWidth => Width - Left - Right;

    public decimal PlotHeight => Height - Top - Bottom;

    /// <summary>The value range of the y axis, set by <see cref="Axis"/>.</summary>
    public (decimal Min, decimal Max) Range { get; private set; } = (0, 1);

    /// <summary>The y coordinate of a value.</summary>
    public decimal Y(decimal value) => Top + ((Range.Max - value) / (Range.Max - Range.Min) * PlotHeight);

    /// <summary>Chooses round ticks covering <paramref name="min"/>..<paramref name="max"/> (and 0) and draws the grid and labels.</summary>
    public void Axis(decimal min, decimal max, Func<decimal, string> label)
    {
        min = Math.Min(min, 0);
        max = Math.Max(max, 0);
        if (max == min)
        {
            max = min + 1;
        }

        var step = NiceStep((max - min) / 5);
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        Range = (low, high);
        for (var tick = low; tick <= high; tick += step)
        {
            var y = Y(tick);
            Line(Left, y, Width - Right, y, tick == 0 ? "#9ca3af" : "#e5e7eb", 1);
            Text(Left - 6, y + 4, label(tick), "end", "#6b7280");
        }
    }

    /// <summary>Labels under the category slots (every <paramref name="every"/>-th one).</summary>
    public void Categories(IReadOnlyList<string> labels, int every = 1)
    {
        for (var i = 0; i < labels.Count; i += every)
        {
            Text(SlotCenter(i, labels.Count), Height - Bottom + 16, labels[i], "middle", "#374151");
        }
    }

    public decimal SlotWidth(int count) => PlotWidth / Math.Max(count, 1);

    public decimal SlotCenter(int index, int count) => Left + (SlotWidth(count) * index) + (SlotWidth(count) / 2);

    /// <summary>A bar between two values in slot <paramref name="index"/>.</summary>
    public void Bar(int index, int count, decimal from, decimal to, string color, decimal widthShare = 0.62m)
    {
        var width = SlotWidth(count) * widthShare;
        var x = SlotCenter(index, count) - (width / 2);
        var (top, bottom) = (Y(Math.Max(from, to)), Y(Math.Min(from, to)));
        _body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(top)}\" width=\"{N(width)}\" height=\"{N(Math.Max(bottom - top, 0))}\" fill=\"{color}\"/>");
    }

    public void Line(decimal x1, decimal y1, decimal x2, decimal y2, string color, decimal width, string? dash = null) =>
        _body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{color}\" stroke-width=\"{N(width)}\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");

    /// <summary>A polyline through (slot, value) points; null values break nothing, they are skipped.</summary>
    public void Polyline(IEnumerable<(int Index, decimal Value)> points, int count, string color, decimal width = 2, string? dash = null)
    {
        var coordinates = string.Join(' ', points.Select(p => $"{N(SlotCenter(p.Index, count))},{N(Y(p.Value))}"));
        _body.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{coordinates}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{N(width)}\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");
    }

    /// <summary>A filled area between two series of (slot, value) points.</summary>
    public void Band(IReadOnlyList<(int Index, decimal Low, decimal High)> points, int count, string color)
    {
        var upper = points.Select(p => $"{N(SlotCenter(p.Index, count))},{N(Y(p.High))}");
        var lower = points.Reverse().Select(p => $"{N(SlotCenter(p.Index, count))},{N(Y(p.Low))}");
        _body.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{string.Join(' ', upper.Concat(lower))}\" fill=\"{color}\" stroke=\"none\"/>");
    }

    public void Dot(decimal x, decimal y, string color, decimal radius = 3) =>
        _body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(radius)}\" fill=\"{color}\"/>");

    public void Text(decimal x, decimal y, string text, string anchor = "start", string color = "#111827", int size = 11, bool bold = false) =>
        _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"{color}\" font-size=\"{size}\"{(bold ? " font-weight=\"bold\"" : "")}>{HtmlOut.E(text)}</text>");

    public void Legend(string label, string color) => _legend.Add((label, color));

    /// <summary>The finished document.</summary>
    public string Render()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(Height)}\" width=\"{N(Width)}\" height=\"{N(Height)}\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{HtmlOut.E(Title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{N(Width)}\" height=\"{N(Height)}\" fill=\"#ffffff\"/>");
        svg.Append(_body);
        var x = Left;
        foreach (var (label, color) in _legend)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(Height - 20)}\" width=\"10\" height=\"10\" fill=\"{color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 14)}\" y=\"{N(Height - 11)}\" fill=\"#374151\">{HtmlOut.E(label)}</text>");
            x += 24 + (label.Length * 6.5m);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static decimal NiceStep(decimal rough)
    {
        if (rough <= 0)
        {
            return 1;
        }

        var power = 1m;
        while (power * 10 <= rough)
        {
            power *= 10;
        }

        while (power > rough)
        {
            power /= 10;
        }

        foreach (var factor in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (power * factor >= rough)
            {
                return power * factor;
            }
        }

        return power * 10;
    }

    private static string N(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
