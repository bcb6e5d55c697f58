using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RunRate.Storage.Access;
using Shouldly;

namespace RunRate.Storage.Tests.Access;

/// <summary>
/// The access store's behaviour, written once and run on every engine: users and passwords, lockout, workspaces
/// and memberships here; tokens and persistence in the other part.
/// </summary>
public abstract partial class AccessStoreBehaviour : IDisposable
{
    protected const string Password = "correct horse battery";
    private readonly List<IAccessStore> _opened = [];

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected abstract string Location { get; }

    /// <summary>A query listing every table of the store (to scan all of its text).</summary>
    protected abstract string TablesSql { get; }

    [AccessFact]
    public void Passwords_are_stored_as_salted_argon2id_hashes_that_differ_per_user()
    {
        using var store = Open();
        store.AddUser("ada", Password).ShouldBe(WriteOutcome.Done);
        store.AddUser("bob", Password).ShouldBe(WriteOutcome.Done);

        var hashes = Column("SELECT password_hash FROM access_users");
        hashes.Count.ShouldBe(2);
        hashes.ShouldAllBe(h => h.StartsWith("$argon2id$v=19$m=12288,t=3,p=1$", StringComparison.Ordinal) && !h.Contains(Password, StringComparison.Ordinal));
        hashes[0].ShouldNotBe(hashes[1]);
        AllText().ShouldNotContain(Password);
    }

    [AccessFact]
    public void Login_accepts_the_right_password_and_answers_a_wrong_password_and_an_unknown_name_alike()
    {
        using var store = Open();
        store.AddUser("Ada", Password);

        var ok = store.Login("ADA", Password);
        ok.Result.ShouldBe(LoginResult.Ok);
        ok.User!.Name.ShouldBe("Ada");
        store.Login("ada", Password + "!").ShouldBe(new LoginAttempt(LoginResult.Invalid, null, null));
        store.Login("nobody", Password).ShouldBe(new LoginAttempt(LoginResult.Invalid, null, null));
        Column("SELECT user_key FROM access_login_failures").ShouldBe(["ada"]);
    }

