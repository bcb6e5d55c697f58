using System.CommandLine;
using System.Globalization;
using RunRate.Cli.Common;
using RunRate.Storage.Access;
using Spectre.Console;

namespace RunRate.Cli.Access;

/// <summary>
/// <c>runrate token create --name N --role R</c>: an API token for one workspace and role. The secret is printed
/// once; only its SHA-256 is stored.
/// </summary>
internal sealed class TokenCreateCommand(CliContext context)
{
    private readonly Option<string> _name = new("--name") { Description = "What the token is for (recorded as token:NAME in the audit log)", HelpName = "NAME", Required = true };
    private readonly Option<Role?> _role = AccessCli.Role("What the token may do");
    private readonly Option<string> _workspace = AccessCli.Workspace("The only workspace the token can reach (default: default)");
    private readonly Option<string?> _expires = new("--expires") { Description = "When it stops working: a number of days (90d) or the last valid day (YYYY-MM-DD, UTC); default: never", HelpName = "90d|YYYY-MM-DD" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = new("--json") { Description = "Print the token and its secret as JSON" };

    public Command Build()
    {
        var command = new Command("create", "Create an API token (the secret is shown once)") { _name, _role, _workspace, _expires, _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    /// <summary>
    /// <c>90d</c> is 90 days from now; <c>2026-12-31</c> is valid through that day, so it expires at the start of the next (UTC).
    /// </summary>
    public static DateTimeOffset? ParseExpiry(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith('d') && int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 3650)
        {
            return now.AddDays(days);
        }

        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return end > now ? end : throw new CliException($"--expires: {trimmed} is already past", ExitCodes.InvalidData);
        }

        throw new CliException($"--expires: expected a number of days such as 90d (1 to 3650) or a date YYYY-MM-DD, found '{trimmed}'", ExitCodes.Usage);
    }

    private int Execute(ParseResult parse)
    {
        var role = parse.GetValue(_role)!.Value;
        var expires = ParseExpiry(parse.GetValue(_expires), context.Clock.GetUtcNow());
        using var store = AccessCli.Open(context, parse.GetValue(_db), create: false);
        var workspace = AccessCli.RequireWorkspace(store, parse.GetValue(_workspace));
        var token = AccessCli.Checked(() => store.CreateToken(parse.GetValue(_name) ?? "", workspace, role, expires, AccessCli.Actor()), "--name");
        var info = token.Info;
        if (parse.GetValue(_json))
        {
            AccessCli.Json(context, new { id = info.Id, name = info.Name, workspace = info.Workspace, role = AccessRoles.Key(info.Role), expires = info.Expires is { } e ? AccessCli.Iso(e) : null, secret = token.Secret });
            return ExitCodes.Success;
        }

        var until = info.Expires is { } x ? $"until {AccessCli.Time(x)} UTC" : "without expiry";
        context.Console.MarkupLine($"[green]Created[/] token {Markup.Escape(info.Id)} ({Markup.Escape(info.Name)}): {AccessRoles.Key(info.Role)} of {Markup.Escape(info.Workspace)}, {until}.");
        context.Console.WriteLine();
        context.Console.WriteLine(token.Secret);
        context.Console.WriteLine();
        context.Console.MarkupLine("[yellow]Copy the secret now: it cannot be shown again[/] (only its hash is stored). Send it as: Authorization: Bearer <secret>");
        return ExitCodes.Success;
    }
}
