using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;
using RunRate.Storage.Access;
using Shouldly;

namespace RunRate.Cli.Tests.Access;

/// <summary><c>runrate token create|list|revoke</c>.</summary>
public sealed class TokenCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    // Not asserted here: a constructor that throws is never disposed (its store would be left behind); a failed add fails the tests anyway.
    public TokenCommandTests() => _cli.Run("workspace", "add", "acme");

    [Fact]
    public void A_created_token_prints_its_secret_once_and_authenticates_for_its_workspace_and_role()
    {
        var created = _cli.Run("token", "create", "--name", "ci", "--role", "sales", "--workspace", "acme", "--expires", "90d");

        created.ExitCode.ShouldBe(0, created.Errors);
        created.Console.ShouldContain("cannot be shown again");
        var secret = created.Console.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("rr_", StringComparison.Ordinal));
        using var store = AccessStores.Open(_cli.Db, _cli.Clock);
        var token = store.Authenticate(secret)!;
        token.ShouldSatisfyAllConditions(
            () => token.Name.ShouldBe("ci"),
            () => token.Workspace.ShouldBe("acme"),
            () => token.Role.ShouldBe(Role.Sales),
            () => token.Expires.ShouldBe(_cli.Clock.GetUtcNow().AddDays(90)),
            () => token.CreatedBy.ShouldStartWith("cli:"));
        var list = _cli.Run("token", "list", "--json");
        list.Output.ShouldNotContain(secret[3..]);
        list.Output.ShouldContain($"\"id\":\"{token.Id}\",\"name\":\"ci\",\"workspace\":\"acme\",\"role\":\"sales\",\"status\":\"active\"");
        _cli.Run("token", "list", "--workspace", "default", "--json").Output.ShouldBe("{\"tokens\":[]}\n");
    }

    [Fact]
    public void A_revoked_token_stops_working_and_stays_listed_as_revoked()
    {
        var created = _cli.Run("token", "create", "--name", "ci", "--role", "viewer", "--json").Json;
        var id = created.GetProperty("id").GetString()!;
        var secret = created.GetProperty("secret").GetString()!;

        _cli.Run("token", "revoke", id).Console.ShouldContain($"Revoked token {id}.");

        using var store = AccessStores.Open(_cli.Db, _cli.Clock);
        store.Authenticate(secret).ShouldBeNull();
        _cli.Run("token", "list", "--json").Json.GetProperty("tokens")[0].GetProperty("status").GetString().ShouldBe("revoked");
        _cli.Run("token", "list").Console.ShouldContain("revoked");
        var again = _cli.Run("token", "revoke", "nosuchtoken");
        again.ExitCode.ShouldBe(ExitCodes.NotFound);
        again.Errors.ShouldContain("ID: no token with id 'nosuchtoken'");
    }

    [Theory]
    [InlineData("2026-02-01", "2026-02-02T00:00:00Z")]
    [InlineData("30d", "2026-02-14T12:00:00Z")]
    public void An_expiry_is_a_number_of_days_or_the_last_valid_day(string expires, string stored)
    {
        var created = _cli.Run("token", "create", "--name", "ci", "--role", "viewer", "--expires", expires, "--json");

        created.ExitCode.ShouldBe(0, created.Errors);
        created.Json.GetProperty("expires").GetString().ShouldBe(stored);
    }

    [Theory]
    [InlineData(new[] { "--expires", "tomorrow" }, ExitCodes.Usage, "--expires: expected a number of days such as 90d (1 to 3650) or a date YYYY-MM-DD, found 'tomorrow'")]
    [InlineData(new[] { "--expires", "2026-01-14" }, ExitCodes.InvalidData, "--expires: 2026-01-14 is already past")]
    [InlineData(new[] { "--workspace", "beta" }, ExitCodes.NotFound, "--workspace: no workspace 'beta'")]
    [InlineData(new[] { "--role", "root" }, ExitCodes.Usage, "--role: 'root' is not a role")]
    [InlineData(new[] { "--name", "dup" }, ExitCodes.InvalidData, "--name: workspace 'default' already has an active token named 'dup'")]
    public void A_bad_token_request_names_the_option_and_creates_nothing(string[] args, int exit, string message)
    {
        _cli.Run("token", "create", "--name", "dup", "--role", "viewer").ExitCode.ShouldBe(0);
        string[] defaults = ["--name", "x", "--role", "viewer"];
        var named = defaults.Chunk(2).Where(pair => !args.Contains(pair[0])).SelectMany(pair => pair);

        var result = _cli.Run(["token", "create", .. named, .. args]);

        result.ExitCode.ShouldBe(exit);
        result.Errors.ShouldContain(message);
        _cli.Run("token", "list", "--json").Json.GetProperty("tokens").GetArrayLength().ShouldBe(1);
    }

    public void Dispose() => _cli.Dispose();
}