    [AccessFact]
    public void Five_failures_within_the_window_lock_the_user_out_even_with_the_right_password_until_the_lockout_ends()
    {
        using var store = Open();
        store.AddUser("ada", Password);
        for (var i = 1; i < AccessPolicy.MaxFailures; i++)
        {
            store.Login("ada", "wrong password " + i).Result.ShouldBe(LoginResult.Invalid);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var until = Clock.GetUtcNow() + AccessPolicy.Lockout;
        store.Login("ada", "wrong again").ShouldBe(new LoginAttempt(LoginResult.LockedOut, null, until));
        store.Login("ada", Password).ShouldBe(new LoginAttempt(LoginResult.LockedOut, null, until));

        Clock.Advance(AccessPolicy.Lockout - TimeSpan.FromSeconds(1));
        store.Login("ada", Password).Result.ShouldBe(LoginResult.LockedOut);
        Clock.Advance(TimeSpan.FromSeconds(1));
        store.Login("ada", Password).Result.ShouldBe(LoginResult.Ok);
    }

    [AccessFact]
    public void Failures_older_than_the_window_do_not_count_towards_a_lockout()
    {
        using var store = Open();
        store.AddUser("ada", Password);
        FailTimes(store, AccessPolicy.MaxFailures - 1);
        Clock.Advance(AccessPolicy.FailureWindow);

        FailTimes(store, AccessPolicy.MaxFailures - 1).ShouldAllBe(r => r == LoginResult.Invalid);
        store.Login("ada", "wrong").Result.ShouldBe(LoginResult.LockedOut);
    }

    [AccessFact]
    public void A_successful_login_clears_the_failure_count()
    {
        using var store = Open();
        store.AddUser("ada", Password);
        FailTimes(store, AccessPolicy.MaxFailures - 1);

        store.Login("ada", Password).Result.ShouldBe(LoginResult.Ok);

        FailTimes(store, AccessPolicy.MaxFailures - 1).ShouldAllBe(r => r == LoginResult.Invalid);
        store.Login("ada", Password).Result.ShouldBe(LoginResult.Ok);
    }

    [AccessFact]
    public void A_disabled_user_cannot_log_in_and_enabling_restores_access()
    {
        using var store = Open();
        store.AddUser("ada", Password);

        store.SetDisabled("ADA", true).ShouldBe(WriteOutcome.Done);
        store.FindUser("ada")!.Disabled.ShouldBeTrue();
        store.Login("ada", Password).ShouldBe(new LoginAttempt(LoginResult.Disabled, null, null));
        store.Login("ada", "wrong password").Result.ShouldBe(LoginResult.Invalid);

        store.SetDisabled("ada", false).ShouldBe(WriteOutcome.Done);
        store.Login("ada", Password).Result.ShouldBe(LoginResult.Ok);
        store.SetDisabled("nobody", true).ShouldBe(WriteOutcome.NotFound);
    }

    [AccessFact]
    public void A_new_password_replaces_the_old_one_and_ends_a_lockout_and_a_short_one_is_refused()
    {
        using var store = Open();
        store.AddUser("ada", Password);
        FailTimes(store, AccessPolicy.MaxFailures);
        store.Login("ada", Password).Result.ShouldBe(LoginResult.LockedOut);

        store.SetPassword("Ada", "a brand new passphrase").ShouldBe(WriteOutcome.Done);
        store.Login("ada", Password).Result.ShouldBe(LoginResult.Invalid);
        store.Login("ada", "a brand new passphrase").Result.ShouldBe(LoginResult.Ok);

        Should.Throw<ArgumentException>(() => store.SetPassword("ada", "short")).Message.ShouldContain("at least 12 characters");
        Should.Throw<ArgumentException>(() => store.AddUser("bob", "eleven char")).Message.ShouldContain("at least 12 characters");
        store.Login("ada", "a brand new passphrase").Result.ShouldBe(LoginResult.Ok);
        store.FindUser("bob").ShouldBeNull();
        store.SetPassword("nobody", Password).ShouldBe(WriteOutcome.NotFound);
    }

    [AccessFact]
    public void A_hash_made_with_older_parameters_still_verifies_and_is_upgraded_at_the_next_login()
    {
        using var store = Open();
        store.AddUser("ada", Password);
        var weak = PasswordHasher.Hash(Password, new byte[16], 8192, 1, 1);
        using (var connection = Connect())
        {
            Execute(connection, $"UPDATE access_users SET password_hash = '{weak}'");
        }

        store.Login("ada", Password).Result.ShouldBe(LoginResult.Ok);

        Column("SELECT password_hash FROM access_users").Single().ShouldStartWith("$argon2id$v=19$m=12288,t=3,p=1$");
        store.Login("ada", Password).Result.ShouldBe(LoginResult.Ok);
    }

    [AccessFact]
    public void User_names_are_unique_ignoring_case_and_must_be_plain()
    {
        using var store = Open();
        store.AddUser("Ada", Password).ShouldBe(WriteOutcome.Done);

        store.AddUser("ADA", Password).ShouldBe(WriteOutcome.AlreadyExists);
        store.FindUser("aDa")!.Name.ShouldBe("Ada");
        store.Users().Select(u => u.Name).ShouldBe(["Ada"]);
        foreach (var bad in new[] { "", "token:ci", "two words", "-dash", new string('a', 65) })
        {
            Should.Throw<ArgumentException>(() => store.AddUser(bad, Password)).Message.ShouldContain("is not a user name");
        }
    }

    [AccessFact]
    public void Concurrent_adds_of_one_name_store_it_once()
    {
        using var store = Open();
        var outcomes = new WriteOutcome[4];

        Parallel.For(0, outcomes.Length, i => outcomes[i] = store.AddUser(i % 2 == 0 ? "ada" : "ADA", Password));

        outcomes.Count(o => o == WriteOutcome.Done).ShouldBe(1);
        outcomes.Count(o => o == WriteOutcome.AlreadyExists).ShouldBe(3);
    }

    [AccessFact]
    public void The_default_workspace_always_exists_and_others_are_added_once_by_a_valid_key()
    {
        using var store = Open();
        store.Workspaces().Select(w => w.Key).ShouldBe(["default"]);

        store.AddWorkspace("acme-eu", "Acme Europe").ShouldBe(WriteOutcome.Done);
        store.AddWorkspace("acme-eu", "Again").ShouldBe(WriteOutcome.AlreadyExists);
        store.AddWorkspace("default", "Again").ShouldBe(WriteOutcome.AlreadyExists);

        store.Workspaces().Select(w => (w.Key, w.Name)).ShouldBe([("acme-eu", "Acme Europe"), ("default", "Default")]);
        store.Workspaces()[0].Created.ShouldBe(Clock.GetUtcNow());
        Should.Throw<StoreException>(() => store.AddWorkspace("Acme", "Acme")).Message.ShouldContain("is not a workspace key");
        Should.Throw<ArgumentException>(() => store.AddWorkspace("beta", " "));
    }

    [AccessFact]
    public void Memberships_are_set_replaced_and_removed_one_role_per_workspace()
    {
        using var store = Open();
        store.AddUser("ada", Password);
        store.AddWorkspace("acme", "Acme");

        store.SetMembership("ADA", "default", Role.Finance).ShouldBe(WriteOutcome.Done);
        store.SetMembership("ada", "acme", Role.Sales).ShouldBe(WriteOutcome.Done);
        Memberships(store).ShouldBe(["acme=Sales", "default=Finance"]);

        store.SetMembership("ada", "default", Role.Viewer).ShouldBe(WriteOutcome.Done);
        Memberships(store).ShouldBe(["acme=Sales", "default=Viewer"]);

        store.SetMembership("ada", "default", null).ShouldBe(WriteOutcome.Done);
        Memberships(store).ShouldBe(["acme=Sales"]);
        store.Login("ada", Password).User!.Memberships.ShouldBe(new Dictionary<string, Role> { ["acme"] = Role.Sales });

        store.SetMembership("nobody", "acme", Role.Admin).ShouldBe(WriteOutcome.NotFound);
        store.SetMembership("ada", "beta", Role.Admin).ShouldBe(WriteOutcome.NotFound);
        Should.Throw<StoreException>(() => store.SetMembership("ada", "Not A Key", Role.Admin));
        Memberships(store).ShouldBe(["acme=Sales"]);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }
    }

    protected IAccessStore Open()
    {
        var store = AccessStores.Open(Location, Clock);
        _opened.Add(store);
        return store;
    }

    protected abstract DbConnection Connect();

    protected List<string> Column(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    /// <summary>Every value of every table of the store, as text.</summary>
    protected string AllText()
    {
        var text = new StringBuilder();
        foreach (var table in Column(TablesSql))
        {
            using var connection = Connect();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }
            }
        }

        return text.ToString();
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Memberships(IAccessStore store) =>
        store.FindUser("ada")!.Memberships.Select(m => $"{m.Key}={m.Value}").ToList();

    private List<LoginResult> FailTimes(IAccessStore store, int count) =>
        Enumerable.Range(0, count).Select(i => store.Login("ada", "wrong password " + i).Result).ToList();
}
