using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Storage.Access;
using Spectre.Console;

namespace RunRate.Cli.Access;

/// <summary><c>runrate user role NAME --workspace W --role R|none</c>: sets (or with <c>none</c> removes) a user's role in a workspace.</summary>
internal sealed class UserRoleCommand(CliContext context)
{
    private readonly Argument<string> _name = new("NAME") { Description = "The user (ignoring case)" };
    private readonly Option<string> _role = AccessCli.RoleOrNoneOption("The new role, or none to remove the user from the workspace");
    private readonly Option<string> _workspace = AccessCli.Workspace("The workspace", required: true);
    private readonly Option<string?> _db = Options.Db();

    public Command Build()
    {
        var command = new Command("role", "Set or remove a user's role in a workspace") { _name, _workspace, _role, _db };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var name = parse.GetValue(_name)?.Trim() ?? "";
        var role = AccessCli.RoleOrNone(parse.GetRequiredValue(_role));
        using var store = AccessCli.Open(context, parse.GetValue(_db), create: false);
        var workspace = AccessCli.RequireWorkspace(store, parse.GetValue(_workspace));
        var user = store.FindUser(name) ?? throw AccessCli.NoUser(name);
        if (store.SetMembership(user.Name, workspace, role) != Storage.WriteOutcome.Done)
        {
            throw AccessCli.NoUser(name);
        }

        context.Console.MarkupLine(role is { } r
            ? $"User {Markup.Escape(user.Name)} is now {AccessRoles.Key(r)} of {Markup.Escape(workspace)}."
            : $"User {Markup.Escape(user.Name)} no longer has a role in {Markup.Escape(workspace)}.");
        return ExitCodes.Success;
    }
}
