using RunRate.Storage.Workspaces;

namespace RunRate.Storage.Access;

/// <summary>The first run of a server: a store without users gets an administrator, so the dashboard is never open to all.</summary>
public static class AccessBootstrap
{
    /// <summary>The name of the administrator created on first run.</summary>
    public const string AdminName = "admin";

    /// <summary>
    /// When the store has no user, creates <see cref="AdminName"/> with a random password as admin of the default
    /// workspace and returns true with that password (to print once); otherwise changes nothing and returns false.
    /// </summary>
    public static bool EnsureAdmin(IAccessStore store, out string? generatedPassword)
    {
        ArgumentNullException.ThrowIfNull(store);
        generatedPassword = null;
        if (store.HasUsers())
        {
            return false;
        }

        var password = Passwords.Generate();
        if (store.AddUser(AdminName, password) != WriteOutcome.Done)
        {
            // Another process created it meanwhile; its password was printed there.
            return false;
        }

        store.SetMembership(AdminName, Workspace.Default, Role.Admin);
        generatedPassword = password;
        return true;
    }
}
