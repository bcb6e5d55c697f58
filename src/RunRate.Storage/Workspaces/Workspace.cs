using System.Text.RegularExpressions;

namespace RunRate.Storage.Workspaces;

/// <summary>
/// A workspace is one company's books. Each workspace has its own ledger store (its own SQLite file,
/// or its own PostgreSQL schema), so every query of a store is scoped to one workspace by
/// construction: there is no shared table a missing <c>WHERE</c> could leak through.
/// </summary>
public static partial class Workspace
{
    /// <summary>The workspace a store holds when none is named (the store file itself for SQLite).</summary>
    public const string Default = "default";

    /// <summary>True for a valid workspace key: a lower-case letter, then up to 39 lower-case letters, digits or hyphens.</summary>
    public static bool IsValid(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>The key, or a <see cref="StoreException"/> that says what a key may hold.</summary>
    public static string Check(string? key) => IsValid(key)
        ? key!
        : throw new StoreException($"'{key}' is not a workspace key: use a lower-case letter followed by up to 39 lower-case letters, digits or hyphens (for example acme or acme-eu).");

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
