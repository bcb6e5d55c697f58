using System.ComponentModel;
using System.Globalization;
using RunRate.Engine.Forecast;
using RunRate.Ingest.Forecast;

namespace RunRate.Web.Forecast;

/// <summary>A scenario's rules as <c>PUT /api/scenarios/{name}</c> accepts them; every rule is optional (null leaves that part of the forecast alone).</summary>
internal sealed record ScenarioBody(
    [property: Description("Percentage points added to the monthly MRR churn rate (-1 = one point less churn a month), -100 to 100.")] decimal? ChurnPoints,
    [property: Description("Percent change of new-business and reactivation MRR per month (+20 = 20 % more), -100 to 1000.")] decimal? NewPercent,
    [property: Description("Percent change of the monthly expansion rate, -100 to 1000.")] decimal? ExpansionPercent,
    [property: Description("Percent price change applied to every layer from price_from on, -100 to 1000.")] decimal? PricePercent,
    [property: Description("First month of the price change, YYYY-MM (default: the first forecast month); needs price_percent.")] string? PriceFrom,
    [property: Description("Percent change of every open stage's win probability (capped at 100 %), -100 to 1000.")] decimal? PipelinePercent)
{
    public ScenarioFields Fields(string name) => new(name, Text(ChurnPoints), Text(NewPercent), Text(ExpansionPercent), Text(PricePercent), PriceFrom, Text(PipelinePercent));

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A saved scenario: its name and its rules (null where the scenario leaves the forecast alone).</summary>
internal sealed record ScenarioDto(
    string Name,
    decimal? ChurnPoints,
    decimal? NewPercent,
    decimal? ExpansionPercent,
    decimal? PricePercent,
    string? PriceFrom,
    decimal? PipelinePercent)
{
    public static ScenarioDto From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var r = scenario.Rules;
        return new(scenario.Name, r.ChurnPoints, r.NewPercent, r.ExpansionPercent, r.PricePercent, r.PriceFrom?.ToString(), r.PipelinePercent);
    }
}

/// <summary><c>GET /api/scenarios</c> (and <c>runrate scenario list --json</c>).</summary>
internal sealed record ScenariosResponse(IReadOnlyList<ScenarioDto> Scenarios);
