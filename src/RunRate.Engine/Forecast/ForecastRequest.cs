using System.Globalization;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>
/// What to forecast: MRR for the <paramref name="Months"/> months after <paramref name="AsOf"/>, from
/// the trend of the <paramref name="WindowMonths"/> months ending at <paramref name="AsOf"/>. The
/// as-of month is a parameter (the engine has no clock), so a forecast can be replayed from any
/// month, which is what the backtest does.
/// </summary>
/// <param name="Currency">Reporting currency.</param>
/// <param name="AsOf">The last actual month; the forecast starts the month after.</param>
/// <param name="Months">Forecast horizon, 1..36 months.</param>
/// <param name="WindowMonths">Trailing months the trend rates are measured over, 1..24.</param>
/// <param name="Filter">The part of the ledger (and of the pipeline) to forecast.</param>
/// <param name="SegmentBy">Customer attribute whose values are the segments that get their own rates.</param>
/// <param name="Rules">Scenario assumptions; null = the base forecast.</param>
/// <param name="Backtest">Whether to replay the method from 3, 6 and 12 months back and measure its error.</param>
public sealed record ForecastRequest(
    CurrencyCode Currency,
    YearMonth AsOf,
    int Months,
    int WindowMonths = 6,
    LedgerFilter? Filter = null,
    string SegmentBy = "segment",
    ScenarioRules? Rules = null,
    bool Backtest = true)
{
    /// <summary>The longest horizon: beyond three years a trend says little.</summary>
    public const int MaxMonths = 36;

    /// <summary>The longest trend window.</summary>
    public const int MaxWindowMonths = 24;

    private readonly int _months = InRange(Months, MaxMonths, nameof(Months));
    private readonly int _windowMonths = InRange(WindowMonths, MaxWindowMonths, nameof(WindowMonths));
    private readonly string _segmentBy = NonEmpty(SegmentBy);

    /// <summary>Forecast horizon, 1..36; anything else is an <see cref="ArgumentException"/>.</summary>
    public int Months { get => _months; init => _months = InRange(value, MaxMonths, nameof(Months)); }

    /// <summary>Trend window, 1..24; anything else is an <see cref="ArgumentException"/>.</summary>
    public int WindowMonths { get => _windowMonths; init => _windowMonths = InRange(value, MaxWindowMonths, nameof(WindowMonths)); }

    /// <summary>The segment attribute (non-empty).</summary>
    public string SegmentBy { get => _segmentBy; init => _segmentBy = NonEmpty(value); }

    /// <summary>The filter, <see cref="LedgerFilter.All"/> when none was given.</summary>
    public LedgerFilter EffectiveFilter => Filter ?? LedgerFilter.All;

    /// <summary>The rules, <see cref="ScenarioRules.None"/> when none were given.</summary>
    public ScenarioRules EffectiveRules => Rules ?? ScenarioRules.None;

    /// <summary>The first forecast month.</summary>
    public YearMonth FirstMonth => AsOf.AddMonths(1);

    /// <summary>The last forecast month.</summary>
    public YearMonth LastMonth => AsOf.AddMonths(Months);

    private static int InRange(int value, int max, string name) =>
        value >= 1 && value <= max
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be between 1 and {max}, found {value}."), name);

    private static string NonEmpty(string? value) =>
        !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException("SegmentBy must name a customer attribute, found an empty name.", nameof(SegmentBy));
}
