using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Web.Crm;
using Spectre.Console;

namespace RunRate.Cli.Crm;

/// <summary><c>runrate activities</c>: the log of touches with accounts, newest first, as <c>GET /api/activities</c>.</summary>
internal sealed class ActivitiesCommand(CliContext context)
{
    private readonly Option<string?> _account = new("--account") { Description = "Only activities of this account (customer id)", HelpName = "ID" };
    private readonly Option<int?> _limit = new("--limit") { Description = "At most this many, the newest (tables default to 50)", HelpName = "N" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();

    public Command Build()
    {
        var command = new Command("activities", "List activities (e-mails, calls, meetings, notes), newest first") { _account, _limit, _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var limit = parse.GetValue(_limit);
        if (limit is < 1)
        {
            throw new CliException($"--limit must be at least 1, found {limit}", ExitCodes.Usage);
        }

        var account = CrmCli.Trimmed(parse.GetValue(_account));
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        CrmCli.RequireAccount(store, account);
        var view = CrmCli.View(store);
        var all = view.Activities(accountId: account).ToList();
        var json = parse.GetValue(_json);
        var shown = all.Take(limit ?? (json ? all.Count : 50)).Select(view.Activity).ToList();
        if (json)
        {
            CrmCli.Json(context, new ActivitiesResponse(shown));
            return ExitCodes.Success;
        }

        var table = new Table().RoundedBorder().Title($"Activities{(account is null ? "" : " of " + Markup.Escape(account))}, {Format.Count(shown.Count)} of {Format.Count(all.Count)}");
        table.AddColumns("When (UTC)", "Kind", "Account", "Subject", "Contact", "Deal", "Source");
        foreach (var a in shown)
        {
            table.AddRow(a.At.Replace('T', ' ').TrimEnd('Z'), a.Kind, Markup.Escape($"{a.AccountId} {a.AccountName}".Trim()), Markup.Escape(a.Subject), Markup.Escape(a.ContactId ?? ""), Markup.Escape(a.DealId ?? ""), Markup.Escape(a.Source));
        }

        context.Console.Write(table);
        if (all.Count > shown.Count)
        {
            context.Console.MarkupLine($"[grey]{Format.Count(all.Count - shown.Count)} more; use --limit or --json for all.[/]");
        }

        return ExitCodes.Success;
    }
}
