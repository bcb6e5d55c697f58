using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Storage.Access;
using Spectre.Console;

namespace RunRate.Cli.Access;

/// <summary><c>runrate user list</c>: every user, whether it is disabled, and its role in each workspace.</summary>
internal sealed class UserListCommand(CliContext context)
{
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();

    public Command Build()
    {
        var command = new Command("list", "List the users and their roles") { _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        using var store = AccessCli.Open(context, parse.GetValue(_db), create: false);
        var users = store.Users();
        if (parse.GetValue(_json))
        {
            AccessCli.Json(context, new
            {
                users = users.Select(u => new
                {
                    name = u.Name,
                    created = AccessCli.Iso(u.Created),
                    disabled = u.Disabled,
                    roles = u.Memberships.ToDictionary(m => m.Key, m => AccessRoles.Key(m.Value), StringComparer.Ordinal),
                }),
            });
            return ExitCodes.Success;
        }

        if (users.Count == 0)
        {
            context.Console.MarkupLine("No users yet. Add one with [bold]runrate user add NAME --role admin[/].");
            return ExitCodes.Success;
        }

        var table = new Table().RoundedBorder().Title($"Users, {Format.Count(users.Count)}").AddColumns("Name", "Status", "Roles", "Created (UTC)");
        foreach (var u in users)
        {
            var roles = u.Memberships.Count == 0 ? "none" : string.Join(", ", u.Memberships.Select(m => $"{m.Key}: {AccessRoles.Key(m.Value)}"));
            table.AddRow(Markup.Escape(u.Name), u.Disabled ? "[red]disabled[/]" : "active", Markup.Escape(roles), AccessCli.Time(u.Created));
        }

        context.Console.Write(table);
        return ExitCodes.Success;
    }
}
