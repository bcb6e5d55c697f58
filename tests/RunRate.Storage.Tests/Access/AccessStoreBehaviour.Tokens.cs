using RunRate.Storage.Access;
using Shouldly;

namespace RunRate.Storage.Tests.Access;

/// <summary>The access-store suite, second part: API tokens, the first-run admin, persistence and migrations.</summary>
public abstract partial class AccessStoreBehaviour
{
    [AccessFact]
    public void A_token_authenticates_by_its_secret_only_while_it_is_neither_revoked_nor_expired()
    {
        using var store = Open();
        var created = store.CreateToken("ci", "default", Role.Finance, Clock.GetUtcNow().AddDays(1), "ada");

        created.Secret.ShouldMatch("^rr_[A-Za-z0-9_-]{43}$");
        created.Info.ShouldBe(new TokenInfo(created.Info.Id, "ci", "default", Role.Finance, Clock.GetUtcNow(), "ada", Clock.GetUtcNow().AddDays(1), null, null));
        store.Authenticate(created.Secret).ShouldBe(created.Info with { LastUsed = Clock.GetUtcNow() });
        var wrong = created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A');
        store.Authenticate(wrong).ShouldBeNull();
        store.Authenticate("rr_").ShouldBeNull();
        store.Authenticate("").ShouldBeNull();

        store.RevokeToken(created.Info.Id).ShouldBe(WriteOutcome.Done);
        store.Authenticate(created.Secret).ShouldBeNull();
        store.Tokens(null).Single().Revoked.ShouldBe(Clock.GetUtcNow());
        store.RevokeToken("nosuchtoken").ShouldBe(WriteOutcome.NotFound);
    }

    [AccessFact]
    public void A_token_stops_working_at_its_expiry_and_cannot_be_created_already_expired()
    {
        using var store = Open();
        var token = store.CreateToken("ci", "default", Role.Viewer, Clock.GetUtcNow().AddHours(1), "ada");

        Clock.Advance(TimeSpan.FromMinutes(59));
        store.Authenticate(token.Secret).ShouldNotBeNull();
        Clock.Advance(TimeSpan.FromMinutes(1));
        store.Authenticate(token.Secret).ShouldBeNull();

        Should.Throw<ArgumentException>(() => store.CreateToken("late", "default", Role.Viewer, Clock.GetUtcNow(), "ada")).Message.ShouldContain("not in the future");
    }

    [AccessFact]
    public void Neither_a_token_secret_nor_a_password_appears_anywhere_in_the_database()
    {
        using var store = Open();
        store.AddUser("ada", Password);
        var token = store.CreateToken("ci", "default", Role.Admin, null, "ada");
        store.Authenticate(token.Secret).ShouldNotBeNull();

        var text = AllText();
        text.ShouldNotContain(token.Secret);
        text.ShouldNotContain(token.Secret[AccessPolicy.TokenPrefix.Length..]);
        text.ShouldNotContain(Password);
        text.ShouldContain(TokenSecrets.Hash(token.Secret));
    }

    [AccessFact]
    public void A_token_belongs_to_one_workspace_and_role()
    {
        using var store = Open();
        store.AddWorkspace("acme", "Acme");
        var acme = store.CreateToken("sync", "acme", Role.Sales, null, "ada");
        var home = store.CreateToken("sync", "default", Role.Viewer, null, "ada");

        store.Authenticate(acme.Secret).ShouldSatisfyAllConditions(t => t!.Workspace.ShouldBe("acme"), t => t!.Role.ShouldBe(Role.Sales));
        store.Authenticate(home.Secret).ShouldSatisfyAllConditions(t => t!.Workspace.ShouldBe("default"), t => t!.Role.ShouldBe(Role.Viewer));
        store.Tokens("acme").Select(t => t.Id).ShouldBe([acme.Info.Id]);
        store.Tokens("default").Select(t => t.Id).ShouldBe([home.Info.Id]);
        store.Tokens(null).Select(t => t.Id).ShouldBe([acme.Info.Id, home.Info.Id]);
        Should.Throw<ArgumentException>(() => store.CreateToken("x", "beta", Role.Viewer, null, "ada")).Message.ShouldContain("no workspace 'beta'");
    }

