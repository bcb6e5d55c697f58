using System.Text.RegularExpressions;
using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;
using RunRate.Storage;
using RunRate.Storage.Access;
using Shouldly;

namespace RunRate.Cli.Tests.Access;

/// <summary><c>runrate user add|list|role|password|disable|enable</c> and <c>runrate workspace add|list</c>.</summary>
public sealed class UserCommandTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly CliHarness _cli = new();

    [Fact]
    public void User_add_without_a_password_prints_a_generated_one_once_and_it_logs_in_as_that_role()
    {
        var added = _cli.Run("user", "add", "Ada", "--role", "admin");

        added.ExitCode.ShouldBe(0, added.Errors);
        added.Console.ShouldContain("Added user Ada as admin of default.");
        added.Console.ShouldContain("It is shown only now");
        var password = Regex.Match(added.Console, "Password for Ada: (\\S+)").Groups[1].Value;
        Passwords.Check(password);
        using var store = AccessStores.Open(_cli.Db, _cli.Clock);
        var login = store.Login("ada", password);
        login.Result.ShouldBe(LoginResult.Ok);
        login.User!.Memberships.ShouldBe(new Dictionary<string, Role> { ["default"] = Role.Admin });
    }

    [Fact]
    public void User_add_reads_the_password_from_standard_input_and_lists_the_user()
    {
        _cli.Stdin = Password + "\n";

        var added = _cli.Run("user", "add", "bob", "--role", "Finance", "--password-stdin");

        added.ExitCode.ShouldBe(0, added.Errors);
        added.Console.ShouldNotContain("Password for");
        using (var store = AccessStores.Open(_cli.Db, _cli.Clock))
        {
            store.Login("bob", Password).Result.ShouldBe(LoginResult.Ok);
        }

        _cli.Run("user", "list", "--json").Output.ShouldBe("{\"users\":[{\"name\":\"bob\",\"created\":\"2026-01-15T12:00:00Z\",\"disabled\":false,\"roles\":{\"default\":\"finance\"}}]}\n");
        _cli.Run("user", "list").Console.ShouldContain("default: finance");
    }

    [Theory]
    [InlineData(new[] { "user", "add", "ada", "--role", "boss" }, ExitCodes.Usage, "--role: 'boss' is not a role; use one of admin, finance, sales, viewer")]
    [InlineData(new[] { "user", "add", "token:ci", "--role", "viewer" }, ExitCodes.InvalidData, "NAME: 'token:ci' is not a user name")]
    [InlineData(new[] { "user", "add", "ada", "--role", "viewer", "--password-stdin" }, ExitCodes.InvalidData, "--password-stdin: the password must have at least 12 characters (it has 5)")]
    [InlineData(new[] { "user", "add", "ada", "--role", "viewer", "--workspace", "acme" }, ExitCodes.NotFound, "--workspace: no workspace 'acme' (add it with: runrate workspace add acme)")]
    [InlineData(new[] { "user", "add", "ADA", "--role", "viewer" }, ExitCodes.InvalidData, "NAME: a user named 'ADA' already exists (names ignore case)")]
    [InlineData(new[] { "user", "role", "zed", "--workspace", "default", "--role", "viewer" }, ExitCodes.NotFound, "NAME: no user named 'zed'")]
    [InlineData(new[] { "user", "role", "ada", "--workspace", "default", "--role", "owner" }, ExitCodes.Usage, "--role: 'owner' is not a role; use one of admin, finance, sales, viewer or none")]
    [InlineData(new[] { "user", "password", "zed" }, ExitCodes.NotFound, "NAME: no user named 'zed'")]
    [InlineData(new[] { "user", "disable", "zed" }, ExitCodes.NotFound, "NAME: no user named 'zed'")]
    [InlineData(new[] { "workspace", "add", "Acme" }, ExitCodes.InvalidData, "KEY: 'Acme' is not a workspace key")]
    [InlineData(new[] { "workspace", "add", "default" }, ExitCodes.InvalidData, "KEY: the workspace 'default' already exists")]
    public void Bad_input_names_the_argument_and_changes_nothing(string[] args, int exit, string message)
    {
        _cli.Stdin = Password;
        _cli.Run("user", "add", "ada", "--role", "viewer", "--password-stdin").ExitCode.ShouldBe(0);
        var before = _cli.Run("user", "list", "--json").Output;
        _cli.Stdin = "short";

        var result = _cli.Run(args);

        result.ExitCode.ShouldBe(exit);
        result.Errors.ShouldContain(message);
        _cli.Run("user", "list", "--json").Output.ShouldBe(before);
        _cli.Run("workspace", "list", "--json").Json.GetProperty("workspaces").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public void A_workspace_is_added_with_its_own_ledger_store_and_listed()
    {
        var added = _cli.Run("workspace", "add", "acme-eu", "--name", "Acme Europe");

        added.ExitCode.ShouldBe(0, added.Errors);
        using (var ledger = StoreFactory.Open(_cli.Db, create: false, workspace: "acme-eu"))
        {
            ledger.Revision().ShouldBe(0);
        }

        var list = _cli.Run("workspace", "list", "--json").Json.GetProperty("workspaces").EnumerateArray().Select(w => $"{w.GetProperty("key").GetString()}:{w.GetProperty("name").GetString()}");
        list.ShouldBe(["acme-eu:Acme Europe", "default:Default"]);
        _cli.Run("workspace", "list").Console.ShouldContain("Acme Europe");
    }

    [Fact]
    public void Roles_are_set_per_workspace_and_none_removes_one()
    {
        _cli.Stdin = Password;
        _cli.Run("user", "add", "ada", "--role", "viewer", "--password-stdin");
        _cli.Run("workspace", "add", "acme");

        _cli.Run("user", "role", "ADA", "--workspace", "acme", "--role", "sales").Console.ShouldContain("User ada is now sales of acme.");
        _cli.Run("user", "role", "ada", "--workspace", "default", "--role", "none").Console.ShouldContain("User ada no longer has a role in default.");

        _cli.Run("user", "list", "--json").Json.GetProperty("users")[0].GetProperty("roles").ToString().ShouldBe("{\"acme\":\"sales\"}");
        _cli.Run("user", "role", "ada", "--role", "sales").ExitCode.ShouldBe(ExitCodes.Usage);
    }

    [Fact]
    public void A_password_is_replaced_and_a_user_disabled_and_enabled_again()
    {
        _cli.Stdin = Password;
        _cli.Run("user", "add", "ada", "--role", "viewer", "--password-stdin");
        _cli.Stdin = "a new passphrase for ada\r\n";

        _cli.Run("user", "password", "ada", "--password-stdin").Console.ShouldContain("Changed the password of ada.");
        _cli.Run("user", "disable", "ada").Console.ShouldContain("User ada is disabled.");

        using var store = AccessStores.Open(_cli.Db, _cli.Clock);
        store.Login("ada", Password).Result.ShouldBe(LoginResult.Invalid);
        store.Login("ada", "a new passphrase for ada").Result.ShouldBe(LoginResult.Disabled);
        _cli.Run("user", "list").Console.ShouldContain("disabled");
        _cli.Run("user", "enable", "ada").ExitCode.ShouldBe(0);
        store.Login("ada", "a new passphrase for ada").Result.ShouldBe(LoginResult.Ok);
    }

    [Fact]
    public void Listing_a_store_that_does_not_exist_is_not_found_and_creates_nothing()
    {
        var missing = Path.Combine(_cli.Folder, "missing.db");

        var result = _cli.Run("user", "list", "--db", missing);

        result.ExitCode.ShouldBe(ExitCodes.NotFound);
        result.Errors.ShouldContain($"No store at {missing}");
        File.Exists(missing).ShouldBeFalse();
    }

    public void Dispose() => _cli.Dispose();
}
