using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Storage;
using Spectre.Console;

namespace RunRate.Cli.Access;

/// <summary><c>runrate token revoke ID</c>: the token stops working at once; it stays listed as revoked.</summary>
internal sealed class TokenRevokeCommand(CliContext context)
{
    private readonly Argument<string> _id = new("ID") { Description = "The token's id (runrate token list shows them)" };
    private readonly Option<string?> _db = Options.Db();

    public Command Build()
    {
        var command = new Command("revoke", "Revoke an API token") { _id, _db };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var id = parse.GetValue(_id)?.Trim() ?? "";
        using var store = AccessCli.Open(context, parse.GetValue(_db), create: false);
        if (store.RevokeToken(id) != WriteOutcome.Done)
        {
            throw new CliException($"ID: no token with id '{id}' (runrate token list shows them)", ExitCodes.NotFound);
        }

        context.Console.MarkupLine($"Revoked token {Markup.Escape(id)}.");
        return ExitCodes.Success;
    }
}
