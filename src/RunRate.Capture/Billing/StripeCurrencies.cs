namespace RunRate.Capture.Billing;

/// <summary>
/// How many decimals Stripe's integer amounts carry per currency ("the smallest currency unit").
/// This is Stripe's table, not ISO 4217's: they differ (ISK is two-decimal in Stripe's API though
/// ISO gives it none, MGA is zero-decimal in Stripe though ISO gives it two), and an amount read
/// with the wrong exponent would be off by a factor of 100.
/// </summary>
internal static class StripeCurrencies
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.Ordinal)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.Ordinal) { "BHD", "JOD", "KWD", "OMR", "TND" };

    /// <summary>Decimals of <paramref name="upperCaseCode"/>'s smallest unit: 0, 2 (the default) or 3.</summary>
    public static int MinorDigits(string upperCaseCode) =>
        ZeroDecimal.Contains(upperCaseCode) ? 0 : ThreeDecimal.Contains(upperCaseCode) ? 3 : 2;

    /// <summary>An amount in the smallest unit as a decimal of the currency, keeping its decimals (5000 USD → 50.00).</summary>
    public static decimal FromMinor(decimal minor, string upperCaseCode) =>
        minor * new decimal(1, 0, 0, false, (byte)MinorDigits(upperCaseCode));
}
