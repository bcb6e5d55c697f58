namespace RunRate.Capture.Matching;

/// <summary>
/// Reads the user's own e-mail domains as the CLI (<c>--ignore-domain</c>) and the server
/// (<c>RunRate:Capture:OwnDomains</c>) take them, so both accept the same spellings.
/// </summary>
public static class OwnDomains
{
    /// <summary>The configuration key the server reads: a list, or one comma-separated value.</summary>
    public const string Setting = "RunRate:Capture:OwnDomains";

    /// <summary>"@ACME.com." → "acme.com"; null when the text is not a domain.</summary>
    public static string? Normalize(string? domain) => EmailAddresses.NormalizeDomain(domain);

    /// <summary>Splits values on commas, semicolons and spaces; returns the domains and the values that are not domains.</summary>
    public static (IReadOnlyList<string> Domains, IReadOnlyList<string> Invalid) Parse(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var domains = new List<string>();
        var invalid = new List<string>();
        foreach (var part in values.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Normalize(part) is { } domain)
            {
                domains.Add(domain);
            }
            else
            {
                invalid.Add(part);
            }
        }

        return (domains, invalid);
    }
}
