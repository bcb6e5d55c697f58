using System.Globalization;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Economics;

/// <summary>
/// A unit-economics report: months <paramref name="From"/>..<paramref name="To"/> in one reporting
/// currency, each month's figures pooled over the <paramref name="WindowMonths"/> months ending with it
/// (one month of sign-ups is too noisy to price a customer on).
/// </summary>
/// <param name="Currency">Reporting currency; revenue and costs are converted into it.</param>
/// <param name="From">First reported month.</param>
/// <param name="To">Last reported month; the channel breakdown is the window ending here. Not before <paramref name="From"/>.</param>
/// <param name="WindowMonths">Months each figure is pooled over, 1..36 (12 by default).</param>
public sealed record EconomicsRequest(CurrencyCode Currency, YearMonth From, YearMonth To, int WindowMonths = 12)
{
    /// <summary>The longest window.</summary>
    public const int MaxWindowMonths = 36;

    private readonly int _windowMonths = Window(WindowMonths);
    private readonly YearMonth _to = NotBefore(To, From);

    /// <summary>Last reported month; before <see cref="From"/> is an <see cref="ArgumentException"/>.</summary>
    public YearMonth To { get => _to; init => _to = NotBefore(value, From); }

    /// <summary>Months each figure is pooled over, 1..36; anything else is an <see cref="ArgumentException"/>.</summary>
    public int WindowMonths { get => _windowMonths; init => _windowMonths = Window(value); }

    /// <summary>The first month of the window ending at <paramref name="month"/>.</summary>
    public YearMonth WindowStart(YearMonth month) => month.AddMonths(1 - WindowMonths);

    private static int Window(int value) =>
        value is >= 1 and <= MaxWindowMonths
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"WindowMonths must be between 1 and {MaxWindowMonths}, found {value}."), nameof(WindowMonths));

    private static YearMonth NotBefore(YearMonth to, YearMonth from) =>
        to >= from ? to : throw new ArgumentException($"The report range is reversed: {from} is after {to}.", nameof(To));
}
