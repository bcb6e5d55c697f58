namespace RunRate.Storage.Access;

/// <summary>The roles' keys as stored and typed (<c>admin</c>, <c>finance</c>, <c>sales</c>, <c>viewer</c>).</summary>
public static class AccessRoles
{
    /// <summary>Every role, most allowed first (the order of lists and help texts).</summary>
    public static readonly IReadOnlyList<Role> All = [Role.Admin, Role.Finance, Role.Sales, Role.Viewer];

    /// <summary>The lower-case key of a role.</summary>
    public static string Key(Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Finance => "finance",
        Role.Sales => "sales",
        Role.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    /// <summary>The role a key names (ignoring case and surrounding spaces).</summary>
    public static bool TryParse(string? text, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text?.Trim(), Key(candidate), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>The role a key names, or an <see cref="ArgumentException"/> listing the roles.</summary>
    public static Role Parse(string? text) => TryParse(text, out var role)
        ? role
        : throw new ArgumentException($"'{text}' is not a role: use one of {string.Join(", ", All.Select(Key))}", nameof(text));
}
