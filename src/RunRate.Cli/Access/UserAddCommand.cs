using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Storage;
using RunRate.Storage.Access;
using Spectre.Console;

namespace RunRate.Cli.Access;

/// <summary><c>runrate user add NAME --role R</c>: adds a dashboard user with a role in one workspace; a generated password is printed once.</summary>
internal sealed class UserAddCommand(CliContext context)
{
    private readonly Argument<string> _name = new("NAME") { Description = "The login name: letters, digits or . _ @ - (unique ignoring case)" };
    private readonly Option<Role?> _role = AccessCli.Role("The user's role in the workspace");
    private readonly Option<string> _workspace = AccessCli.Workspace("The workspace the role applies to (default: default)");
    private readonly Option<bool> _stdin = AccessCli.PasswordStdin();
    private readonly Option<string?> _db = Options.Db();

    public Command Build()
    {
        var command = new Command("add", "Add a user with a role in a workspace") { _name, _role, _workspace, _stdin, _db };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var name = parse.GetValue(_name)?.Trim() ?? "";
        var role = parse.GetValue(_role)!.Value;
        var (password, generated) = AccessCli.Password(context, parse.GetValue(_stdin));
        using var store = AccessCli.Open(context, parse.GetValue(_db), create: true);
        var workspace = AccessCli.RequireWorkspace(store, parse.GetValue(_workspace));
        if (AccessCli.Checked(() => store.AddUser(name, password), "NAME") == WriteOutcome.AlreadyExists)
        {
            throw new CliException($"NAME: a user named '{name}' already exists (names ignore case); change a role with: runrate user role {name} --workspace {workspace} --role {AccessRoles.Key(role)}", ExitCodes.InvalidData);
        }

        store.SetMembership(name, workspace, role);
        context.Console.MarkupLine($"[green]Added[/] user {Markup.Escape(name)} as {AccessRoles.Key(role)} of {Markup.Escape(workspace)}.");
        if (generated)
        {
            UserPasswordCommand.ShowOnce(context, name, password);
        }

        return ExitCodes.Success;
    }
}
