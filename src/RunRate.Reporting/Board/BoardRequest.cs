using RunRate.Engine.Primitives;

namespace RunRate.Reporting.Board;

/// <summary>
/// What a board report covers: the month it is written for (its KPI card, the closing month of its
/// twelve-month bridge and the forecast's as-of month), the reporting currency and the forecast horizon.
/// </summary>
public sealed record BoardRequest
{
    /// <summary>Bridge months shown: the twelve months up to and including <see cref="Month"/>.</summary>
    public const int BridgeMonths = 12;

    /// <summary>Creates a request; throws when the forecast horizon is outside 1..36 months.</summary>
    public BoardRequest(CurrencyCode currency, YearMonth month, int forecastMonths = 12)
    {
        if (forecastMonths is < 1 or > 36)
        {
            throw new ArgumentException($"The forecast horizon must be 1 to 36 months, found {forecastMonths}.", nameof(forecastMonths));
        }

        Currency = currency;
        Month = month;
        ForecastMonths = forecastMonths;
    }

    /// <summary>Reporting currency.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>The month of the report.</summary>
    public YearMonth Month { get; }

    /// <summary>Forecast horizon in months.</summary>
    public int ForecastMonths { get; }

    /// <summary>The first month of the bridge (eleven months before <see cref="Month"/>).</summary>
    public YearMonth From => Month.AddMonths(-(BridgeMonths - 1));
}
