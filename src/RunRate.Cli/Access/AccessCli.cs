using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RunRate.Cli.Common;
using RunRate.Storage;
using RunRate.Storage.Access;

namespace RunRate.Cli.Access;

/// <summary>
/// What the <c>workspace</c>, <c>user</c> and <c>token</c> commands share: the access store of <c>--db</c>, the
/// <c>--role</c> and <c>--workspace</c> options, passwords from standard input, and the store's refusals as
/// errors naming the argument that carried the value.
/// </summary>
internal static class AccessCli
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Opens the access tables; only commands that add something may create a missing SQLite store.</summary>
    public static IAccessStore Open(CliContext context, string? db, bool create)
    {
        var location = LedgerAccess.ResolveDb(context, db);
        if (!create && !StoreFactory.IsPostgres(location) && !File.Exists(location))
        {
            throw new CliException($"No store at {location}. Add a user or a workspace first (runrate user add NAME --role admin), or pass --db.", ExitCodes.NotFound);
        }

        try
        {
            return AccessStores.Open(location, context.Clock);
        }
        catch (StoreException ex)
        {
            throw new CliException(ex.Message, ExitCodes.StoreError);
        }
    }

    public static Option<Role?> Role(string description) => new("--role")
    {
        Description = description,
        HelpName = "admin|finance|sales|viewer",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (AccessRoles.TryParse(text, out var role))
            {
                return role;
            }

            result.AddError($"--role: '{text}' is not a role; use one of admin, finance, sales, viewer");
            return null;
        },
    };

    /// <summary>A <c>--role</c> that also takes <c>none</c> (no role); read it with <see cref="RoleOrNone"/>.</summary>
    public static Option<string> RoleOrNoneOption(string description)
    {
        var option = new Option<string>("--role") { Description = description, HelpName = "admin|finance|sales|viewer|none", Required = true };
        option.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (!AccessRoles.TryParse(text, out _) && !IsNone(text))
            {
                result.AddError($"--role: '{text}' is not a role; use one of admin, finance, sales, viewer or none");
            }
        });
        return option;
    }

    public static Role? RoleOrNone(string text) => IsNone(text) ? null : AccessRoles.Parse(text);

    public static Option<string> Workspace(string description, bool required = false)
    {
        var option = new Option<string>("--workspace") { Description = description, HelpName = "KEY", Required = required };
        if (!required)
        {
            option.DefaultValueFactory = _ => Storage.Workspaces.Workspace.Default;
        }

        return option;
    }

    public static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from the first line of standard input instead of generating one" };

    /// <summary>The workspace named by <c>--workspace</c>, which must exist (exit 3 otherwise).</summary>
    public static string RequireWorkspace(IAccessStore store, string? key)
    {
        if (!Storage.Workspaces.Workspace.IsValid(key))
        {
            throw new CliException($"--workspace: '{key}' is not a workspace key: use a lower-case letter followed by up to 39 lower-case letters, digits or hyphens", ExitCodes.InvalidData);
        }

        return store.Workspaces().Any(w => w.Key == key)
            ? key!
            : throw new CliException($"--workspace: no workspace '{key}' (add it with: runrate workspace add {key})", ExitCodes.NotFound);
    }

    /// <summary>The password from standard input (its first line), or a generated one; checked against the rules.</summary>
    public static (string Password, bool Generated) Password(CliContext context, bool fromStdin)
    {
        if (!fromStdin)
        {
            return (Passwords.Generate(), true);
        }

        var line = context.Input.ReadLine() ?? "";
        return (Checked(() => Passwords.Check(line), "--password-stdin"), false);
    }

    /// <summary>Runs a store call; an <see cref="ArgumentException"/> (bad name, password, expiry…) becomes invalid data naming <paramref name="argument"/>.</summary>
    public static T Checked<T>(Func<T> call, string argument)
    {
        try
        {
            return call();
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"{argument}: {Message(ex)}", ExitCodes.InvalidData);
        }
        catch (StoreException ex)
        {
            throw new CliException($"{argument}: {ex.Message}", ExitCodes.InvalidData);
        }
    }

    /// <summary>A user named by the NAME argument, which must exist (exit 3 otherwise).</summary>
    public static CliException NoUser(string name) => new($"NAME: no user named '{name}' (runrate user list shows them)", ExitCodes.NotFound);

    public static void Json<T>(CliContext context, T value)
    {
        context.Output.Write(JsonSerializer.Serialize(value, JsonOptions));
        context.Output.Write('\n');
        context.Output.Flush();
    }

    public static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? Format.None;

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool IsNone(string text) => text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase);

    /// <summary>The actor recorded as a token's creator: <c>cli:</c> and the operating-system user.</summary>
    public static string Actor() => "cli:" + Environment.UserName;

    private static string Message(ArgumentException ex) =>
        ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal);
}
