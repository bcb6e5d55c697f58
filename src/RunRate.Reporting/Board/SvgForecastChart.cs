using RunRate.Engine.Forecast;

namespace RunRate.Reporting.Board;

/// <summary>The forecast chart: actual ARR, then the layers as lines over the low–high band.</summary>
public static partial class SvgCharts
{
    public const string BandColor = "#c7d2fe";
    public const string TrendColor = "#14b8a6";
    public const string PipelineColor = "#f59e0b";

    /// <summary>
    /// ARR by month: the actual months of the trend window, then contracted, contracted + trend and the
    /// total with pipeline (lines, since the trend layer may be negative) over the band.
    /// </summary>
    public static string Forecast(ForecastReport forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var history = forecast.History;
        var months = forecast.Months;
        var count = history.Count + months.Count;
        var canvas = new SvgCanvas("Forecast ARR by month");
        var values = history.Select(h => h.Arr.Round())
            .Concat(months.SelectMany(m => new[] { (m.Low * 12).Round(), (m.High * 12).Round(), (m.Contracted * 12).Round(), m.Arr.Round() }))
            .DefaultIfEmpty(0).ToList();
        canvas.Axis(Math.Min(0, values.Min()), values.Max(), BoardText.Compact);
        var first = history.Count;
        if (months.Count > 0)
        {
            canvas.Band([.. months.Select((m, i) => (first + i, (m.Low * 12).Round(), (m.High * 12).Round()))], count, BandColor);
        }

        // Every forecast line starts from the last actual month, so the picture has no gap.
        var start = history.Count > 0 ? new[] { (Index: first - 1, Value: history[^1].Arr.Round()) } : [];
        canvas.Polyline(history.Select((h, i) => (i, h.Arr.Round())), count, TotalColor, 2.5m);
        canvas.Polyline(start.Concat(months.Select((m, i) => (first + i, (m.Contracted * 12).Round()))), count, SubscriptionColor, 2, "5 3");
        canvas.Polyline(start.Concat(months.Select((m, i) => (first + i, ((m.Contracted + m.Trend) * 12).Round()))), count, TrendColor, 2);
        canvas.Polyline(start.Concat(months.Select((m, i) => (first + i, m.Arr.Round()))), count, PipelineColor, 2.5m);
        if (history.Count > 0 && months.Count > 0)
        {
            var x = canvas.SlotCenter(first - 1, count) + (canvas.SlotWidth(count) / 2);
            canvas.Line(x, canvas.Top, x, canvas.Top + canvas.PlotHeight, "#9ca3af", 1, "2 3");
        }

        var labels = history.Select(h => h.Month).Concat(months.Select(m => m.Month)).Select(BoardText.ShortMonth).ToList();
        canvas.Categories(labels, count > 14 ? 3 : count > 10 ? 2 : 1);
        canvas.Legend("Actual ARR", TotalColor);
        canvas.Legend("Contracted", SubscriptionColor);
        canvas.Legend("+ trend", TrendColor);
        canvas.Legend("+ pipeline (forecast)", PipelineColor);
        canvas.Legend("Low–high band", BandColor);
        return canvas.Render();
    }
}
