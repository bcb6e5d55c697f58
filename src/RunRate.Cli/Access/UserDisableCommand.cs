using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Storage;
using Spectre.Console;

namespace RunRate.Cli.Access;

/// <summary><c>runrate user disable NAME</c> and <c>runrate user enable NAME</c>: a disabled user cannot log in and its sessions stop working.</summary>
internal sealed class UserDisableCommand(CliContext context, bool disable)
{
    private readonly Argument<string> _name = new("NAME") { Description = "The user (ignoring case)" };
    private readonly Option<string?> _db = Options.Db();

    public Command Build()
    {
        var command = disable
            ? new Command("disable", "Disable a user: no login, sessions end") { _name, _db }
            : new Command("enable", "Enable a disabled user again") { _name, _db };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var name = parse.GetValue(_name)?.Trim() ?? "";
        using var store = AccessCli.Open(context, parse.GetValue(_db), create: false);
        if (store.SetDisabled(name, disable) != WriteOutcome.Done)
        {
            throw AccessCli.NoUser(name);
        }

        context.Console.MarkupLine($"User {Markup.Escape(store.FindUser(name)?.Name ?? name)} is {(disable ? "disabled" : "enabled")}.");
        return ExitCodes.Success;
    }
}
