namespace RunRate.Engine.Primitives;

/// <summary>
/// An ISO 4217 alphabetic currency code (three upper-case ASCII letters). A value type so that a
/// currency can never be confused with any other string, and so that a malformed code is rejected
/// once, where it enters the system.
/// </summary>
public readonly record struct CurrencyCode
{
    private CurrencyCode(string value) => Value = value;

    /// <summary>The three upper-case letters, e.g. <c>USD</c>.</summary>
    public string Value { get; }

    /// <summary>US dollar, the default reporting currency.</summary>
    public static CurrencyCode Usd { get; } = new("USD");

    /// <summary>Parses a code, accepting any letter case; returns false for anything that is not three ASCII letters.</summary>
    public static bool TryParse(string? text, out CurrencyCode code)
    {
        code = default;
        if (text is null || text.Length != 3)
        {
            return false;
        }

        foreach (var ch in text)
        {
            if (!char.IsAsciiLetter(ch))
            {
                return false;
            }
        }

        code = new CurrencyCode(text.ToUpperInvariant());
        return true;
    }

    /// <summary>Parses a code or throws <see cref="FormatException"/>.</summary>
    public static CurrencyCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not an ISO 4217 currency code (three letters).");

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
