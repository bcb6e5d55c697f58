namespace RunRate.Capture.Matching;

/// <summary>
/// The one normal form for e-mail addresses and domains, so contacts, account domains, own domains
/// and captured headers compare equal however they were typed (case, angle brackets, trailing dot).
/// </summary>
internal static class EmailAddresses
{
    /// <summary>The lower-case address, or null when it has no local part and domain.</summary>
    public static string? Normalize(string? address)
    {
        var text = address?.Trim().Trim('<', '>').Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = Uri.UnescapeDataString(text["mailto:".Length..]);
        }

        var at = text.LastIndexOf('@');
        return at <= 0 || at == text.Length - 1 ? null : text.ToLowerInvariant().TrimEnd('.');
    }

    /// <summary>The domain of a normalized address ("jane@eu.acme.com" → "eu.acme.com").</summary>
    public static string DomainOf(string normalizedAddress) => normalizedAddress[(normalizedAddress.LastIndexOf('@') + 1)..];

    /// <summary>A domain as entered ("@ACME.com.", " acme.com") in lower case without '@' or trailing dot; null when empty or not a domain.</summary>
    public static string? NormalizeDomain(string? domain)
    {
        var text = domain?.Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
        return string.IsNullOrEmpty(text) || text.Contains('@', StringComparison.Ordinal) || text.Any(char.IsWhiteSpace) || text.StartsWith('.') ? null : text;
    }

    /// <summary>
    /// The domain and each parent domain, most specific first ("a.eu.acme.com", "eu.acme.com", "acme.com", "com"),
    /// which is how a subdomain finds the account or own domain that owns it.
    /// </summary>
    public static IEnumerable<string> SelfAndParents(string domain)
    {
        for (var rest = domain; rest.Length > 0;)
        {
            yield return rest;
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            rest = dot < 0 ? "" : rest[(dot + 1)..];
        }
    }
}
