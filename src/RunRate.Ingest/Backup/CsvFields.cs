using System.Globalization;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Csv;

namespace RunRate.Ingest.Backup;

/// <summary>
/// Reads the fields of one CSV record of a CRM file, collecting every problem as a located error
/// (<c>contacts.csv:7: email: …</c>); <see cref="Ok"/> says whether the record is usable. Ids, codes, numbers
/// and dates are trimmed; free text is taken exactly as written so it round-trips byte for byte.
/// </summary>
internal sealed class CsvFields(CsvTable table, LedgerErrors errors)
{
    public bool Ok { get; private set; } = true;

    public int Line => table.Line;

    /// <summary>Moves to the next record.</summary>
    public bool Next()
    {
        Ok = true;
        return table.Next();
    }

    public void Fail(string column, string message)
    {
        errors.Add(table.File, table.Line, column, message);
        Ok = false;
    }

    /// <summary>A problem of the file as a whole (no single line to point at).</summary>
    public void FailFile(string column, string message) => errors.Add(table.File, 0, column, message);

    /// <summary>A trimmed, non-empty value (an id or a code).</summary>
    public string Id(string column)
    {
        var text = table[column];
        if (text.Length == 0)
        {
            Fail(column, "is required");
        }

        return text;
    }

    /// <summary>A trimmed value, null when empty.</summary>
    public string? OptionalId(string column) => table[column] is { Length: > 0 } text ? text : null;

    /// <summary>Free text as written; null when empty.</summary>
    public string? Text(string column) => table.Raw(column) is { Length: > 0 } text ? text : null;

    /// <summary>Free text as written; an error when blank.</summary>
    public string RequiredText(string column)
    {
        var text = table.Raw(column);
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail(column, "is required");
        }

        return text;
    }

    /// <summary>Free text as written, possibly empty.</summary>
    public string AnyText(string column) => table.Raw(column);

    public decimal Decimal(string column, decimal? min = null, decimal? max = null)
    {
        var error = FieldParser.Decimal(table[column], out var value);
        if (error is null && (value < min || value > max))
        {
            error = max is null ? $"must be {min} or more, found {table[column]}" : $"must be between {min} and {max}, found {table[column]}";
        }

        return Check(column, error) ? value : 0m;
    }

    public decimal? OptionalDecimal(string column) => table[column].Length == 0 ? null : Decimal(column);

    public DateOnly Date(string column) => Check(column, FieldParser.Date(table[column], out var value)) ? value : default;

    public CurrencyCode Currency(string column) => Check(column, FieldParser.Currency(table[column], out var value)) ? value : default;

    public int Int(string column, int min, int max)
    {
        var text = table[column];
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Fail(column, $"expected a whole number from {min} to {max}, found '{FieldParser.Shorten(text)}'");
        return 0;
    }

    public YearMonth Month(string column)
    {
        var text = table[column];
        if (YearMonth.TryParse(text, out var value))
        {
            return value;
        }

        Fail(column, $"expected a month YYYY-MM, found '{FieldParser.Shorten(text)}'");
        return default;
    }

    /// <summary>An instant with its offset: <c>2026-01-15T09:30:00.0000000Z</c> or <c>…+01:00</c>.</summary>
    public DateTimeOffset Instant(string column)
    {
        var text = table[column];
        if (text.EndsWith('Z')
            ? DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            : DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return value;
        }

        Fail(column, $"expected an instant YYYY-MM-DDTHH:MM:SSZ (UTC, or with an offset such as +01:00), found '{FieldParser.Shorten(text)}'");
        return default;
    }

    public bool Boolean(string column)
    {
        switch (table[column].ToLowerInvariant())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                Fail(column, $"expected true or false, found '{FieldParser.Shorten(table[column])}'");
                return false;
        }
    }

    /// <summary>Records <paramref name="error"/> when there is one; true when there is none.</summary>
    public bool Check(string column, string? error)
    {
        if (error is not null)
        {
            Fail(column, error);
        }

        return error is null;
    }
}