    [AccessFact]
    public void An_active_token_name_is_unique_in_its_workspace_until_that_token_is_revoked()
    {
        using var store = Open();
        var first = store.CreateToken("CI", "default", Role.Viewer, null, "ada");

        Should.Throw<ArgumentException>(() => store.CreateToken("ci", "default", Role.Viewer, null, "ada")).Message.ShouldContain("already has an active token named 'ci'");
        store.RevokeToken(first.Info.Id);
        store.CreateToken("ci", "default", Role.Viewer, null, "ada").Info.Name.ShouldBe("ci");
        store.Tokens(null).Count.ShouldBe(2);
    }

    [AccessFact]
    public void A_token_s_last_use_is_recorded_at_most_once_a_minute()
    {
        using var store = Open();
        var token = store.CreateToken("ci", "default", Role.Viewer, null, "ada");
        var first = Clock.GetUtcNow();
        store.Authenticate(token.Secret);

        Clock.Advance(TimeSpan.FromSeconds(59));
        store.Authenticate(token.Secret)!.LastUsed.ShouldBe(first);
        store.Tokens(null).Single().LastUsed.ShouldBe(first);
        Clock.Advance(TimeSpan.FromSeconds(1));
        store.Authenticate(token.Secret)!.LastUsed.ShouldBe(Clock.GetUtcNow());
        store.Tokens(null).Single().LastUsed.ShouldBe(Clock.GetUtcNow());
    }

    [AccessFact]
    public void The_first_run_creates_an_admin_of_the_default_workspace_once()
    {
        using var store = Open();
        store.HasUsers().ShouldBeFalse();

        AccessBootstrap.EnsureAdmin(store, out var password).ShouldBeTrue();

        password.ShouldNotBeNull();
        Passwords.Check(password);
        store.HasUsers().ShouldBeTrue();
        store.Login("admin", password).User!.Memberships.ShouldBe(new Dictionary<string, Role> { ["default"] = Role.Admin });
        AccessBootstrap.EnsureAdmin(store, out var again).ShouldBeFalse();
        again.ShouldBeNull();
        store.Users().Count.ShouldBe(1);
    }

    [AccessFact]
    public void Reopening_the_store_keeps_workspaces_users_memberships_lockouts_and_tokens()
    {
        NewToken token;
        List<UserInfo> users;
        using (var store = Open())
        {
            store.AddWorkspace("acme", "Acme");
            store.AddUser("ada", Password);
            store.AddUser("bob", Password);
            store.SetMembership("ada", "acme", Role.Finance);
            store.SetDisabled("bob", true);
            token = store.CreateToken("ci", "acme", Role.Sales, Clock.GetUtcNow().AddDays(90), "ada");
            for (var i = 0; i < AccessPolicy.MaxFailures; i++)
            {
                store.Login("bob", "wrong password");
            }

            users = [.. store.Users()];
        }

        using var reopened = Open();
        reopened.Workspaces().Select(w => w.Key).ShouldBe(["acme", "default"]);
        reopened.Users().Select(Describe).ShouldBe(users.Select(Describe));
        reopened.Tokens(null).ShouldBe([token.Info]);
        reopened.Authenticate(token.Secret)!.Id.ShouldBe(token.Info.Id);
        reopened.Login("ada", Password).Result.ShouldBe(LoginResult.Ok);
        reopened.Login("bob", Password).Result.ShouldBe(LoginResult.LockedOut);
    }

    [AccessFact]
    public void Migrations_run_once_however_often_the_store_is_opened()
    {
        using (var first = Open())
        {
            first.AddUser("ada", Password);
        }

        using var second = Open();
        using var third = Open();

        Column("SELECT version FROM access_schema").ShouldBe([AccessMigrations.Steps.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Column("SELECT ws_key FROM access_workspaces").ShouldBe(["default"]);
        third.Users().Select(u => u.Name).ShouldBe(["ada"]);
    }

    private static string Describe(UserInfo user) =>
        $"{user.Name} {user.Created:O} {user.Disabled} {string.Join(",", user.Memberships.Select(m => $"{m.Key}={m.Value}"))}";
}
