namespace RunRate.Ingest.Crm;

/// <summary>
/// E-mail addresses and domains as the CRM keeps them: lower-cased, so that mail captured from
/// <c>Jane@ACME.com</c> matches the contact <c>jane@acme.com</c>. The syntax check is deliberately the
/// practical subset (dot-atom local part, a host name with a top-level domain), not every form RFC 5322 allows:
/// a typo such as <c>jane@acme</c> or <c>jane.acme.com</c> is what it has to catch.
/// </summary>
public static class EmailAddress
{
    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~-.";

    /// <summary>The lower-cased address, or null when it is not a valid address.</summary>
    public static string? Normalize(string? text)
    {
        var address = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(address) || address.Length > 254)
        {
            return null;
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at > 64)
        {
            return null;
        }

        var local = address[..at];
        var localOk = local.All(c => char.IsAsciiLetterOrDigit(c) || LocalSpecials.Contains(c, StringComparison.Ordinal))
            && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal);
        return localOk && NormalizeDomain(address[(at + 1)..]) is not null ? address : null;
    }

    /// <summary>The lower-cased domain (<c>acme.com</c>), or null when it is not a host name with a top-level domain.</summary>
    public static string? NormalizeDomain(string? text)
    {
        var domain = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(domain) || domain.Length > 253)
        {
            return null;
        }

        var labels = domain.Split('.');
        if (labels.Length < 2 || labels[^1].Length < 2 || !labels[^1].All(char.IsAsciiLetter))
        {
            return null;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-') || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return null;
            }
        }

        return domain;
    }

    /// <summary>The domain part of a normalized address.</summary>
    public static string DomainOf(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address[(address.LastIndexOf('@') + 1)..];
    }
}
