using System.Globalization;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Csv;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Forecast;

/// <summary>A scenario's fields as the CLI (<c>runrate scenario save</c>) or the API (<c>PUT /api/scenarios/{name}</c>) carries them: text, unparsed.</summary>
public sealed record ScenarioFields(
    string? Name,
    string? ChurnPoints = null,
    string? NewPercent = null,
    string? ExpansionPercent = null,
    string? PricePercent = null,
    string? PriceFrom = null,
    string? PipelinePercent = null);

/// <summary>
/// The rules of a saved scenario, shared by the CLI and the API so both refuse the same input with the
/// same words: a short name that is safe in a URL and is not the reserved <c>base</c>, percentages of at
/// least −100 (the engine's own floor: a layer cannot shrink below nothing), a plausible churn change, and
/// a price month only together with a price change. Every problem of the request is reported at once.
/// </summary>
public static class ScenarioFieldRules
{
    /// <summary>The longest name: it is shown in tables, legends and chips.</summary>
    public const int MaxNameLength = 60;

    /// <summary>The name the unchanged forecast goes by in side-by-side comparisons; no saved scenario may take it.</summary>
    public const string BaseName = "base";

    /// <summary>Validates and returns the scenario, or null with every problem added.</summary>
    public static Scenario? Validate(ScenarioFields fields, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var name = Name(fields.Name, "name", problems);
        var churn = Number(fields.ChurnPoints, "churn_points", -100m, 100m, "percentage points of monthly churn", problems);
        var newPercent = Number(fields.NewPercent, "new_percent", -100m, 1000m, "percent", problems);
        var expansion = Number(fields.ExpansionPercent, "expansion_percent", -100m, 1000m, "percent", problems);
        var price = Number(fields.PricePercent, "price_percent", -100m, 1000m, "percent", problems);
        var pipeline = Number(fields.PipelinePercent, "pipeline_percent", -100m, 1000m, "percent", problems);
        YearMonth? priceFrom = null;
        var fromText = fields.PriceFrom?.Trim();
        if (!string.IsNullOrEmpty(fromText))
        {
            if (!YearMonth.TryParse(fromText, out var month) || month.Year is < 1000 or > 9000)
            {
                problems.Add(new("price_from", $"expected a month YYYY-MM, found '{FieldParser.Shorten(fromText)}'"));
            }
            else if (string.IsNullOrWhiteSpace(fields.PricePercent))
            {
                problems.Add(new("price_from", "only applies together with price_percent (the price change it starts)"));
            }
            else
            {
                priceFrom = month;
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new Scenario(name!, new ScenarioRules
        {
            ChurnPoints = churn,
            NewPercent = newPercent,
            ExpansionPercent = expansion,
            PricePercent = price,
            PriceFrom = priceFrom,
            PipelinePercent = pipeline,
        });
    }

    /// <summary>A trimmed scenario name, or null with a problem on <paramref name="field"/>.</summary>
    public static string? Name(string? text, string field, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var name = text?.Trim() ?? "";
        string? error = name switch
        {
            "" => "is required: a short name such as 'churn-1' or 'price +5'",
            { Length: > MaxNameLength } => $"is longer than {MaxNameLength} characters",
            _ when string.Equals(name, BaseName, StringComparison.OrdinalIgnoreCase) => "'base' is reserved for the forecast without a scenario",
            _ when !char.IsAsciiLetterOrDigit(name[0]) => $"must start with a letter or a digit, found '{FieldParser.Shorten(name)}'",
            _ when !name.All(IsNameChar) => $"may hold letters, digits, spaces and - _ . + ( ) only, found '{FieldParser.Shorten(name)}'",
            _ => null,
        };
        if (error is not null)
        {
            problems.Add(new(field, error));
            return null;
        }

        return name;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '+' or '(' or ')';

    private static decimal? Number(string? text, string field, decimal min, decimal max, string unit, ICollection<FieldProblem> problems)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > 1 && value[0] == '+' && value[1] != '-')
        {
            value = value[1..]; // "+5" reads naturally for a rise
        }

        var error = FieldParser.Decimal(value, out var number);
        if (error is null && (number < min || number > max))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"must be from {min} to {max} ({unit}), found {value}");
        }

        if (error is not null)
        {
            problems.Add(new(field, error));
            return null;
        }

        return number;
    }
}
