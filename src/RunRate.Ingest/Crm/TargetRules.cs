using System.Globalization;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Crm;

/// <summary>A target's fields as an API request or the CLI carries them.</summary>
public sealed record TargetFields(string? Owner, string? Period, string? Arr, string? Currency);

/// <summary>
/// The rules of a booking target, shared by the API and the CLI: an owner, a period that is a month
/// (<c>2026-05</c>) or a calendar quarter (<c>2026-Q2</c>), an ARR of 0 or more in a known currency.
/// </summary>
public static class TargetRules
{
    /// <summary>Validates and returns the target, or null with every problem added.</summary>
    public static SalesTarget? Validate(TargetFields fields, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var owner = CrmText.Required(fields.Owner, "owner", problems);
        var period = Period(fields.Period, "period", problems);
        var arr = CrmText.NonNegative(fields.Arr, "arr", "the ARR to win", problems);
        var currency = CrmText.Currency(fields.Currency, "currency", problems);
        return problems.Count > before ? null : new SalesTarget(owner!, period!.Value.Start, period.Value.Months, arr!.Value, currency!.Value);
    }

    /// <summary>Parses <c>YYYY-MM</c> (one month) or <c>YYYY-Qn</c> (a quarter, any letter case); null with a problem on <paramref name="field"/>.</summary>
    public static (YearMonth Start, int Months)? Period(string? text, string field, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var value = CrmText.Optional(text);
        if (value is null)
        {
            problems.Add(new(field, "is required: a month YYYY-MM or a quarter YYYY-Qn"));
            return null;
        }

        if (YearMonth.TryParse(value, out var month))
        {
            return (month, 1);
        }

        if (value.Length == 7 && value[4] == '-' && value[5] is 'Q' or 'q' && value[6] is >= '1' and <= '4'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            return (new YearMonth(year, ((value[6] - '1') * 3) + 1), 3);
        }

        problems.Add(new(field, $"expected a month YYYY-MM or a quarter YYYY-Qn (n from 1 to 4), found '{CrmText.Shorten(value)}'"));
        return null;
    }
}
