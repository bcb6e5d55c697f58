using System.Text.RegularExpressions;

namespace RunRate.Storage.Access;

/// <summary>
/// What user, token and workspace names may hold. User names appear as the actor in the audit log, so they are
/// restricted to letters, digits and <c>. _ @ -</c> (no <c>:</c>, which would let a user pose as <c>token:…</c> or
/// <c>cli:…</c>). Names are compared ignoring case through a lower-cased key column.
/// </summary>
internal static partial class AccessNames
{
    public static string User(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return UserPattern().IsMatch(trimmed)
            ? trimmed
            : throw new ArgumentException($"'{name}' is not a user name: use 1 to 64 letters, digits or . _ @ - starting with a letter or digit", nameof(name));
    }

    /// <summary>A token's or workspace's display name: 1 to 100 characters, no control characters.</summary>
    public static string Label(string? name, string what)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 100 || trimmed.Any(char.IsControl))
        {
            throw new ArgumentException($"'{name}' is not a {what} name: use 1 to 100 characters without control characters", nameof(name));
        }

        return trimmed;
    }

    public static string Key(string name) => name.Trim().ToLowerInvariant();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserPattern();
}
