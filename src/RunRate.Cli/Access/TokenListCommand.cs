using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Storage.Access;
using Spectre.Console;

namespace RunRate.Cli.Access;

/// <summary><c>runrate token list</c>: tokens' public facts (never their secrets), of one workspace or all.</summary>
internal sealed class TokenListCommand(CliContext context)
{
    private readonly Option<string?> _workspace = new("--workspace") { Description = "Only tokens of this workspace", HelpName = "KEY" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();

    public Command Build()
    {
        var command = new Command("list", "List API tokens (never their secrets)") { _workspace, _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        using var store = AccessCli.Open(context, parse.GetValue(_db), create: false);
        var workspace = parse.GetValue(_workspace) is { } w ? AccessCli.RequireWorkspace(store, w.Trim()) : null;
        var now = context.Clock.GetUtcNow();
        var tokens = store.Tokens(workspace);
        if (parse.GetValue(_json))
        {
            AccessCli.Json(context, new
            {
                tokens = tokens.Select(t => new
                {
                    id = t.Id,
                    name = t.Name,
                    workspace = t.Workspace,
                    role = AccessRoles.Key(t.Role),
                    status = Status(t, now),
                    created = AccessCli.Iso(t.Created),
                    created_by = t.CreatedBy,
                    expires = t.Expires is { } e ? AccessCli.Iso(e) : null,
                    revoked = t.Revoked is { } r ? AccessCli.Iso(r) : null,
                    last_used = t.LastUsed is { } u ? AccessCli.Iso(u) : null,
                }),
            });
            return ExitCodes.Success;
        }

        if (tokens.Count == 0)
        {
            context.Console.MarkupLine("No tokens. Create one with [bold]runrate token create --name NAME --role viewer[/].");
            return ExitCodes.Success;
        }

        var table = new Table().RoundedBorder().Title($"API tokens, {Format.Count(tokens.Count)}")
            .AddColumns("Id", "Name", "Workspace", "Role", "Status", "Created (UTC)", "By", "Expires", "Last used");
        foreach (var t in tokens)
        {
            table.AddRow(
                Markup.Escape(t.Id),
                Markup.Escape(t.Name),
                Markup.Escape(t.Workspace),
                AccessRoles.Key(t.Role),
                Status(t, now),
                AccessCli.Time(t.Created),
                Markup.Escape(t.CreatedBy),
                t.Expires is null ? "never" : AccessCli.Time(t.Expires),
                AccessCli.Time(t.LastUsed));
        }

        context.Console.Write(table);
        return ExitCodes.Success;
    }

    private static string Status(TokenInfo token, DateTimeOffset now) =>
        token.Revoked is not null ? "revoked" : token.Expires is { } e && e <= now ? "expired" : "active";
}
