using System.Globalization;
using RunRate.Ingest.Csv;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Crm;

/// <summary>Small parsing helpers shared by the CRM rules, with the same message style as the ledger's.</summary>
internal static class CrmText
{
    /// <summary>Trimmed text, or null when empty: optional fields never store blanks.</summary>
    public static string? Optional(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>The trimmed value, or null with a "required" problem.</summary>
    public static string? Required(string? value, string field, ICollection<FieldProblem> problems)
    {
        var text = Optional(value);
        if (text is null)
        {
            problems.Add(new(field, "is required and must not be empty"));
        }

        return text;
    }

    /// <summary>A strict <c>YYYY-MM-DD</c> date; empty gives <paramref name="fallback"/> when there is one.</summary>
    public static DateOnly? Date(string? value, string field, DateOnly? fallback, ICollection<FieldProblem> problems)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0 && fallback is { } day)
        {
            return day;
        }

        var error = FieldParser.Date(text, out var date);
        if (error is not null)
        {
            problems.Add(new(field, error));
            return null;
        }

        return date;
    }

    /// <summary>A decimal of at most 28 significant digits that is 0 or more.</summary>
    public static decimal? NonNegative(string? value, string field, string what, ICollection<FieldProblem> problems)
    {
        var text = value?.Trim() ?? "";
        var error = FieldParser.Decimal(text, out var amount);
        if (error is not null)
        {
            problems.Add(new(field, error));
            return null;
        }

        if (amount < 0)
        {
            problems.Add(new(field, $"must be 0 or more ({what}), found {text}"));
            return null;
        }

        return amount;
    }

    /// <summary>A known ISO 4217 code (the same list as lines.csv), upper-cased.</summary>
    public static Engine.Primitives.CurrencyCode? Currency(string? value, string field, ICollection<FieldProblem> problems)
    {
        var error = FieldParser.Currency(value?.Trim() ?? "", out var code);
        if (error is not null)
        {
            problems.Add(new(field, error));
            return null;
        }

        return code;
    }

    /// <summary>
    /// An instant: ISO 8601 with a UTC offset (<c>2026-05-04T09:30:00Z</c>, <c>…+02:00</c>) or a bare date
    /// (midnight UTC). A time without an offset is refused: it would mean a different instant on every server.
    /// </summary>
    public static DateTimeOffset? Instant(string text, string field, ICollection<FieldProblem> problems)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        var hasOffset = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (hasOffset && DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at.ToUniversalTime();
        }

        problems.Add(new(field, $"expected an ISO 8601 time with an offset such as 2026-05-04T09:30:00Z (or a date YYYY-MM-DD), found '{FieldParser.Shorten(text)}'"));
        return null;
    }

    public static string Shorten(string text) => FieldParser.Shorten(text);
}
