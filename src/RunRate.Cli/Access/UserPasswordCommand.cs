using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Storage;
using Spectre.Console;

namespace RunRate.Cli.Access;

/// <summary><c>runrate user password NAME</c>: sets a new password (from standard input, or generated and printed once) and ends any lockout.</summary>
internal sealed class UserPasswordCommand(CliContext context)
{
    private readonly Argument<string> _name = new("NAME") { Description = "The user (ignoring case)" };
    private readonly Option<bool> _stdin = AccessCli.PasswordStdin();
    private readonly Option<string?> _db = Options.Db();

    public Command Build()
    {
        var command = new Command("password", "Set a user's password (and end a lockout)") { _name, _stdin, _db };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    /// <summary>Prints a generated password, the one time it can be seen.</summary>
    public static void ShowOnce(CliContext context, string name, string password)
    {
        context.Console.MarkupLine($"Password for {Markup.Escape(name)}: [bold]{Markup.Escape(password)}[/]");
        context.Console.MarkupLine("[yellow]It is shown only now and stored only as a hash; keep it somewhere safe.[/]");
    }

    private int Execute(ParseResult parse)
    {
        var name = parse.GetValue(_name)?.Trim() ?? "";
        var (password, generated) = AccessCli.Password(context, parse.GetValue(_stdin));
        using var store = AccessCli.Open(context, parse.GetValue(_db), create: false);
        if (AccessCli.Checked(() => store.SetPassword(name, password), "--password-stdin") != WriteOutcome.Done)
        {
            throw AccessCli.NoUser(name);
        }

        context.Console.MarkupLine($"Changed the password of {Markup.Escape(store.FindUser(name)?.Name ?? name)}.");
        if (generated)
        {
            ShowOnce(context, name, password);
        }

        return ExitCodes.Success;
    }
}
