using System.Globalization;
using RunRate.Web.Forecast;

namespace RunRate.Cli.Forecast;

/// <summary>A scenario's rules in a few words: "churn -1 pt/month · new business +20 % · price +5 % from 2027-01".</summary>
internal static class ScenarioText
{
    public static string Rules(ScenarioDto s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = new List<string>();
        if (s.ChurnPoints is { } churn)
        {
            parts.Add($"churn {Signed(churn)} pt/month");
        }

        if (s.NewPercent is { } n)
        {
            parts.Add($"new business {Signed(n)} %");
        }

        if (s.ExpansionPercent is { } e)
        {
            parts.Add($"expansion {Signed(e)} %");
        }

        if (s.PricePercent is { } p)
        {
            parts.Add($"price {Signed(p)} %" + (s.PriceFrom is { } from ? $" from {from}" : ""));
        }

        if (s.PipelinePercent is { } w)
        {
            parts.Add($"win probability {Signed(w)} %");
        }

        return parts.Count == 0 ? "no change (the base forecast)" : string.Join(" · ", parts);
    }

    public static string Signed(decimal value) => (value > 0 ? "+" : "") + value.ToString("0.####", CultureInfo.InvariantCulture);
}
