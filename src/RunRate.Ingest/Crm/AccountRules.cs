using System.Collections.Immutable;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Crm;

/// <summary>
/// The rules of an account's e-mail domains: host names with a top-level domain, lower-cased, each once.
/// Whether another account already claims a domain is checked by the caller against the stored profiles.
/// </summary>
public static class AccountRules
{
    /// <summary>The normalized domains in the order given, or null with every problem added (field <c>domains</c>).</summary>
    public static ImmutableArray<string>? Domains(IEnumerable<string?> domains, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var result = new List<string>();
        foreach (var text in domains)
        {
            // "@acme.com" is how people often write a domain; the @ adds nothing.
            var domain = EmailAddress.NormalizeDomain(text?.Trim().TrimStart('@'));
            if (domain is null)
            {
                problems.Add(new("domains", $"expected a domain such as acme.com, found '{CrmText.Shorten(text ?? "")}'"));
            }
            else if (!result.Contains(domain, StringComparer.Ordinal))
            {
                result.Add(domain);
            }
        }

        return problems.Count > before ? null : [.. result];
    }
}
