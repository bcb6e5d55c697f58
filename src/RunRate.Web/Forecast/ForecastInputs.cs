using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Ingest.Forecast;
using RunRate.Reporting.Common;
using RunRate.Web.Reports;

namespace RunRate.Web.Forecast;

/// <summary>
/// The forecast's parameters, read the same way by <c>GET /api/forecast</c> and <c>runrate forecast</c>:
/// failures are <see cref="ReportInputException"/> naming the parameter (<c>months</c>, <c>window</c>,
/// <c>by</c>, <c>scenario</c>), which the API answers as a 400 and the CLI prints under its option.
/// </summary>
internal static class ForecastInputs
{
    /// <summary>Default horizon: a year ahead.</summary>
    public const int DefaultMonths = 12;

    /// <summary>Default trend window: half a year, recent enough to follow a change, long enough to smooth a month.</summary>
    public const int DefaultWindow = 6;

    /// <summary>Most forecasts side by side (the dashboard has a colour for each).</summary>
    public const int MaxScenarios = 6;

    private const string BaseName = ScenarioFieldRules.BaseName;

    private static readonly string[] CustomerStandard = ["segment", "channel", "country", "owner"];

    public static int Months(string? text) =>
        ReportNumbers.Whole(text, "months", 1, ForecastRequest.MaxMonths, DefaultMonths, "months to forecast");

    public static int Window(string? text) =>
        ReportNumbers.Whole(text, "window", 1, ForecastRequest.MaxWindowMonths, DefaultWindow, "trailing months the trend rates come from");

    /// <summary>
    /// The customer attribute whose values get their own trend rates: a standard one (segment, channel,
    /// country, owner) or a custom column some customer has. <c>product</c> belongs to lines, not customers.
    /// </summary>
    public static string SegmentBy(RevenueLedger ledger, string? by)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var name = by?.Trim() ?? "";
        if (name.Length == 0)
        {
            return "segment";
        }

        if (CustomerStandard.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return name.ToLowerInvariant();
        }

        if (string.Equals(name, "product", StringComparison.OrdinalIgnoreCase))
        {
            throw new ReportInputException("by", "segments group customers; 'product' belongs to lines: use segment, channel, country, owner or a custom customer column");
        }

        return ledger.Customers.Any(c => c.Attribute(name) is not null)
            ? name
            : throw new ReportInputException("by", $"no customer has an attribute named '{name}'");
    }

    /// <summary>
    /// The forecasts to compute, in order. None named: the base forecast alone. One: that scenario alone
    /// (<c>base</c> names the unchanged forecast). Several: side by side, the base first, each name once.
    /// </summary>
    /// <param name="names">The names as given (repeated option or query parameter).</param>
    /// <param name="find">The saved scenario of a name (ignoring case), or null.</param>
    /// <param name="notFound">The failure for a name nobody saved.</param>
    public static IReadOnlyList<(string Name, ScenarioRules? Rules)> Scenarios(IReadOnlyList<string> names, Func<string, Scenario?> find, Func<string, Exception> notFound)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(notFound);
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var count = wanted.Count + (wanted.Count > 1 && !wanted.Contains(BaseName, StringComparer.OrdinalIgnoreCase) ? 1 : 0);
        if (count > MaxScenarios)
        {
            throw new ReportInputException("scenario", $"at most {MaxScenarios} forecasts side by side (the base included), asked for {count}");
        }

        var result = new List<(string Name, ScenarioRules? Rules)>();
        if (wanted.Count != 1)
        {
            result.Add((BaseName, null));
        }

        foreach (var name in wanted)
        {
            if (string.Equals(name, BaseName, StringComparison.OrdinalIgnoreCase))
            {
                if (result.Count == 0)
                {
                    result.Add((BaseName, null));
                }

                continue;
            }

            var scenario = find(name) ?? throw notFound(name);
            result.Add((scenario.Name, scenario.Rules));
        }

        return result;
    }
}
