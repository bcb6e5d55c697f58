using RunRate.Engine.Metrics;
using RunRate.Reporting.ArrBridge;

namespace RunRate.Reporting.Board;

/// <summary>
/// The report's charts, rendered on the server as standalone SVG documents (no script, no web font),
/// so the HTML embeds them as images and a printer or a PDF shows exactly the same picture.
/// </summary>
public static partial class SvgCharts
{
    public const string SubscriptionColor = "#6366f1";
    public const string AddonColor = "#14b8a6";
    public const string NewColor = "#10b981";
    public const string ExpansionColor = "#3b82f6";
    public const string ReactivationColor = "#8b5cf6";
    public const string ContractionColor = "#f59e0b";
    public const string ChurnColor = "#ef4444";
    public const string TotalColor = "#1f2937";

    /// <summary>Closing ARR by month, stacked by subscriptions and add-ons.</summary>
    public static string ArrOverTime(IReadOnlyList<MonthFigures> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var canvas = new SvgCanvas("ARR by month: subscriptions and add-ons");
        var max = months.Count == 0 ? 0 : months.Max(m => Math.Max(m.Arr.Round(), m.SubscriptionArr.Round() + m.AddonArr.Round()));
        canvas.Axis(0, max, BoardText.Compact);
        for (var i = 0; i < months.Count; i++)
        {
            var sub = months[i].SubscriptionArr.Round();
            canvas.Bar(i, months.Count, 0, sub, SubscriptionColor);
            canvas.Bar(i, months.Count, sub, sub + months[i].AddonArr.Round(), AddonColor);
        }

        canvas.Categories([.. months.Select(m => BoardText.ShortMonth(m.Month))]);
        canvas.Legend("Subscription ARR", SubscriptionColor);
        canvas.Legend("Add-on ARR", AddonColor);
        return canvas.Render();
    }

    /// <summary>MRR movements by month: gains stacked above zero, losses below, net new MRR as a line.</summary>
    public static string Movements(IReadOnlyList<MonthFigures> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var canvas = new SvgCanvas("MRR movements by month");
        var gains = months.Select(m => m.New.Round() + m.Expansion.Round() + m.Reactivation.Round()).DefaultIfEmpty(0).Max();
        var losses = months.Select(m => m.Contraction.Round() + m.Churn.Round()).DefaultIfEmpty(0).Min();
        canvas.Axis(losses, gains, BoardText.Compact);
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var up = 0m;
            foreach (var (value, color) in new[] { (m.New.Round(), NewColor), (m.Expansion.Round(), ExpansionColor), (m.Reactivation.Round(), ReactivationColor) })
            {
                canvas.Bar(i, months.Count, up, up + value, color);
                up += value;
            }

            var down = 0m;
            foreach (var (value, color) in new[] { (m.Contraction.Round(), ContractionColor), (m.Churn.Round(), ChurnColor) })
            {
                canvas.Bar(i, months.Count, down, down + value, color);
                down += value;
            }
        }

        canvas.Polyline(months.Select((m, i) => (i, (m.ClosingMrr - m.OpeningMrr).Round())), months.Count, TotalColor);
        canvas.Categories([.. months.Select(m => BoardText.ShortMonth(m.Month))]);
        canvas.Legend("New", NewColor);
        canvas.Legend("Expansion", ExpansionColor);
        canvas.Legend("Reactivation", ReactivationColor);
        canvas.Legend("Contraction", ContractionColor);
        canvas.Legend("Churn", ChurnColor);
        canvas.Legend("Net new MRR", TotalColor);
        return canvas.Render();
    }

    /// <summary>The ARR bridge as a waterfall: opening, each movement floating from the running total, closing.</summary>
    public static string Waterfall(ArrPeriod bridge)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        var canvas = new SvgCanvas("ARR bridge waterfall");
        var steps = new (string Label, decimal Value, string Color, bool Total)[]
        {
            ("Opening", bridge.OpeningArr.Round(), TotalColor, true),
            ("New", bridge.New.Round(), NewColor, false),
            ("Expansion", bridge.Expansion.Round(), ExpansionColor, false),
            ("Reactivation", bridge.Reactivation.Round(), ReactivationColor, false),
            ("Contraction", bridge.Contraction.Round(), ContractionColor, false),
            ("Churn", bridge.Churn.Round(), ChurnColor, false),
            ("Closing", bridge.ClosingArr.Round(), TotalColor, true),
        };
        var running = 0m;
        var levels = new List<(decimal From, decimal To)>();
        foreach (var step in steps)
        {
            var from = step.Total ? 0 : running;
            var to = step.Total ? step.Value : running + step.Value;
            levels.Add((from, to));
            running = to;
        }

        canvas.Axis(levels.Min(l => Math.Min(l.From, l.To)), levels.Max(l => Math.Max(l.From, l.To)), BoardText.Compact);
        for (var i = 0; i < steps.Length; i++)
        {
            canvas.Bar(i, steps.Length, levels[i].From, levels[i].To, steps[i].Color, 0.7m);
            var top = canvas.Y(Math.Max(levels[i].From, levels[i].To));
            var sign = steps[i].Total || steps[i].Value < 0 ? "" : "+";
            canvas.Text(canvas.SlotCenter(i, steps.Length), top - 4, sign + BoardText.Compact(steps[i].Value), "middle", "#111827", 10);
        }

        canvas.Categories([.. steps.Select(s => s.Label)]);
        return canvas.Render();
    }
}
